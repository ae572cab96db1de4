-- The report's reads of one period from the index alone (docs/metrics.md, "How long a report
-- takes"): the amounts paid in a window, and the follow-up tasks due in it with what the SLA
-- needs of them. Without them each row is looked up in its table, one page of the file each.
CREATE INDEX invoices_status_paid_idx ON invoices (status, paid_at, total_cents);
DROP INDEX IF EXISTS followup_tasks_deadline_idx;
CREATE INDEX followup_tasks_deadline_idx ON followup_tasks (deadline_at, status, kind, done_at);
