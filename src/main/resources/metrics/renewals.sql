-- Renewal rate(P) = renewed ÷ due; revenue renewal rate(P) = Σ MRR just after the date of renewed ÷ Σ MRR just before of due; saves = renewed into a retention-offer period.
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
groups AS (
    SELECT m.month, coalesce(r.billing_period, '') AS billing_period,
           count(r.subscription_id) AS due,
           count(*) FILTER (WHERE r.renewed) AS renewed,
           coalesce(sum(r.mrr_before), 0) AS mrr_due,
           coalesce(sum(r.mrr_after) FILTER (WHERE r.renewed), 0) AS mrr_renewed,
           count(*) FILTER (WHERE r.renewed AND r.retention_offer) AS saves,
           coalesce(sum(r.mrr_after) FILTER (WHERE r.renewed AND r.retention_offer), 0) AS saved_mrr
    FROM months m
    LEFT JOIN (SELECT * FROM rollup_customer_renewals WHERE month BETWEEN :from::date AND :to::date) r ON r.month = m.month
    GROUP BY GROUPING SETS ((m.month), (m.month, r.billing_period))
    HAVING GROUPING(r.billing_period) = 1 OR r.billing_period IS NOT NULL
),
labelled AS (
    SELECT g.*, CASE WHEN g.billing_period = '' THEN '' ELSE 'billing_period' END AS dimension,
           CASE WHEN g.due = 0 THEN 'no renewals due this month' END AS no_renewals
    FROM groups g
)
SELECT l.month, x.metric, l.dimension, l.billing_period, x.value, x.reason, x.inputs
FROM labelled l
CROSS JOIN LATERAL (VALUES
    ('renewals_due', l.due::numeric, NULL, jsonb_build_object('renewed', l.renewed)),
    ('renewal_rate', l.renewed::numeric / nullif(l.due, 0), l.no_renewals,
     jsonb_build_object('due', l.due, 'renewed', l.renewed)),
    ('revenue_renewal_rate', l.mrr_renewed / nullif(l.mrr_due, 0),
     CASE WHEN l.due = 0 THEN l.no_renewals WHEN l.mrr_due = 0 THEN 'no MRR due for renewal this month' END,
     jsonb_build_object('mrr_after_renewal', round(l.mrr_renewed, 4), 'mrr_due', round(l.mrr_due, 4))),
    ('retention_offer_saves', l.saves::numeric, NULL, jsonb_build_object('saved_mrr', round(l.saved_mrr, 4))),
    ('retention_offer_saved_mrr', l.saved_mrr, NULL, jsonb_build_object('saves', l.saves))
) AS x(metric, value, reason, inputs)
WHERE l.dimension = '' OR x.metric IN ('renewals_due', 'renewal_rate', 'revenue_renewal_rate')
