-- Aftercare schema, revision 1 (SQLite): the practice, its people, clients and bookings.
-- Times are the practice's local time as 'YYYY-MM-DD HH:MM:SS', dates as 'YYYY-MM-DD';
-- money in cents; booleans 0/1. Every editable row carries row_version for optimistic locking.

CREATE TABLE practice_settings (
    key         TEXT PRIMARY KEY CHECK (length(key) > 0),
    value       TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE CHECK (length(trim(username)) > 0),
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'clinician', 'reception')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL,
    row_version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE practitioners (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    user_id     INTEGER REFERENCES users (id),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    row_version INTEGER NOT NULL DEFAULT 1
);

-- A service and its after-care policy: when to call, when to ask for feedback, when to
-- remind about rebooking, and which of the five post-service steps apply.
CREATE TABLE service_types (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    duration_minutes       INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    price_cents            INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    checkin_after_days     INTEGER CHECK (checkin_after_days >= 0),
    survey_after_days      INTEGER CHECK (survey_after_days >= 0),
    rebook_after_weeks     INTEGER CHECK (rebook_after_weeks > 0),
    step_quality_followup  INTEGER NOT NULL DEFAULT 1 CHECK (step_quality_followup IN (0, 1)),
    step_feedback_request  INTEGER NOT NULL DEFAULT 1 CHECK (step_feedback_request IN (0, 1)),
    step_thank_you         INTEGER NOT NULL DEFAULT 1 CHECK (step_thank_you IN (0, 1)),
    step_community_invite  INTEGER NOT NULL DEFAULT 0 CHECK (step_community_invite IN (0, 1)),
    step_newsletter_invite INTEGER NOT NULL DEFAULT 0 CHECK (step_newsletter_invite IN (0, 1)),
    preparation            TEXT NOT NULL DEFAULT '',
    active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    row_version            INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE clients (
    id                INTEGER PRIMARY KEY,
    external_id       TEXT NOT NULL UNIQUE CHECK (length(trim(external_id)) > 0),
    first_name        TEXT NOT NULL CHECK (length(trim(first_name)) > 0),
    last_name         TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    date_of_birth     TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth) = date_of_birth),
    sex               TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    email             TEXT,
    phone             TEXT,
    address           TEXT NOT NULL DEFAULT '',
    preferred_channel TEXT NOT NULL DEFAULT 'email' CHECK (preferred_channel IN ('email', 'sms', 'phone', 'letter')),
    referral_source   TEXT,
    referred_by       INTEGER REFERENCES clients (id),
    expectations      TEXT NOT NULL DEFAULT '',
    journey_stage     TEXT NOT NULL DEFAULT 'consideration'
                      CHECK (journey_stage IN ('awareness', 'consideration', 'decision', 'during', 'after')),
    registered_at     TEXT NOT NULL,
    archived          INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at        TEXT NOT NULL,
    updated_at        TEXT,
    updated_by        INTEGER REFERENCES users (id),
    row_version       INTEGER NOT NULL DEFAULT 1,
    CHECK (referred_by IS NULL OR referred_by <> id)
);
CREATE INDEX clients_last_name_idx ON clients (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX clients_first_name_idx ON clients (first_name COLLATE NOCASE);
CREATE INDEX clients_birth_idx ON clients (date_of_birth);
CREATE INDEX clients_email_idx ON clients (email COLLATE NOCASE);
CREATE INDEX clients_phone_idx ON clients (phone);
CREATE INDEX clients_referred_by_idx ON clients (referred_by);

-- Consent per purpose and channel, with its evidence. Append-only: a change of mind is a
-- new row; the only update allowed is recording the withdrawal of an active consent.
CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    purpose      TEXT NOT NULL CHECK (purpose IN ('reminders', 'results', 'surveys', 'marketing', 'community', 'birthday')),
    channel      TEXT NOT NULL CHECK (channel IN ('any', 'email', 'sms', 'phone', 'letter')),
    granted      INTEGER NOT NULL CHECK (granted IN (0, 1)),
    evidence     TEXT NOT NULL DEFAULT '',
    recorded_by  INTEGER REFERENCES users (id),
    recorded_at  TEXT NOT NULL,
    withdrawn_at TEXT,
    withdrawn_by INTEGER REFERENCES users (id),
    CHECK (withdrawn_at IS NULL OR withdrawn_at >= recorded_at)
);
CREATE INDEX consents_client_idx ON consents (client_id, purpose, recorded_at);
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN
    SELECT RAISE(ABORT, 'consents are append-only');
