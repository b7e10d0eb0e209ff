-- The renewal dates of every subscription by the month they fall in, kept per customer: an import recomputes only
-- the customers it changed, and the renewal metrics add up the refreshed months (metrics/customer_renewals.sql).
CREATE TABLE rollup_customer_renewals (
    month           date        NOT NULL,
    customer_id     text        NOT NULL,
    subscription_id text        NOT NULL,
    renews_at       timestamptz NOT NULL,
    billing_period  text,
    mrr_before      numeric,
    renewed         boolean     NOT NULL,
    mrr_after       numeric,
    retention_offer boolean     NOT NULL
);
-- One index: the metrics read months, and a refresh deletes the changed customers' rows of the refreshed months.
CREATE INDEX rollup_customer_renewals_month ON rollup_customer_renewals (month);

-- renewal_dates of V20, optionally for some customers only.
DROP FUNCTION renewal_dates(timestamptz, timestamptz, text, text);
CREATE FUNCTION renewal_dates(window_start timestamptz, window_end timestamptz, tz text, reporting_currency text,
                              only_customers text[] DEFAULT NULL)
    RETURNS TABLE (subscription_id text, customer_id text, renews_at timestamptz, billing_period text,
                   mrr_before numeric, renewed boolean, mrr_after numeric, retention_offer boolean)
    LANGUAGE sql STABLE AS $$
WITH touched AS (
    SELECT DISTINCT s.subscription_id FROM subscriptions s
    WHERE s.starts_at < window_end AND (s.ends_at IS NULL OR s.ends_at >= window_start)
      AND (only_customers IS NULL OR s.customer_id = ANY(only_customers))
),
periods AS (
    SELECT s.subscription_id, s.customer_id, s.starts_at, s.ends_at, s.trial_ends_at, s.billing_period, s.period_months,
           coalesce(s.retention_offer, false) AS retention_offer,
           greatest(s.starts_at, coalesce(s.trial_ends_at, s.starts_at)) AS active_from,
           s.amount / s.period_months * fx_rate(s.currency, (s.starts_at AT TIME ZONE tz)::date, reporting_currency) AS mrr
    FROM subscriptions s JOIN touched t ON t.subscription_id = s.subscription_id
),
-- Rows of a subscription never overlap, so the only row that can be active at a renewal date on which its row
-- before ends is the next row by start.
linked AS (
    SELECT p.*,
           min(p.active_from) FILTER (WHERE p.ends_at IS NULL OR p.ends_at > p.active_from)
               OVER (PARTITION BY p.subscription_id) AS first_active,
           lead(p.starts_at) OVER w AS next_starts_at, lead(p.ends_at) OVER w AS next_ends_at,
           lead(p.trial_ends_at) OVER w AS next_trial_ends_at, lead(p.mrr) OVER w AS next_mrr,
           lead(p.retention_offer) OVER w AS next_retention_offer,
           CASE p.billing_period WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month'
                                 WHEN 'quarter' THEN interval '3 months' WHEN 'half_year' THEN interval '6 months'
                                 WHEN 'year' THEN interval '1 year' ELSE p.billing_period::interval END AS step
    FROM periods p
    WINDOW w AS (PARTITION BY p.subscription_id ORDER BY p.starts_at)
),
candidates AS (
    -- n is bounded by the shortest (28 days a month) and longest (31 days a month) length of the period.
    SELECT l.*, ((l.first_active AT TIME ZONE tz) + n * l.step) AT TIME ZONE tz AS renews_at
    FROM linked l
    CROSS JOIN LATERAL generate_series(
        greatest(1, floor(extract(epoch FROM greatest(window_start, l.active_from) - l.first_active)
                          / (l.period_months * 31 * 86400))::int),
        floor(extract(epoch FROM least(window_end, coalesce(l.ends_at, window_end)) - l.first_active)
              / (l.period_months * 28 * 86400))::int + 1) AS n
    WHERE l.first_active IS NOT NULL AND l.starts_at < window_end AND (l.ends_at IS NULL OR l.ends_at >= window_start)
),
due AS (
    SELECT c.*, c.ends_at IS NULL OR c.renews_at < c.ends_at AS continues,
           c.next_starts_at <= c.renews_at AND (c.next_ends_at IS NULL OR c.next_ends_at > c.renews_at)
               AND (c.next_trial_ends_at IS NULL OR c.next_trial_ends_at <= c.renews_at) AS next_active
    FROM candidates c
    WHERE c.renews_at > c.active_from AND (c.ends_at IS NULL OR c.renews_at <= c.ends_at)
      AND c.renews_at >= window_start AND c.renews_at < window_end
)
SELECT d.subscription_id, d.customer_id, d.renews_at,
       CASE WHEN d.billing_period IN ('week', 'P1W') THEN 'week' WHEN d.period_months = 1 THEN 'month'
            WHEN d.period_months = 3 THEN 'quarter' WHEN d.period_months = 6 THEN 'half_year'
            WHEN d.period_months = 12 THEN 'year' ELSE d.billing_period END,
       d.mrr,
       d.continues OR coalesce(d.next_active, false),
       CASE WHEN d.continues THEN d.mrr WHEN d.next_active THEN d.next_mrr END,
       CASE WHEN d.continues THEN d.retention_offer WHEN d.next_active THEN d.next_retention_offer ELSE false END
FROM due d
$$;

UPDATE rollup_state SET rebuild_pending = true;
