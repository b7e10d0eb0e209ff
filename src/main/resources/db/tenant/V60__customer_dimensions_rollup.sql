-- Filters of the metrics API and dashboards (segment, acquisition channel, country, plan) restrict metrics to the
-- matching customers. They read these rollup tables, never raw history.

-- Each customer's filter attributes: segment and country from customers.csv, and the acquisition channel as CAC per
-- channel defines it (acquisition_channel, else the channel of the first completed order > 0, else of the converted lead).
CREATE TABLE rollup_customer_dimensions (
    customer_id text PRIMARY KEY,
    segment     text,
    channel     text,
    country     text
);

-- Customer MRR at the end of each month per plan (blank plan = ''); rollup_customer_mrr is its sum over plans.
CREATE TABLE rollup_customer_plan_mrr (
    month       date    NOT NULL,
    customer_id text    NOT NULL,
    plan        text    NOT NULL,
    mrr         numeric NOT NULL,
    PRIMARY KEY (month, customer_id, plan)
);
CREATE INDEX rollup_customer_plan_mrr_plan ON rollup_customer_plan_mrr (plan, month);
CREATE INDEX rollup_customer_plan_mrr_customer ON rollup_customer_plan_mrr (customer_id, month);

-- The new tables are empty for rollups built before them: the hourly catch-up rebuilds those in full.
ALTER TABLE rollup_state ADD COLUMN rebuild_pending boolean NOT NULL DEFAULT false;
UPDATE rollup_state SET rebuild_pending = true;
