-- Customer MRR per plan at the end of M = Σ amount ÷ months(billing_period) × FX(starts_at) over the customer's periods of that plan active just before M+1 starts.
INSERT INTO rollup_customer_plan_mrr (month, customer_id, plan, mrr)
SELECT m.month::date, s.customer_id, coalesce(s.plan, ''),
       sum(s.amount / s.period_months * fx_rate(s.currency, (s.starts_at AT TIME ZONE :tz)::date, :currency))
FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS m(month)
CROSS JOIN LATERAL (SELECT (m.month + interval '1 month') AT TIME ZONE :tz AS month_end) e
JOIN subscriptions s ON s.starts_at < e.month_end
                    AND (s.ends_at IS NULL OR s.ends_at >= e.month_end)
                    AND (s.trial_ends_at IS NULL OR s.trial_ends_at < e.month_end)
                    AND (:all_customers OR s.customer_id = ANY(:customers))
GROUP BY m.month, s.customer_id, coalesce(s.plan, '')
HAVING sum(s.amount) > 0
