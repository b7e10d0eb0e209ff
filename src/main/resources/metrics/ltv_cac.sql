-- LTV : CAC(M) = LTV(M) ÷ CAC of the window ending with M; healthy between 3 and 5.
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
inputs AS (
    SELECT m.month,
           (SELECT value FROM rollup_metrics r WHERE r.month = m.month AND r.metric = 'ltv' AND r.dimension = '') AS ltv,
           (SELECT value FROM rollup_metrics r WHERE r.month = m.month AND r.metric = 'cac' AND r.dimension = '') AS cac
    FROM months m
)
SELECT month, 'ltv_cac', '', '', ltv / nullif(cac, 0),
       CASE WHEN ltv IS NULL THEN 'needs LTV, which is not available this month' WHEN cac IS NULL OR cac = 0 THEN 'needs CAC: upload marketing_spend.csv' END,
       jsonb_build_object('ltv', ltv, 'cac', cac)
FROM inputs
