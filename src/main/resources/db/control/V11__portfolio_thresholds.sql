-- When the portfolio flags a client, per account manager. A missing row means the defaults.
CREATE TABLE portfolio_thresholds (
    user_id                 bigint PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    min_ltv_cac             numeric NOT NULL CHECK (min_ltv_cac >= 0),
    max_churn_rise_points   numeric NOT NULL CHECK (max_churn_rise_points > 0),
    max_days_without_upload int     NOT NULL CHECK (max_days_without_upload > 0),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
