-- Aftercare schema, revision 2 (SQLite): results, feedback, follow-up work and messages.

CREATE TABLE test_results (
    id                   INTEGER PRIMARY KEY,
    client_id            INTEGER NOT NULL REFERENCES clients (id),
    appointment_id       INTEGER REFERENCES appointments (id),
    test_name            TEXT NOT NULL CHECK (length(trim(test_name)) > 0),
    received_at          TEXT NOT NULL,
    abnormal             INTEGER NOT NULL DEFAULT 0 CHECK (abnormal IN (0, 1)),
    abnormal_confirmed_by INTEGER REFERENCES users (id),
    formal_report        TEXT NOT NULL DEFAULT '',
    summary              TEXT NOT NULL DEFAULT '',
    summary_signed_by    INTEGER REFERENCES users (id),
    summary_signed_at    TEXT,
    status               TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'reviewed', 'communicated')),
    reviewed_by          INTEGER REFERENCES users (id),
    reviewed_at          TEXT,
    communicated_by      INTEGER REFERENCES users (id),
    communicated_at      TEXT,
    communicated_channel TEXT CHECK (communicated_channel IN ('in_person', 'phone', 'email', 'sms', 'letter')),
    created_at           TEXT NOT NULL,
    row_version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (client_id, test_name, received_at),
    CHECK (status = 'received' OR reviewed_at IS NOT NULL),
    CHECK (status <> 'communicated' OR (communicated_at IS NOT NULL AND communicated_channel IS NOT NULL))
);
CREATE INDEX test_results_status_idx ON test_results (status, received_at);
CREATE INDEX test_results_received_idx ON test_results (received_at);

CREATE TABLE result_values (
    id             INTEGER PRIMARY KEY,
    result_id      INTEGER NOT NULL REFERENCES test_results (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    analyte        TEXT NOT NULL,
    value_numeric  REAL,
    value_text     TEXT,
    unit           TEXT NOT NULL DEFAULT '',
    reference_low  REAL,
    reference_high REAL,
    abnormal       INTEGER CHECK (abnormal IN (0, 1)),
    UNIQUE (result_id, position),
    CHECK (value_numeric IS NOT NULL OR value_text IS NOT NULL),
    CHECK (reference_low IS NULL OR reference_high IS NULL OR reference_low <= reference_high)
);

-- Editable plain-language templates per test, one for normal and one for abnormal results.
CREATE TABLE summary_templates (
    id          INTEGER PRIMARY KEY,
    test_name   TEXT NOT NULL,
    variant     TEXT NOT NULL CHECK (variant IN ('normal', 'abnormal')),
    body        TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (test_name, variant)
);

CREATE TABLE feedback (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id),
    appointment_id INTEGER REFERENCES appointments (id),
    kind           TEXT NOT NULL CHECK (kind IN ('csat', 'nps')),
    score          INTEGER NOT NULL,
    comment        TEXT NOT NULL DEFAULT '',
    responded_at   TEXT NOT NULL,
    source         TEXT NOT NULL DEFAULT 'survey' CHECK (source IN ('survey', 'call', 'paper', 'import')),
    recorded_by    INTEGER REFERENCES users (id),
    created_at     TEXT NOT NULL,
    CHECK ((kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'nps' AND score BETWEEN 0 AND 10)),
    UNIQUE (client_id, kind, responded_at)
);
CREATE INDEX feedback_responded_idx ON feedback (kind, responded_at);
CREATE INDEX feedback_appointment_idx ON feedback (appointment_id);

-- Calls and other after-care work. source_key makes generation idempotent: the same
-- reason for a task (e.g. 'result:42:discuss') can only create one task.
CREATE TABLE followup_tasks (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id),
    kind            TEXT NOT NULL CHECK (kind IN ('discuss_result', 'communicate_result', 'checkin_call',
                                                  'detractor_callback', 'rebook_reminder', 'annual_review', 'letter')),
    source_key      TEXT NOT NULL UNIQUE,
    appointment_id  INTEGER REFERENCES appointments (id),
    result_id       INTEGER REFERENCES test_results (id),
    feedback_id     INTEGER REFERENCES feedback (id),
    due_at          TEXT NOT NULL,
    deadline_at     TEXT NOT NULL,
    priority        INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    assignee_id     INTEGER REFERENCES users (id),
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    done_at         TEXT,
    done_by         INTEGER REFERENCES users (id),
    resolution_note TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    CHECK (status <> 'done' OR done_at IS NOT NULL)
);
CREATE INDEX followup_tasks_open_idx ON followup_tasks (due_at) WHERE status = 'open';
CREATE INDEX followup_tasks_deadline_idx ON followup_tasks (deadline_at);
CREATE INDEX followup_tasks_client_idx ON followup_tasks (client_id);
-- The worklist: open tasks in deadline order, with the columns its filters test, so the
-- first page is read off the index without sorting (core/aftercare/worklist.cpp).
CREATE INDEX followup_tasks_worklist_idx ON followup_tasks (deadline_at, priority, due_at, assignee_id, kind, client_id)
    WHERE status = 'open';
-- Whether a reason (a result, an answer, a visit) has its task already (core/aftercare/followupplanner.cpp).
CREATE INDEX followup_tasks_result_idx ON followup_tasks (result_id, kind);
CREATE INDEX followup_tasks_feedback_idx ON followup_tasks (feedback_id, kind);
CREATE INDEX followup_tasks_appointment_idx ON followup_tasks (appointment_id, kind);

CREATE TABLE call_attempts (
    id            INTEGER PRIMARY KEY,
    task_id       INTEGER NOT NULL REFERENCES followup_tasks (id),
    attempted_at  TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('reached', 'voicemail', 'no_answer', 'wrong_number', 'declined')),
    notes         TEXT NOT NULL DEFAULT '',
    next_step     TEXT NOT NULL CHECK (next_step IN ('done', 'call_again', 'book', 'escalate', 'letter')),
    call_again_at TEXT,
    by_user       INTEGER REFERENCES users (id)
);
CREATE INDEX call_attempts_task_idx ON call_attempts (task_id, attempted_at);

-- The five post-service steps done for a completed visit (BRIEF §2).
CREATE TABLE post_service_steps (
    id             INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointments (id),
    step           TEXT NOT NULL CHECK (step IN ('quality_followup', 'feedback_request', 'thank_you',
                                                 'community_invite', 'newsletter_invite')),
    done_at        TEXT NOT NULL,
    done_by        INTEGER REFERENCES users (id),
    UNIQUE (appointment_id, step)
);

-- Outgoing messages (reminders, thank-yous, survey requests, ...), sent by the messaging layer.
CREATE TABLE messages (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER REFERENCES clients (id),
    appointment_id INTEGER REFERENCES appointments (id),
    channel        TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
    kind           TEXT NOT NULL CHECK (length(kind) > 0),
    recipient      TEXT NOT NULL,
    subject        TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    scheduled_for  TEXT NOT NULL,
    sent_at        TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    row_version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX messages_queue_idx ON messages (status, scheduled_for);
