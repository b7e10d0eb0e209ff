-- Merchant data of one tenant, as uploaded (data-formats.md). Names are unqualified: this runs inside the
-- tenant's own schema as the tenant's own role. Amounts stay in their original currency; metrics convert
-- them with fx_rates, so a change of reporting currency never rewrites data.
CREATE TABLE customers (
    customer_id          text PRIMARY KEY CHECK (length(customer_id) BETWEEN 1 AND 255),
    name                 text,
    email                text,
    company              text,
    country              text CHECK (country ~ '^[A-Z]{2}$'),
    segment              text CHECK (segment IN ('b2b', 'b2c')),
    created_at           timestamptz,
    acquisition_channel  text,
    marketing_originated boolean
);

CREATE TABLE orders (
    order_id            text PRIMARY KEY CHECK (length(order_id) BETWEEN 1 AND 255),
    customer_id         text           NOT NULL,
    ordered_at          timestamptz    NOT NULL,
    amount              numeric(19, 4) NOT NULL,
    currency            text           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    one_time_amount     numeric(19, 4),
    subscription_amount numeric(19, 4),
    type                text           NOT NULL CHECK (type IN ('one_time', 'subscription', 'mixed')),
    channel             text,
    landing_page        text,
    status              text           NOT NULL CHECK (status IN ('completed', 'refunded', 'cancelled'))
);
CREATE INDEX orders_customer ON orders (customer_id, ordered_at);
CREATE INDEX orders_time ON orders (ordered_at);

-- One row per price period; (subscription_id, starts_at) identifies a period.
CREATE TABLE subscriptions (
    subscription_id text           NOT NULL CHECK (length(subscription_id) BETWEEN 1 AND 255),
    starts_at       timestamptz    NOT NULL,
    customer_id     text           NOT NULL,
    plan            text,
    ends_at         timestamptz CHECK (ends_at IS NULL OR ends_at > starts_at),
    amount          numeric(19, 4) NOT NULL CHECK (amount >= 0),
    currency        text           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    billing_period  text           NOT NULL,
    period_months   numeric(12, 8) NOT NULL CHECK (period_months > 0),
    trial_ends_at   timestamptz,
    cancel_reason   text,
    retention_offer boolean,
    PRIMARY KEY (subscription_id, starts_at)
);
CREATE INDEX subscriptions_customer ON subscriptions (customer_id);

-- A spend row covers one day, or a whole month when uploaded as YYYY-MM (period_end = first of next month).
CREATE TABLE marketing_spend (
    period_start date           NOT NULL,
    period_end   date           NOT NULL CHECK (period_end > period_start),
    channel      text           NOT NULL,
    category     text           NOT NULL CHECK (category IN ('marketing', 'sales')),
    cost_type    text           NOT NULL DEFAULT '' CHECK (cost_type IN ('', 'ads', 'salaries', 'tools', 'content', 'trial_costs', 'other')),
    amount       numeric(19, 4) NOT NULL,
    currency     text           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    PRIMARY KEY (period_start, period_end, channel, category, cost_type, currency)
);

CREATE TABLE traffic (
    day      date   NOT NULL,
    channel  text   NOT NULL DEFAULT '',
    page     text   NOT NULL DEFAULT '',
    visitors bigint NOT NULL CHECK (visitors >= 0),
    sessions bigint CHECK (sessions >= 0),
    PRIMARY KEY (day, channel, page)
);

CREATE TABLE leads (
    lead_id      text        PRIMARY KEY CHECK (length(lead_id) BETWEEN 1 AND 255),
    created_at   timestamptz NOT NULL,
    channel      text,
    converted_at timestamptz,
    customer_id  text
);

CREATE TABLE fx_rates (
    day      date           NOT NULL,
    currency text           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    rate     numeric(20, 10) NOT NULL CHECK (rate > 0),
    PRIMARY KEY (currency, day)
);
