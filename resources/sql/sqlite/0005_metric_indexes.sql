-- Covering indexes for the manager's metrics (docs/metrics.md, "How long a report takes"): the
-- visits of a period and a client's history (first visit, next visit, rebookings) are read from
-- the index alone, filters included; paid amounts per client for lifetime value; and the latest
-- consent decision for the post-service delta (id before the carried columns, so that "latest
-- first, the higher id on a tie" is the index's own order and needs no sort per look-up).
DROP INDEX IF EXISTS appointments_client_start_idx;
CREATE INDEX appointments_client_start_idx ON appointments (client_id, starts_at, status, created_at, practitioner_id,
    service_type_id);
DROP INDEX IF EXISTS appointments_start_idx;
CREATE INDEX appointments_start_idx ON appointments (starts_at, status, client_id, practitioner_id, service_type_id,
    ends_at);
CREATE INDEX invoices_paid_client_idx ON invoices (status, client_id, paid_at, total_cents, appointment_id);
DROP INDEX IF EXISTS consents_client_idx;
CREATE INDEX consents_client_idx ON consents (client_id, purpose, recorded_at, id, granted, withdrawn_at);
