-- The language a person chose for pages and e-mails ('en' or 'vi'); null = take it from the browser.
ALTER TABLE app_user ADD COLUMN language text CHECK (language IN ('en', 'vi'));
