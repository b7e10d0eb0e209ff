-- Control schema: who may see which tenant. Tenant data lives in one schema per tenant (db/tenant).
CREATE TABLE tenant (
    id                 bigserial PRIMARY KEY,
    slug               text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    name               text        NOT NULL,
    reporting_currency text        NOT NULL CHECK (reporting_currency ~ '^[A-Z]{3}$'),
    time_zone          text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('provisioning', 'active', 'suspended')),
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id                bigserial PRIMARY KEY,
    oidc_subject      text UNIQUE,
    email             text        NOT NULL UNIQUE CHECK (email = lower(email)),
    name              text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_signed_in_at timestamptz
);

CREATE TABLE membership (
    id         bigserial PRIMARY KEY,
    tenant_id  bigint      NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('owner', 'analyst', 'viewer')),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, user_id)
);
CREATE INDEX membership_user ON membership (user_id);

CREATE TABLE account_manager_assignment (
    id         bigserial PRIMARY KEY,
    tenant_id  bigint      NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, user_id)
);
CREATE INDEX account_manager_assignment_user ON account_manager_assignment (user_id);

CREATE TABLE audit_entry (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    tenant_id   bigint REFERENCES tenant (id) ON DELETE SET NULL,
    actor_id    bigint REFERENCES app_user (id) ON DELETE SET NULL,
    actor_email text,
    action      text        NOT NULL,
    detail      text,
    remote_address text
);
CREATE INDEX audit_entry_tenant_time ON audit_entry (tenant_id, occurred_at DESC);
