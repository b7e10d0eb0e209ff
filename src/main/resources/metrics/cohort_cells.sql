-- Cohort cell (C, C+k) over customers acquired in month C: customers, subscribers at the end of C+k (MRR > 0), buyers with a completed order > 0 in C+k, cohort MRR at the end of C+k, revenue in C+k (and, kept with the cells, cumulative from C); here what the given customers (every customer in a rebuild) count in the cells from the first refreshed month on.
WITH members AS MATERIALIZED (
    SELECT customer_id, date_trunc('month', acquired_at AT TIME ZONE :tz)::date AS cohort FROM customer_acquisition
    WHERE :all_customers OR customer_id = ANY(:customers)
),
cells AS (
    SELECT s.cohort, m.month::date AS month, s.customers
    FROM (SELECT cohort, count(*) AS customers FROM members GROUP BY cohort) s
    CROSS JOIN LATERAL generate_series(greatest(s.cohort, :from::date)::timestamp, :to::timestamp, interval '1 month') AS m(month)
),
subscribed AS (
    SELECT mb.cohort, r.month, count(*) AS subscribers, sum(r.mrr) AS mrr
    FROM rollup_customer_mrr r JOIN members mb USING (customer_id)
    WHERE r.month >= :from::date AND r.month >= mb.cohort
    GROUP BY mb.cohort, r.month
),
bought AS (
    SELECT mb.cohort, o.month, count(*) FILTER (WHERE o.orders > 0) AS buyers, sum(o.revenue) AS revenue
    FROM rollup_customer_orders o JOIN members mb USING (customer_id)
    WHERE o.month >= :from::date AND o.month >= mb.cohort
    GROUP BY mb.cohort, o.month
)
SELECT c.cohort, c.month, c.customers, coalesce(s.subscribers, 0) AS subscribers, coalesce(b.buyers, 0) AS buyers,
       coalesce(s.mrr, 0) AS mrr, coalesce(b.revenue, 0) AS revenue
FROM cells c
LEFT JOIN subscribed s ON s.cohort = c.cohort AND s.month = c.month
LEFT JOIN bought b ON b.cohort = c.cohort AND b.month = c.month
