-- Tenant settings that change metric definitions (metrics.md, "Tenant settings that change definitions").
ALTER TABLE tenant
    ADD COLUMN inactivity_days   int     NOT NULL DEFAULT 90 CHECK (inactivity_days BETWEEN 1 AND 3650),
    ADD COLUMN cac_window_months int     NOT NULL DEFAULT 3 CHECK (cac_window_months BETWEEN 1 AND 36),
    ADD COLUMN ltv_window_months int     NOT NULL DEFAULT 6 CHECK (ltv_window_months BETWEEN 1 AND 36),
    ADD COLUMN gross_margin      numeric CHECK (gross_margin > 0 AND gross_margin <= 1);
