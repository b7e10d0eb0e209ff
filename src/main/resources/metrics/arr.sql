-- ARR = 12 × MRR; without any subscription data: Σ subscription_amount of completed orders over the trailing 12 months.
WITH months AS (SELECT month::date, (month - interval '11 months') AT TIME ZONE :tz AS window_start,
                       (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month),
source AS (SELECT EXISTS (SELECT 1 FROM subscriptions) AS has_subscriptions)
SELECT m.month, 'arr', '', '',
       CASE WHEN s.has_subscriptions
            THEN 12 * (SELECT coalesce(sum(c.mrr), 0) FROM rollup_customer_mrr c WHERE c.month = m.month)
            ELSE (SELECT coalesce(sum(o.subscription_amount * fx_rate(o.currency, (o.ordered_at AT TIME ZONE :tz)::date, :currency)), 0)
                  FROM orders o
                  WHERE o.status = 'completed' AND o.ordered_at >= m.window_start AND o.ordered_at < m.month_end) END,
       NULL,
       jsonb_build_object('basis', CASE WHEN s.has_subscriptions THEN '12 × MRR'
                                        ELSE 'subscription amounts of completed orders, trailing 12 months' END)
FROM months m CROSS JOIN source s
