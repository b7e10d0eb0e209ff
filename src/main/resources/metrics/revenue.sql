-- Revenue(M) = Σ amount of completed orders in M (refunds negative); orders = count with amount > 0; AOV = Σ positive amounts ÷ orders.
WITH totals AS (
    SELECT m.month::date AS month,
           coalesce(sum(c.revenue), 0) AS revenue,
           coalesce(sum(c.orders), 0) AS orders,
           coalesce(sum(c.positive_revenue), 0) AS positive,
           coalesce(sum(c.one_time_revenue), 0) AS one_time,
           coalesce(sum(c.subscription_revenue), 0) AS subscription
    FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS m(month)
    LEFT JOIN rollup_customer_orders c ON c.month = m.month::date AND c.month >= :from::date
    GROUP BY m.month
)
SELECT t.month, x.metric, '', '', x.value, x.reason, x.inputs
FROM totals t
CROSS JOIN LATERAL (VALUES
    ('revenue', t.revenue, NULL, jsonb_build_object('one_time', t.one_time, 'subscription', t.subscription)),
    ('orders', t.orders::numeric, NULL, '{}'::jsonb),
    ('aov', t.positive / nullif(t.orders, 0), CASE WHEN t.orders = 0 THEN 'no completed orders this month: upload orders.csv' END,
     jsonb_build_object('positive_amounts', t.positive, 'orders', t.orders))
) AS x(metric, value, reason, inputs)
