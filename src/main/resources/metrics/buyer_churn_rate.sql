-- Buyer churn(M) = active buyers at the start of M (a completed order > 0 in the W days before) who are not active at the end of M ÷ active buyers at the start.
SELECT m.month::date, 'buyer_churn_rate', '', '', t.churned::numeric / nullif(t.at_start, 0),
       CASE WHEN t.at_start = 0 THEN 'no active buyers at the start of the month: upload orders.csv' END,
       jsonb_build_object('buyers_at_start', t.at_start, 'churned', t.churned, 'inactivity_days', :inactivity_days)
FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS m(month)
CROSS JOIN LATERAL (
    SELECT count(*) AS at_start, count(*) FILTER (WHERE NOT b.active_at_end) AS churned
    FROM rollup_active_buyers b WHERE b.month = m.month::date) t
