-- Spend(M) = Σ marketing_spend.amount of rows starting in M (a YYYY-MM row belongs to its month), split into marketing and sales by category.
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
totals AS (
    SELECT m.month,
           coalesce(sum(s.amount * fx_rate(s.currency, s.period_start, :currency)), 0) AS spend,
           coalesce(sum(s.amount * fx_rate(s.currency, s.period_start, :currency)) FILTER (WHERE s.category = 'marketing'), 0) AS marketing,
           coalesce(sum(s.amount * fx_rate(s.currency, s.period_start, :currency)) FILTER (WHERE s.category = 'sales'), 0) AS sales
    FROM months m LEFT JOIN marketing_spend s ON s.period_start >= m.month AND s.period_start < (m.month + interval '1 month')::date
    GROUP BY m.month
)
SELECT t.month, x.metric, '', '', x.value, NULL, '{}'::jsonb
FROM totals t
CROSS JOIN LATERAL (VALUES ('spend', t.spend), ('marketing_spend', t.marketing), ('sales_spend', t.sales)) AS x(metric, value)
