-- Repeat purchase rate = customers with ≥ 2 completed orders > 0 ÷ customers with ≥ 1, up to the end of M.
SELECT m.month::date, 'repeat_purchase_rate', '', '', t.repeaters::numeric / nullif(t.buyers, 0),
       CASE WHEN t.buyers = 0 THEN 'no completed orders yet: upload orders.csv' END,
       jsonb_build_object('repeat_customers', t.repeaters, 'customers', t.buyers)
FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS m(month)
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE second_order_month <= m.month::date) AS repeaters, count(*) AS buyers
    FROM rollup_customer_firsts WHERE first_order_month <= m.month::date) t
