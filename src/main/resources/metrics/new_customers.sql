-- New customers(M) = customers whose acquisition instant (first completed order > 0 or first MRR, whichever is earlier) falls in M.
WITH acquired AS (
    SELECT date_trunc('month', acquired_at AT TIME ZONE :tz)::date AS month, count(*) AS customers
    FROM customer_acquisition WHERE acquired_at >= :from::timestamp AT TIME ZONE :tz GROUP BY 1
)
SELECT m.month::date, 'new_customers', '', '', coalesce(a.customers, 0)::numeric, NULL, '{}'::jsonb
FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS m(month)
LEFT JOIN acquired a ON a.month = m.month::date
