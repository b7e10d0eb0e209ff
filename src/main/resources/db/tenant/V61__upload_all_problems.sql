-- Past the first 10,000 problems of an upload (kept in detail in uploads.problems), every problem is kept as a
-- gzip-compressed CSV for the problem list download.
ALTER TABLE uploads ADD COLUMN all_problems_csv_gz bytea;
