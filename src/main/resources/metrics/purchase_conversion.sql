-- One-time conversion = customers with a completed one_time or mixed order in M ÷ visitors; subscription conversion = first-time subscribers in M ÷ visitors (a mixed cart counts in both).
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
counts AS (
    SELECT m.month,
           (SELECT coalesce(sum(t.visitors), 0) FROM traffic t
            WHERE t.day >= m.month AND t.day < (m.month + interval '1 month')::date) AS visitors,
           (SELECT count(DISTINCT o.customer_id) FROM orders o
            WHERE o.status = 'completed' AND o.type IN ('one_time', 'mixed') AND o.amount > 0
              AND o.ordered_at >= m.month_start AND o.ordered_at < m.month_end) AS one_time_buyers,
           (SELECT count(*) FROM rollup_customer_firsts f
            WHERE f.first_subscribed_at >= m.month_start AND f.first_subscribed_at < m.month_end) AS new_subscribers
    FROM months m
)
SELECT c.month, x.metric, '', '', x.customers::numeric / nullif(c.visitors, 0),
       CASE WHEN c.visitors = 0 THEN 'no visitors uploaded for this month: upload traffic.csv' END,
       jsonb_build_object('customers', x.customers, 'visitors', c.visitors)
FROM counts c
CROSS JOIN LATERAL (VALUES ('one_time_conversion_rate', c.one_time_buyers),
                           ('subscription_conversion_rate', c.new_subscribers)) AS x(metric, customers)
