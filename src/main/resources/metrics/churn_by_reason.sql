-- Churn by reason(M) = churned customers and churned MRR of M grouped by the cancel_reason of the period that ended.
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month),
churned AS (
    SELECT m.month, prev.customer_id, prev.mrr,
           coalesce((SELECT nullif(s.cancel_reason, '') FROM subscriptions s
                     WHERE s.customer_id = prev.customer_id AND s.ends_at > m.month_start - interval '1 day' AND s.ends_at < m.month_end
                     ORDER BY s.ends_at DESC LIMIT 1), 'not given') AS reason
    FROM months m
    JOIN rollup_customer_mrr prev ON prev.month = (m.month - interval '1 month')::date
                                 AND prev.month >= (:from::date - interval '1 month')::date
    WHERE NOT EXISTS (SELECT 1 FROM rollup_customer_mrr cur
                      WHERE cur.month = m.month AND cur.month >= :from::date AND cur.customer_id = prev.customer_id)
)
SELECT month, 'churned_mrr', 'reason', reason, sum(mrr), NULL, jsonb_build_object('customers', count(*))
FROM churned GROUP BY month, reason
