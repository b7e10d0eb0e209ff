-- Per customer, c0 = MRR at the start of M, c1 = at the end: new (c0 = 0 < c1, never before), reactivation (c0 = 0 < c1, had MRR before), expansion (0 < c0 < c1), contraction (0 < c1 < c0), churn (c0 > 0 = c1).
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
pairs AS (
    SELECT m.month, p.customer_id, p.c0, p.c1,
           -- Asked only of customers who start paying this month (a few of them), not of every subscriber.
           CASE WHEN p.c0 = 0 AND p.c1 > 0 THEN EXISTS (SELECT 1 FROM rollup_customer_mrr e
                   WHERE e.customer_id = p.customer_id AND e.month < (m.month - interval '1 month')::date) END AS had_mrr_before
    FROM months m
    CROSS JOIN LATERAL (
        SELECT customer_id, coalesce(prev.mrr, 0) AS c0, coalesce(cur.mrr, 0) AS c1
        FROM (SELECT customer_id, mrr FROM rollup_customer_mrr WHERE month = m.month) cur
        FULL JOIN (SELECT customer_id, mrr FROM rollup_customer_mrr WHERE month = (m.month - interval '1 month')::date) prev
            USING (customer_id)) p
),
movements AS (
    SELECT m.month,
           coalesce(sum(p.c1) FILTER (WHERE p.c0 = 0 AND p.c1 > 0 AND NOT p.had_mrr_before), 0) AS new,
           count(*) FILTER (WHERE p.c0 = 0 AND p.c1 > 0 AND NOT p.had_mrr_before) AS new_count,
           coalesce(sum(p.c1) FILTER (WHERE p.c0 = 0 AND p.c1 > 0 AND p.had_mrr_before), 0) AS reactivation,
           count(*) FILTER (WHERE p.c0 = 0 AND p.c1 > 0 AND p.had_mrr_before) AS reactivation_count,
           coalesce(sum(p.c1 - p.c0) FILTER (WHERE p.c0 > 0 AND p.c1 > p.c0), 0) AS expansion,
           count(*) FILTER (WHERE p.c0 > 0 AND p.c1 > p.c0) AS expansion_count,
           coalesce(sum(p.c0 - p.c1) FILTER (WHERE p.c1 > 0 AND p.c1 < p.c0), 0) AS contraction,
           count(*) FILTER (WHERE p.c1 > 0 AND p.c1 < p.c0) AS contraction_count,
           coalesce(sum(p.c0) FILTER (WHERE p.c0 > 0 AND p.c1 = 0), 0) AS churn,
           count(*) FILTER (WHERE p.c0 > 0 AND p.c1 = 0) AS churn_count
    FROM months m LEFT JOIN pairs p ON p.month = m.month
    GROUP BY m.month
)
SELECT v.month, x.metric, '', '', x.value, NULL, x.inputs
FROM movements v
CROSS JOIN LATERAL (VALUES
    ('new_mrr', v.new, jsonb_build_object('customers', v.new_count)),
    ('reactivation_mrr', v.reactivation, jsonb_build_object('customers', v.reactivation_count)),
    ('expansion_mrr', v.expansion, jsonb_build_object('customers', v.expansion_count)),
    ('contraction_mrr', v.contraction, jsonb_build_object('customers', v.contraction_count)),
    ('churned_mrr', v.churn, jsonb_build_object('customers', v.churn_count)),
    ('net_new_mrr', v.new + v.reactivation + v.expansion - v.contraction - v.churn,
     jsonb_build_object('new', v.new, 'reactivation', v.reactivation, 'expansion', v.expansion,
                        'contraction', v.contraction, 'churn', v.churn))
) AS x(metric, value, inputs)
