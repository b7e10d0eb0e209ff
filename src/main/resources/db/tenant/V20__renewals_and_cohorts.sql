-- Renewals and cohorts (metrics.md, Retention).

-- Every renewal date of every subscription in [window_start, window_end): the first active instant of the
-- subscription + n × the billing period of the row active just before that date (n ≥ 1), in the tenant's time
-- zone. Each is due (the row before is active just before it); renewed when a row is active at the date.
-- MRR of a row = amount ÷ months(billing_period) × FX(starts_at), as in customer MRR. The rollup (renewals.sql)
-- and the upcoming-renewals service both read this one definition.
CREATE FUNCTION renewal_dates(window_start timestamptz, window_end timestamptz, tz text, reporting_currency text)
    RETURNS TABLE (subscription_id text, customer_id text, renews_at timestamptz, billing_period text,
                   mrr_before numeric, renewed boolean, mrr_after numeric, retention_offer boolean)
    LANGUAGE sql STABLE AS $$
WITH periods AS (
    SELECT s.*, greatest(s.starts_at, coalesce(s.trial_ends_at, s.starts_at)) AS active_from,
           CASE s.billing_period WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                                 WHEN 'quarter' THEN interval '3 months' WHEN 'half_year' THEN interval '6 months'
                                 WHEN 'year' THEN interval '1 year' ELSE s.billing_period::interval END AS step
    FROM subscriptions s
    WHERE s.starts_at < window_end AND (s.ends_at IS NULL OR s.ends_at >= window_start)
),
firsts AS (
    SELECT s.subscription_id, min(greatest(s.starts_at, coalesce(s.trial_ends_at, s.starts_at))) AS first_active
    FROM subscriptions s
    WHERE s.subscription_id IN (SELECT p.subscription_id FROM periods p)
      AND (s.ends_at IS NULL OR s.ends_at > greatest(s.starts_at, coalesce(s.trial_ends_at, s.starts_at)))
    GROUP BY s.subscription_id
),
candidates AS (
    -- n is bounded by the shortest (28 days a month) and longest (31 days a month) length of the period.
    SELECT p.subscription_id, p.customer_id, p.active_from, p.ends_at,
           ((f.first_active AT TIME ZONE tz) + n * p.step) AT TIME ZONE tz AS renews_at,
           CASE WHEN p.billing_period IN ('week', 'P1W') THEN 'week' WHEN p.period_months = 1 THEN 'month'
                WHEN p.period_months = 3 THEN 'quarter' WHEN p.period_months = 6 THEN 'half_year'
                WHEN p.period_months = 12 THEN 'year' ELSE p.billing_period END AS billing_period,
           p.amount / p.period_months * fx_rate(p.currency, (p.starts_at AT TIME ZONE tz)::date, reporting_currency) AS mrr_before
    FROM periods p
    JOIN firsts f ON f.subscription_id = p.subscription_id
    CROSS JOIN LATERAL generate_series(
        greatest(1, floor(extract(epoch FROM greatest(window_start, p.active_from) - f.first_active)
                          / (p.period_months * 31 * 86400))::int),
        floor(extract(epoch FROM least(window_end, coalesce(p.ends_at, window_end)) - f.first_active)
              / (p.period_months * 28 * 86400))::int + 1) AS n
)
SELECT c.subscription_id, c.customer_id, c.renews_at, c.billing_period, c.mrr_before,
       a.mrr IS NOT NULL, a.mrr, coalesce(a.retention_offer, false)
FROM candidates c
LEFT JOIN LATERAL (
    SELECT s.amount / s.period_months * fx_rate(s.currency, (s.starts_at AT TIME ZONE tz)::date, reporting_currency) AS mrr,
           s.retention_offer
    FROM subscriptions s
    WHERE s.subscription_id = c.subscription_id AND s.starts_at <= c.renews_at
      AND (s.ends_at IS NULL OR s.ends_at > c.renews_at) AND (s.trial_ends_at IS NULL OR s.trial_ends_at <= c.renews_at)
    LIMIT 1) a ON true
WHERE c.renews_at > c.active_from AND (c.ends_at IS NULL OR c.renews_at <= c.ends_at)
  AND c.renews_at >= window_start AND c.renews_at < window_end
$$;

-- Cohorts by acquisition month: one row per cohort (acquisition month) and month since, with the cohort's size,
-- its subscribers at the end of the month, buyers with a completed order above zero in the month, its MRR at the
-- end of the month, its revenue in the month and cumulative revenue from the cohort month on.
CREATE TABLE rollup_cohorts (
    cohort             date    NOT NULL,
    month              date    NOT NULL,
    customers          integer NOT NULL,
    subscribers        integer NOT NULL,
    buyers             integer NOT NULL,
    mrr                numeric NOT NULL,
    revenue            numeric NOT NULL,
    cumulative_revenue numeric NOT NULL,
    PRIMARY KEY (cohort, month),
    CHECK (month >= cohort)
);
CREATE INDEX rollup_cohorts_month ON rollup_cohorts (month);
