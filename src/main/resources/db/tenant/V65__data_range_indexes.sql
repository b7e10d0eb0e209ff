-- Every rollup refresh first finds the first and last month with data (RollupRefresh.dataRange): the minimum and
-- maximum are then read from an index instead of scanning subscriptions and leads.
CREATE INDEX subscriptions_start ON subscriptions (starts_at);
CREATE INDEX leads_created ON leads (created_at);
