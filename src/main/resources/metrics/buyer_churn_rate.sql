-- Buyer churn(M) = active buyers at the start of M (a completed order > 0 in the W days before) who are not active at the end of M ÷ active buyers at the start.
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month)
SELECT m.month, 'buyer_churn_rate', '', '', t.churned::numeric / nullif(t.at_start, 0),
       CASE WHEN t.at_start = 0 THEN 'no active buyers at the start of the month: upload orders.csv' END,
       jsonb_build_object('buyers_at_start', t.at_start, 'churned', t.churned, 'inactivity_days', :inactivity_days)
FROM months m
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE b.active_at_start) AS at_start,
           count(*) FILTER (WHERE b.active_at_start AND NOT b.active_at_end) AS churned
    -- One pass over the orders of both windows (the one before the end starts after the one before the start).
    FROM (SELECT o.customer_id, bool_or(o.ordered_at < m.month_start) AS active_at_start,
                 bool_or(o.ordered_at >= m.month_end - make_interval(days => :inactivity_days)) AS active_at_end
          FROM orders o
          WHERE o.status = 'completed' AND o.amount > 0
            AND o.ordered_at >= m.month_start - make_interval(days => :inactivity_days) AND o.ordered_at < m.month_end
          GROUP BY o.customer_id) b) t
