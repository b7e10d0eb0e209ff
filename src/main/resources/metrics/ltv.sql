-- LTV(M) = ARPA(M) ÷ mean monthly subscriber churn over the trailing LTV window, × gross margin if set; zero churn gives no LTV.
WITH months AS (SELECT month::date FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
inputs AS (
    SELECT m.month,
           (SELECT value FROM rollup_metrics r WHERE r.month = m.month AND r.metric = 'arpa' AND r.dimension = '') AS arpa,
           (SELECT avg(value) FROM rollup_metrics r
            WHERE r.metric = 'subscriber_churn_rate' AND r.dimension = ''
              AND r.month BETWEEN (m.month - make_interval(months => :ltv_window - 1))::date AND m.month) AS churn
    FROM months m
)
SELECT month, 'ltv', '', '',
       CASE WHEN churn > 0 AND arpa IS NOT NULL THEN arpa / churn * coalesce(CAST(:gross_margin AS numeric), 1) END,
       CASE WHEN arpa IS NULL THEN 'LTV needs subscribers: upload subscriptions.csv'
            WHEN churn IS NULL OR churn = 0 THEN 'not enough churn to estimate' END,
       jsonb_build_object('arpa', arpa, 'mean_monthly_churn', churn, 'window_months', :ltv_window,
                          'gross_margin', CAST(:gross_margin AS numeric))
FROM inputs