END;
CREATE TRIGGER consents_only_withdrawal BEFORE UPDATE ON consents
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
  OR NEW.client_id IS NOT OLD.client_id OR NEW.purpose IS NOT OLD.purpose
  OR NEW.channel IS NOT OLD.channel OR NEW.granted IS NOT OLD.granted
  OR NEW.evidence IS NOT OLD.evidence OR NEW.recorded_by IS NOT OLD.recorded_by
  OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN
    SELECT RAISE(ABORT, 'consents are append-only: only a withdrawal may be recorded');
END;

-- Active bookings (booked, confirmed, checked_in) of one practitioner never overlap unless
-- the booking is an explicit, recorded double-booking (double_booking_reason set). History
-- (completed, cancelled, no_show) is not bound. Enforced by the triggers below, inside the
-- writing transaction; PostgreSQL uses an exclusion constraint for the same rule.
CREATE TABLE appointments (
    id                    INTEGER PRIMARY KEY,
    external_id           TEXT UNIQUE,
    client_id             INTEGER NOT NULL REFERENCES clients (id),
    practitioner_id       INTEGER NOT NULL REFERENCES practitioners (id),
    service_type_id       INTEGER NOT NULL REFERENCES service_types (id),
    starts_at             TEXT NOT NULL,
    ends_at               TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'booked'
                          CHECK (status IN ('booked', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show')),
    price_cents           INTEGER CHECK (price_cents >= 0),
    cancellation_reason   TEXT,
    cancelled_at          TEXT,
    double_booking_reason TEXT CHECK (double_booking_reason IS NULL OR length(trim(double_booking_reason)) > 0),
    reminder_sent_at      TEXT,
    checked_in_at         TEXT,
    completed_at          TEXT,
    notes                 TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    created_by            INTEGER REFERENCES users (id),
    updated_at            TEXT,
    updated_by            INTEGER REFERENCES users (id),
    row_version           INTEGER NOT NULL DEFAULT 1,
    CHECK (ends_at > starts_at)
);
CREATE INDEX appointments_practitioner_start_idx ON appointments (practitioner_id, starts_at);
CREATE INDEX appointments_client_start_idx ON appointments (client_id, starts_at);
CREATE INDEX appointments_start_idx ON appointments (starts_at);
CREATE INDEX appointments_active_idx ON appointments (practitioner_id, starts_at)
    WHERE status IN ('booked', 'confirmed', 'checked_in');
CREATE TRIGGER appointments_no_overlap_insert BEFORE INSERT ON appointments
WHEN NEW.status IN ('booked', 'confirmed', 'checked_in') AND NEW.double_booking_reason IS NULL
BEGIN
    SELECT RAISE(ABORT, 'appointment_overlap')
    WHERE EXISTS (SELECT 1 FROM appointments a
                  WHERE a.practitioner_id = NEW.practitioner_id
                    AND a.status IN ('booked', 'confirmed', 'checked_in')
                    AND a.double_booking_reason IS NULL
                    AND a.starts_at < NEW.ends_at AND a.ends_at > NEW.starts_at);
END;
CREATE TRIGGER appointments_no_overlap_update BEFORE UPDATE OF practitioner_id, starts_at, ends_at, status, double_booking_reason
ON appointments
WHEN NEW.status IN ('booked', 'confirmed', 'checked_in') AND NEW.double_booking_reason IS NULL
BEGIN
    SELECT RAISE(ABORT, 'appointment_overlap')
    WHERE EXISTS (SELECT 1 FROM appointments a
                  WHERE a.practitioner_id = NEW.practitioner_id
                    AND a.id <> NEW.id
                    AND a.status IN ('booked', 'confirmed', 'checked_in')
                    AND a.double_booking_reason IS NULL
                    AND a.starts_at < NEW.ends_at AND a.ends_at > NEW.starts_at);
END;

-- Every contact with a client along the journey.
CREATE TABLE touchpoints (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    occurred_at    TEXT NOT NULL,
    stage          TEXT NOT NULL CHECK (stage IN ('awareness', 'consideration', 'decision', 'during', 'after')),
    channel        TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'email', 'sms', 'letter')),
    kind           TEXT NOT NULL CHECK (length(kind) > 0),
    outcome        TEXT NOT NULL DEFAULT '',
    appointment_id INTEGER REFERENCES appointments (id),
    by_user        INTEGER REFERENCES users (id),
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX touchpoints_client_time_idx ON touchpoints (client_id, occurred_at);
CREATE INDEX touchpoints_appointment_idx ON touchpoints (appointment_id);

-- Invoices: the total is always the sum of the lines (kept by the triggers below).
CREATE TABLE invoices (
    id             INTEGER PRIMARY KEY,
    external_id    TEXT UNIQUE,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    appointment_id INTEGER REFERENCES appointments (id),
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'paid', 'void')),
    total_cents    INTEGER NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
    issued_at      TEXT,
    due_at         TEXT,
    paid_at        TEXT,
    created_at     TEXT NOT NULL,
    created_by     INTEGER REFERENCES users (id),
    row_version    INTEGER NOT NULL DEFAULT 1,
    CHECK (status = 'draft' OR status = 'void' OR issued_at IS NOT NULL),
    CHECK (status <> 'paid' OR paid_at IS NOT NULL)
);
CREATE INDEX invoices_client_idx ON invoices (client_id);
CREATE INDEX invoices_appointment_idx ON invoices (appointment_id);
CREATE INDEX invoices_paid_idx ON invoices (paid_at);
CREATE INDEX invoices_due_idx ON invoices (status, due_at);

