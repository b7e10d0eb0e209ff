-- Repeat purchase rate = customers with ≥ 2 completed orders > 0 ÷ customers with ≥ 1, up to the end of M.
WITH running AS (
    SELECT customer_id, month, sum(orders) OVER (PARTITION BY customer_id ORDER BY month) AS orders_so_far
    FROM rollup_customer_orders WHERE orders > 0
),
milestones AS MATERIALIZED (
    SELECT customer_id, min(month) AS first_month, min(month) FILTER (WHERE orders_so_far >= 2) AS second_month
    FROM running GROUP BY customer_id
)
SELECT m.month::date, 'repeat_purchase_rate', '', '', t.repeaters::numeric / nullif(t.buyers, 0),
       CASE WHEN t.buyers = 0 THEN 'no completed orders yet: upload orders.csv' END,
       jsonb_build_object('repeat_customers', t.repeaters, 'customers', t.buyers)
FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS m(month)
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE second_month <= m.month::date) AS repeaters, count(*) AS buyers
    FROM milestones WHERE first_month <= m.month::date) t
