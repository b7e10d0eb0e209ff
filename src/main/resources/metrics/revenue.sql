-- Revenue(M) = Σ amount of completed orders in M (refunds negative); orders = count with amount > 0; AOV = Σ positive amounts ÷ orders.
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month),
totals AS (
    SELECT m.month, t.*
    FROM months m
    CROSS JOIN LATERAL (
        SELECT coalesce(sum(o.amount * r.rate), 0) AS revenue,
               count(*) FILTER (WHERE o.amount > 0) AS orders,
               coalesce(sum(o.amount * r.rate) FILTER (WHERE o.amount > 0), 0) AS positive,
               coalesce(sum(o.one_time_amount * r.rate), 0) AS one_time,
               coalesce(sum(o.subscription_amount * r.rate), 0) AS subscription
        FROM orders o
        CROSS JOIN LATERAL (SELECT fx_rate(o.currency, (o.ordered_at AT TIME ZONE :tz)::date, :currency) AS rate) r
        WHERE o.status = 'completed' AND o.ordered_at >= m.month_start AND o.ordered_at < m.month_end) t
)
SELECT t.month, x.metric, '', '', x.value, x.reason, x.inputs
FROM totals t
CROSS JOIN LATERAL (VALUES
    ('revenue', t.revenue, NULL, jsonb_build_object('one_time', t.one_time, 'subscription', t.subscription)),
    ('orders', t.orders::numeric, NULL, '{}'::jsonb),
    ('aov', t.positive / nullif(t.orders, 0), CASE WHEN t.orders = 0 THEN 'no completed orders this month: upload orders.csv' END,
     jsonb_build_object('positive_amounts', t.positive, 'orders', t.orders))
) AS x(metric, value, reason, inputs)
