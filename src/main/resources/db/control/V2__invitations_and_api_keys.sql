-- An owner invites someone by e-mail; the link in the mail carries a token of which only the hash is kept.
CREATE TABLE invitation (
    id          bigserial PRIMARY KEY,
    tenant_id   bigint      NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    email       text        NOT NULL CHECK (email = lower(email)),
    role        text        NOT NULL CHECK (role IN ('owner', 'analyst', 'viewer')),
    token_hash  text        NOT NULL UNIQUE,
    invited_by  bigint REFERENCES app_user (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX invitation_tenant ON invitation (tenant_id);

-- Machine access to one tenant with one role. The secret is shown once; only its SHA-256 is stored.
CREATE TABLE api_key (
    id           bigserial PRIMARY KEY,
    tenant_id    bigint      NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('analyst', 'viewer')),
    prefix       text        NOT NULL UNIQUE,
    secret_hash  text        NOT NULL,
    created_by   bigint REFERENCES app_user (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_key_tenant ON api_key (tenant_id);
