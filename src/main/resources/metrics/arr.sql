-- ARR = 12 × MRR; without any subscription data: Σ subscription_amount of completed orders over the trailing 12 months.
WITH source AS (SELECT EXISTS (SELECT 1 FROM subscriptions) AS has_subscriptions),
order_based AS (
    SELECT m.month::date AS month,
           sum(coalesce(monthly.amount, 0)) OVER (ORDER BY m.month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS trailing_12
    FROM generate_series(:from::timestamp - interval '11 months', :to::timestamp, interval '1 month') AS m(month)
    CROSS JOIN source s
    LEFT JOIN LATERAL (SELECT sum(c.subscription_revenue) AS amount FROM rollup_customer_orders c
                       WHERE c.month = m.month::date AND NOT s.has_subscriptions) monthly ON TRUE
)
SELECT b.month, 'arr', '', '',
       CASE WHEN s.has_subscriptions
            THEN 12 * (SELECT r.value FROM rollup_metrics r WHERE r.month = b.month AND r.metric = 'mrr' AND r.dimension = '')
            ELSE b.trailing_12 END,
       NULL,
       jsonb_build_object('basis', CASE WHEN s.has_subscriptions THEN '12 × MRR'
                                        ELSE 'subscription amounts of completed orders, trailing 12 months' END)
FROM order_based b CROSS JOIN source s
WHERE b.month >= :from::date
