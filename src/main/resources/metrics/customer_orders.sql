-- Customer orders(M) = Σ amounts of the customer's completed orders placed in M × FX(ordered_at); orders counts those > 0.
INSERT INTO rollup_customer_orders (month, customer_id, revenue, positive_revenue, orders, one_time_revenue, subscription_revenue)
WITH refreshed AS MATERIALIZED (
    SELECT (o.ordered_at AT TIME ZONE :tz)::date AS day, o.customer_id, o.amount, o.one_time_amount, o.subscription_amount,
           o.currency
    FROM orders o
    WHERE o.status = 'completed' AND o.ordered_at >= :from::timestamp AT TIME ZONE :tz
      AND (:all_customers OR o.customer_id = ANY(:customers))
),
-- One FX lookup per currency and day, not per order.
rates AS (
    SELECT currency, day, fx_rate(currency, day, :currency) AS rate
    FROM (SELECT DISTINCT currency, day FROM refreshed WHERE currency <> :currency) pairs
),
converted AS (
    SELECT date_trunc('month', r.day::timestamp)::date AS month, r.customer_id, r.amount, r.one_time_amount, r.subscription_amount,
           CASE WHEN r.currency = :currency THEN 1 ELSE x.rate END AS rate
    FROM refreshed r LEFT JOIN rates x ON x.currency = r.currency AND x.day = r.day
)
SELECT month, customer_id,
       coalesce(sum(amount * rate), 0),
       coalesce(sum(amount * rate) FILTER (WHERE amount > 0), 0),
       count(*) FILTER (WHERE amount > 0),
       coalesce(sum(one_time_amount * rate), 0),
       coalesce(sum(subscription_amount * rate), 0)
FROM converted
GROUP BY month, customer_id
-- In (month, customer) order, so that each month's rows sit together for the metrics that read a month.
ORDER BY month, customer_id