CREATE TABLE invoice_lines (
    id               INTEGER PRIMARY KEY,
    invoice_id       INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    description      TEXT NOT NULL CHECK (length(trim(description)) > 0),
    quantity         INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    amount_cents     INTEGER NOT NULL,
    CHECK (amount_cents = quantity * unit_price_cents)
);
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (invoice_id);
CREATE TRIGGER invoice_lines_total_insert AFTER INSERT ON invoice_lines
BEGIN
    UPDATE invoices SET total_cents = (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines
                                       WHERE invoice_id = NEW.invoice_id)
    WHERE id = NEW.invoice_id;
END;
CREATE TRIGGER invoice_lines_total_update AFTER UPDATE ON invoice_lines
BEGIN
    UPDATE invoices SET total_cents = (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines
                                       WHERE invoice_id = invoices.id)
    WHERE id IN (OLD.invoice_id, NEW.invoice_id);
END;
CREATE TRIGGER invoice_lines_total_delete AFTER DELETE ON invoice_lines
BEGIN
    UPDATE invoices SET total_cents = (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines
                                       WHERE invoice_id = OLD.invoice_id)
    WHERE id = OLD.invoice_id;
END;

CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    paid_at      TEXT NOT NULL,
    method       TEXT NOT NULL DEFAULT 'other' CHECK (method IN ('cash', 'card', 'transfer', 'other')),
    recorded_by  INTEGER REFERENCES users (id),
    recorded_at  TEXT NOT NULL
);
CREATE INDEX payments_invoice_idx ON payments (invoice_id);

-- Who looked at or changed what. Append-only.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER REFERENCES users (id),
    action      TEXT NOT NULL CHECK (length(action) > 0),
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    client_id   INTEGER REFERENCES clients (id),
    workstation TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_client_idx ON audit_log (client_id, at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
