-- Churn by reason(M) = churned customers and churned MRR of M grouped by the cancel_reason of the period that ended.
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
churned AS (
    SELECT m.month, prev.customer_id, prev.mrr,
           coalesce((SELECT nullif(s.cancel_reason, '') FROM subscriptions s
                     WHERE s.customer_id = prev.customer_id AND s.ends_at > m.month_start - interval '1 day' AND s.ends_at < m.month_end
                     ORDER BY s.ends_at DESC LIMIT 1), 'not given') AS reason
    FROM months m
    CROSS JOIN LATERAL (
        -- Subscribers at the start of M (MRR at the end of the month before) without MRR at its end.
        SELECT p.customer_id, p.mrr FROM rollup_customer_mrr p
        LEFT JOIN rollup_customer_mrr cur ON cur.customer_id = p.customer_id AND cur.month = m.month
        WHERE p.month = (m.month - interval '1 month')::date AND cur.customer_id IS NULL) prev
)
SELECT month, 'churned_mrr', 'reason', reason, sum(mrr), NULL, jsonb_build_object('customers', count(*))
FROM churned GROUP BY month, reason
