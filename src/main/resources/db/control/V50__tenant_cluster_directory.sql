-- Which database cluster holds a tenant's schema. A tenant without a row is on the main database (this one).
CREATE TABLE tenant_cluster (
    tenant_id bigint PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    cluster   text        NOT NULL CHECK (cluster ~ '^[a-z][a-z0-9]{0,39}$' AND cluster <> 'main'),
    moved_at  timestamptz NOT NULL DEFAULT now()
);
