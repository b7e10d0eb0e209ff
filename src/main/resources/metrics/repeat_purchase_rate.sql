-- Repeat purchase rate = customers with ≥ 2 completed orders > 0 ÷ customers with ≥ 1, up to the end of M.
WITH months AS (SELECT month::date, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month)
SELECT m.month, 'repeat_purchase_rate', '', '', t.repeaters::numeric / nullif(t.buyers, 0),
       CASE WHEN t.buyers = 0 THEN 'no completed orders yet: upload orders.csv' END,
       jsonb_build_object('repeat_customers', t.repeaters, 'customers', t.buyers)
FROM months m
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE n >= 2) AS repeaters, count(*) AS buyers
    FROM (SELECT customer_id, count(*) AS n FROM orders
          WHERE status = 'completed' AND amount > 0 AND ordered_at < m.month_end GROUP BY customer_id) c) t
