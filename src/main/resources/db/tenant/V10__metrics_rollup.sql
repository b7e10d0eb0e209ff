-- The month-by-month rollup the metrics API and pages read. Rebuilt from the first month an import touched.

-- Units of the reporting currency for one unit of a currency on a day: the latest rate on or before it.
CREATE FUNCTION fx_rate(from_currency text, on_day date, reporting_currency text) RETURNS numeric
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN from_currency = reporting_currency THEN 1
                ELSE (SELECT rate FROM fx_rates WHERE currency = from_currency AND day <= on_day ORDER BY day DESC LIMIT 1) END
$$;

-- Customer MRR at the end of each month (only customers with MRR > 0), in the reporting currency.
CREATE TABLE rollup_customer_mrr (
    month       date    NOT NULL,
    customer_id text    NOT NULL,
    mrr         numeric NOT NULL,
    PRIMARY KEY (month, customer_id)
);
CREATE INDEX rollup_customer_mrr_customer ON rollup_customer_mrr (customer_id, month);

-- Every metric of every month: its value (null with a reason when it cannot be computed) and the inputs it
-- was computed from. Breakdowns (per channel, reason, …) have a non-empty dimension and key.
CREATE TABLE rollup_metrics (
    month     date    NOT NULL,
    metric    text    NOT NULL,
    dimension text    NOT NULL DEFAULT '',
    key       text    NOT NULL DEFAULT '',
    value     numeric,
    reason    text,
    inputs    jsonb   NOT NULL DEFAULT '{}',
    PRIMARY KEY (month, metric, dimension, key)
);

CREATE TABLE rollup_state (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    first_month  date,
    last_month   date,
    refreshed_at timestamptz,
    seconds      numeric
);

-- When each customer was acquired: the earliest of their first completed order with a positive amount and the
-- first instant their MRR is above zero (a trial ends first).
CREATE VIEW customer_acquisition AS
SELECT customer_id, min(first_at) AS acquired_at
FROM (SELECT customer_id, min(ordered_at) AS first_at
      FROM orders WHERE status = 'completed' AND amount > 0 GROUP BY customer_id
      UNION ALL
      SELECT customer_id, min(greatest(starts_at, coalesce(trial_ends_at, starts_at)))
      FROM subscriptions
      WHERE amount > 0 AND (ends_at IS NULL OR ends_at > coalesce(trial_ends_at, starts_at))
      GROUP BY customer_id) firsts
GROUP BY customer_id;
