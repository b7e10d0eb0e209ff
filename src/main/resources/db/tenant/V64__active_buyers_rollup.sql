-- The buyers active at the start of each month (a completed order > 0 in the inactivity window before it) with
-- whether they are still active at its end, kept per customer: an orders import recomputes only the customers it
-- changed, and buyer churn counts the refreshed months' rows (metrics/active_buyers.sql).
CREATE TABLE rollup_active_buyers (
    month         date    NOT NULL,
    customer_id   text    NOT NULL,
    active_at_end boolean NOT NULL,
    PRIMARY KEY (month, customer_id)
);

UPDATE rollup_state SET rebuild_pending = true;
