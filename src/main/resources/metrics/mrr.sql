-- MRR(M) = Σ customer MRR at the end of M; subscribers = customers with MRR > 0 then; ARPA = MRR ÷ subscribers.
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
totals AS (SELECT m.month, coalesce(sum(c.mrr), 0) AS mrr, count(c.customer_id) AS subscribers
           FROM months m LEFT JOIN rollup_customer_mrr c ON c.month = m.month AND c.month >= :from::date GROUP BY m.month)
SELECT t.month, x.metric, '', '', x.value, x.reason, x.inputs
FROM totals t
CROSS JOIN LATERAL (VALUES
    ('mrr', t.mrr, NULL, jsonb_build_object('subscribers', t.subscribers)),
    ('subscribers', t.subscribers::numeric, NULL, '{}'::jsonb),
    ('arpa', t.mrr / nullif(t.subscribers, 0),
     CASE WHEN t.subscribers = 0 THEN 'no subscribers at the end of the month: upload subscriptions.csv' END,
     jsonb_build_object('mrr', t.mrr, 'subscribers', t.subscribers))
) AS x(metric, value, reason, inputs)
