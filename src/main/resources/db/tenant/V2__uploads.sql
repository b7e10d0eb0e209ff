-- Every uploaded file, kept (gzip, in chunks so it streams both ways) with what became of it.
CREATE TABLE uploads (
    id            bigserial PRIMARY KEY,
    file_name     text        NOT NULL,
    sha256        text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    dataset       text        NOT NULL,
    mode          text        NOT NULL CHECK (mode IN ('merge', 'replace')),
    status        text        NOT NULL CHECK (status IN ('received', 'previewed', 'importing', 'imported', 'rejected', 'failed', 'unchanged')),
    uploaded_by   text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    encoding      text,
    delimiter     text,
    rows_total    bigint,
    rows_inserted bigint,
    rows_updated  bigint,
    rows_skipped  bigint,
    error_count   bigint      NOT NULL DEFAULT 0,
    warning_count bigint      NOT NULL DEFAULT 0,
    problems      jsonb       NOT NULL DEFAULT '[]'
);
CREATE INDEX uploads_sha ON uploads (sha256, dataset);

CREATE TABLE upload_chunks (
    upload_id bigint NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    seq       int    NOT NULL,
    data      bytea  NOT NULL,
    PRIMARY KEY (upload_id, seq)
);
