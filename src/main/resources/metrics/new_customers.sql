-- New customers(M) = customers whose acquisition instant (first completed order > 0 or first MRR, whichever is earlier) falls in M.
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month)
SELECT m.month, 'new_customers', '', '',
       (SELECT count(*) FROM customer_acquisition a WHERE a.acquired_at >= m.month_start AND a.acquired_at < m.month_end)::numeric,
       NULL, '{}'::jsonb
FROM months m
