-- Gross MRR churn = (churn + contraction) ÷ MRR at the start of M; net = (churn + contraction − expansion − reactivation) ÷ MRR at the start; quick ratio = (new + reactivation + expansion) ÷ (churn + contraction).
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
inputs AS (
    SELECT m.month,
           (SELECT coalesce(sum(c.mrr), 0) FROM rollup_customer_mrr c WHERE c.month = (m.month - interval '1 month')::date) AS start_mrr,
           max(r.value) FILTER (WHERE r.metric = 'new_mrr') AS new,
           max(r.value) FILTER (WHERE r.metric = 'reactivation_mrr') AS reactivation,
           max(r.value) FILTER (WHERE r.metric = 'expansion_mrr') AS expansion,
           max(r.value) FILTER (WHERE r.metric = 'contraction_mrr') AS contraction,
           max(r.value) FILTER (WHERE r.metric = 'churned_mrr') AS churn
    FROM months m JOIN rollup_metrics r ON r.month = m.month AND r.dimension = ''
    GROUP BY m.month
)
SELECT i.month, x.metric, '', '', x.value, x.reason, x.inputs
FROM inputs i
CROSS JOIN LATERAL (VALUES
    ('gross_mrr_churn_rate', (i.churn + i.contraction) / nullif(i.start_mrr, 0),
     CASE WHEN i.start_mrr = 0 THEN 'no MRR at the start of the month' END,
     jsonb_build_object('churn', i.churn, 'contraction', i.contraction, 'mrr_at_start', i.start_mrr)),
    ('net_mrr_churn_rate', (i.churn + i.contraction - i.expansion - i.reactivation) / nullif(i.start_mrr, 0),
     CASE WHEN i.start_mrr = 0 THEN 'no MRR at the start of the month' END,
     jsonb_build_object('churn', i.churn, 'contraction', i.contraction, 'expansion', i.expansion,
                        'reactivation', i.reactivation, 'mrr_at_start', i.start_mrr)),
    ('quick_ratio', (i.new + i.reactivation + i.expansion) / nullif(i.churn + i.contraction, 0),
     CASE WHEN i.churn + i.contraction = 0 THEN 'no churn or contraction this month' END,
     jsonb_build_object('new', i.new, 'reactivation', i.reactivation, 'expansion', i.expansion,
                        'churn', i.churn, 'contraction', i.contraction))
) AS x(metric, value, reason, inputs)
