-- Customer MRR per plan at the end of M = Σ amount ÷ months(billing_period) × FX(starts_at) over the customer's periods of that plan active just before M+1 starts.
INSERT INTO rollup_customer_plan_mrr (month, customer_id, plan, mrr)
-- Each period converted once (not once per month it spans), from the periods still active at the first month's end.
WITH periods AS MATERIALIZED (
    SELECT s.customer_id, coalesce(s.plan, '') AS plan, s.starts_at, s.ends_at, s.trial_ends_at, s.amount,
           s.amount / s.period_months * CASE WHEN s.currency = :currency THEN 1
                                             ELSE fx_rate(s.currency, (s.starts_at AT TIME ZONE :tz)::date, :currency) END AS mrr
    FROM subscriptions s
    WHERE (s.ends_at IS NULL OR s.ends_at >= (:from::timestamp + interval '1 month') AT TIME ZONE :tz)
      AND (:all_customers OR s.customer_id = ANY(:customers))
)
SELECT m.month::date, p.customer_id, p.plan, sum(p.mrr)
FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS m(month)
CROSS JOIN LATERAL (SELECT (m.month + interval '1 month') AT TIME ZONE :tz AS month_end) e
JOIN periods p ON p.starts_at < e.month_end
              AND (p.ends_at IS NULL OR p.ends_at >= e.month_end)
              AND (p.trial_ends_at IS NULL OR p.trial_ends_at < e.month_end)
GROUP BY m.month, p.customer_id, p.plan
HAVING sum(p.amount) > 0
-- In (month, customer) order, so that each month's rows sit together for the metrics that read a month.
ORDER BY m.month, p.customer_id
