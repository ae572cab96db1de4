-- Summary templates are edited by clinicians: who saved a template last, and when, so that a
-- refused stale edit can name them.
ALTER TABLE summary_templates ADD COLUMN updated_by INTEGER REFERENCES users (id);
ALTER TABLE summary_templates ADD COLUMN updated_at TEXT;
