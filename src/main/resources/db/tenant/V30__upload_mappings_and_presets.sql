-- A closed deal may arrive before the lead it closes (Olist closed-deals file first): its lead has no created_at
-- until the leads file fills it, and counts in no lead metric until then.
ALTER TABLE leads ALTER COLUMN created_at DROP NOT NULL;

-- What each upload was read with: a preset, or a column mapping (file column per dataset field).
ALTER TABLE uploads ADD COLUMN preset text, ADD COLUMN mapping jsonb, ADD COLUMN header jsonb, ADD COLUMN preview jsonb;

-- Column mappings the tenant chose, remembered per header line (columns lower-cased, joined by commas).
CREATE TABLE column_mappings (
    header     text PRIMARY KEY,
    dataset    text        NOT NULL,
    mapping    jsonb       NOT NULL,
    saved_by   text        NOT NULL,
    saved_at   timestamptz NOT NULL DEFAULT now()
);
