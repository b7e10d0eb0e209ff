-- Subscriber churn(M) = subscribers at the start of M who are not subscribers at the end of M ÷ subscribers at the start of M.
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count)
SELECT m.month, 'subscriber_churn_rate', '', '', t.churned::numeric / nullif(t.at_start, 0),
       CASE WHEN t.at_start = 0 THEN 'no subscribers at the start of the month: upload subscriptions.csv' END,
       jsonb_build_object('subscribers_at_start', t.at_start, 'churned', t.churned)
FROM months m
CROSS JOIN LATERAL (
    SELECT count(*) AS at_start, count(*) FILTER (WHERE cur.customer_id IS NULL) AS churned
    FROM rollup_customer_mrr prev
    LEFT JOIN rollup_customer_mrr cur ON cur.customer_id = prev.customer_id AND cur.month = m.month
    WHERE prev.month = (m.month - interval '1 month')::date) t
