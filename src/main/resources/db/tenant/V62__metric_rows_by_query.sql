-- Which metric query wrote each row: a refresh recomputes only the queries that read a changed dataset and keeps the
-- rows of the others. Rows from before this column are rewritten by the full rebuild it asks for.
ALTER TABLE rollup_metrics ADD COLUMN query text NOT NULL DEFAULT '';
UPDATE rollup_state SET rebuild_pending = true;
