-- user_version 9

CREATE INDEX audit_log_by_subject ON audit_log (subject, id) WHERE subject IS NOT NULL;

CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE INDEX conflicts_by_registration ON conflicts (registration_code);

CREATE INDEX decisions_by_officer ON decisions (officer_id, counter_id, decided_at);

CREATE INDEX decisions_by_registration ON decisions (registration_code);

CREATE UNIQUE INDEX decisions_one_live_per_registration ON decisions (registration_code)
    WHERE sync_state IN ('pending', 'synced');

CREATE INDEX kiosk_registrations_by_person ON kiosk_registrations (person_key) WHERE person_key IS NOT NULL;

CREATE INDEX kiosk_registrations_purgeable ON kiosk_registrations (synced_at)
    WHERE purged_at IS NULL AND sync_state = 'synced';

CREATE INDEX kiosk_status_by_id_key ON kiosk_status_index (id_key) WHERE id_key IS NOT NULL;

CREATE INDEX kiosk_status_by_old_id_key ON kiosk_status_index (old_id_key) WHERE old_id_key IS NOT NULL;

CREATE INDEX kiosk_status_by_reference ON kiosk_status_index (kiosk_reference)
     WHERE kiosk_reference IS NOT NULL;

CREATE INDEX kiosk_status_by_sin_key ON kiosk_status_index (sin_key) WHERE sin_key IS NOT NULL;

CREATE INDEX outbox_finished ON outbox (finished_at) WHERE state <> 'pending';

CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE state = 'pending';

CREATE INDEX print_jobs_by_state ON print_jobs (state, requested_at);

CREATE INDEX registrations_by_id_number ON registrations (id_number) WHERE id_number IS NOT NULL;

CREATE UNIQUE INDEX registrations_by_kiosk_reference ON registrations (kiosk_reference)
    WHERE kiosk_reference IS NOT NULL;

CREATE INDEX registrations_by_name_search_key ON registrations (name_search_key)
    WHERE name_search_key IS NOT NULL;

CREATE INDEX registrations_by_old_id_number ON registrations (old_id_number)
    WHERE old_id_number IS NOT NULL;

CREATE INDEX registrations_by_phone ON registrations (phone) WHERE phone IS NOT NULL;

CREATE INDEX registrations_by_social_insurance_number ON registrations (social_insurance_number)
    WHERE social_insurance_number IS NOT NULL;

CREATE INDEX registrations_list_by_status
     ON registrations (status, submitted_at DESC, code, channel, has_guardian)
     WHERE channel IS NOT NULL;

CREATE INDEX registrations_list_by_time
     ON registrations (submitted_at DESC, code, channel, has_guardian, status)
     WHERE channel IS NOT NULL;

CREATE INDEX registrations_purgeable ON registrations (updated_at)
    WHERE purged_at IS NULL AND status <> 'pending';

CREATE INDEX report_facts_by_decision
     ON report_facts (decided_at, office_code, officer_id, counter_id, outcome, override, reason_code, scanned_at)
     WHERE decided_at IS NOT NULL;

CREATE INDEX report_facts_by_submission
     ON report_facts (submitted_at, office_code, channel, outcome, status);

CREATE INDEX report_facts_pending ON report_facts (office_code, submitted_at, status, outcome)
     WHERE status = 'pending' AND outcome IS NULL;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    details TEXT NOT NULL DEFAULT '{}'
  , prev_hash TEXT CHECK (prev_hash IS NULL OR (length(prev_hash) = 64 AND unhex(prev_hash) IS NOT NULL)), hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND unhex(hash) IS NOT NULL))) STRICT;

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    registration_code TEXT NOT NULL REFERENCES registrations (code),
    event_id TEXT NOT NULL UNIQUE REFERENCES decisions (event_id),
    winner TEXT NOT NULL CHECK (json_valid(winner)),
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
  ) STRICT;

CREATE TABLE decisions (
    event_id TEXT PRIMARY KEY NOT NULL,
    registration_code TEXT NOT NULL REFERENCES registrations (code),
    outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected')),
    reason_code TEXT,
    note TEXT,
    officer_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    override INTEGER NOT NULL CHECK (override IN (0, 1)),
    decided_at TEXT NOT NULL,
    sync_state TEXT NOT NULL CHECK (sync_state IN ('pending', 'synced', 'conflict', 'invalid'))
  , scanned_at TEXT) STRICT;

CREATE TABLE kiosk_registrations (
    local_ref TEXT PRIMARY KEY NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    payload TEXT,
    created_at TEXT NOT NULL,
    printed_at TEXT,
    sync_state TEXT NOT NULL CHECK (sync_state IN ('pending', 'synced', 'invalid')),
    server_code TEXT,
    synced_at TEXT,
    purged_at TEXT, language TEXT
     CHECK (language IN ('vi', 'en', 'zh', 'ko', 'ja')), ticket_number TEXT, office_code TEXT, person_key TEXT,
    CHECK ((payload IS NULL) = (purged_at IS NOT NULL))
  ) STRICT;

CREATE TABLE kiosk_status_index (
    code TEXT PRIMARY KEY NOT NULL,
    office_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
    submitted_at TEXT NOT NULL,
    decided_at TEXT,
    reason_code TEXT,
    masked_name TEXT NOT NULL,
    id_key TEXT,
    old_id_key TEXT,
    sin_key TEXT,
    kiosk_reference TEXT,
    server_seq INTEGER NOT NULL
  ) STRICT;

CREATE TABLE kiosk_ticket_counters (
    day TEXT PRIMARY KEY NOT NULL,
    last_number INTEGER NOT NULL CHECK (last_number > 0)
  ) STRICT;

CREATE TABLE offices (
    office_code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    province TEXT,
    fetched_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT NOT NULL,
    last_error_code TEXT,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'conflict', 'invalid')),
    finished_at TEXT,
    CHECK ((state = 'pending') = (finished_at IS NULL))
  ) STRICT;

CREATE TABLE print_jobs (
    job_id TEXT PRIMARY KEY NOT NULL,
    document TEXT NOT NULL CHECK (document IN ('declaration', 'test-page')),
    registration_code TEXT,
    citizen_name TEXT,
    summary_language TEXT CHECK (summary_language IN ('en', 'zh', 'ko', 'ja')),
    printer_name TEXT,
    copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 5),
    paper_size TEXT NOT NULL CHECK (paper_size IN ('A4', 'A5')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'printing', 'done', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    failure_code TEXT,
    failure_reason TEXT,
    system_job_id TEXT,
    pdf BLOB,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT,
    CHECK ((state IN ('done', 'cancelled')) = (pdf IS NULL)),
    CHECK (state <> 'failed' OR failure_code IS NOT NULL)
  ) STRICT;

CREATE TABLE registration_counts (
     status TEXT NOT NULL,
     channel TEXT NOT NULL,
     has_guardian INTEGER NOT NULL,
     n INTEGER NOT NULL CHECK (n >= 0),
     PRIMARY KEY (status, channel, has_guardian)
   ) STRICT, WITHOUT ROWID;

CREATE TABLE registrations (
    code TEXT PRIMARY KEY NOT NULL,
    json TEXT,
    id_number TEXT,
    old_id_number TEXT,
    social_insurance_number TEXT,
    phone TEXT,
    name_search_key TEXT,
    office_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
    server_seq INTEGER NOT NULL CHECK (server_seq > 0),
    local_state TEXT NOT NULL CHECK (local_state IN ('synced', 'decided-locally', 'conflict')),
    updated_at TEXT NOT NULL,
    purged_at TEXT, channel TEXT CHECK (channel IN ('portal', 'app', 'kiosk')), submitted_at TEXT, has_guardian INTEGER CHECK (has_guardian IN (0, 1)), kiosk_reference TEXT,
    CHECK ((json IS NULL) = (purged_at IS NOT NULL))
  ) STRICT;

CREATE TABLE report_facts (
     code TEXT PRIMARY KEY NOT NULL,
     office_code TEXT NOT NULL,
     channel TEXT NOT NULL CHECK (channel IN ('portal', 'app', 'kiosk')),
     submitted_at TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
     outcome TEXT CHECK (outcome IN ('approved', 'rejected')),
     reason_code TEXT,
     officer_id TEXT,
     counter_id TEXT,
     override INTEGER CHECK (override IN (0, 1)),
     decided_at TEXT,
     scanned_at TEXT,
     decision_source TEXT CHECK (decision_source IN ('central', 'this-device')),
     CHECK ((outcome IS NULL) = (decision_source IS NULL)),
     CHECK ((outcome IS NULL) = (decided_at IS NULL))
   ) STRICT;

CREATE TABLE report_print_counts (
     day TEXT PRIMARY KEY NOT NULL,
     forms INTEGER NOT NULL CHECK (forms >= 0)
   ) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

CREATE TABLE sign_in_failures (
    staff_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    last_failure_at TEXT NOT NULL,
    locked_until TEXT
  ) STRICT, WITHOUT ROWID;

CREATE TABLE staff (
    staff_id TEXT PRIMARY KEY NOT NULL,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    updated_at TEXT NOT NULL
  ) STRICT;

CREATE TABLE staff_pins (
    staff_id TEXT PRIMARY KEY NOT NULL,
    pin_hash TEXT NOT NULL,
    set_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER registration_counts_on_delete AFTER DELETE ON registrations WHEN old.channel IS NOT NULL
   BEGIN
     UPDATE registration_counts SET n = n - 1
       WHERE status = old.status AND channel = old.channel AND has_guardian = old.has_guardian;
   END;

CREATE TRIGGER registration_counts_on_insert AFTER INSERT ON registrations WHEN new.channel IS NOT NULL
   BEGIN
     INSERT INTO registration_counts (status, channel, has_guardian, n)
       VALUES (new.status, new.channel, new.has_guardian, 1)
       ON CONFLICT DO UPDATE SET n = n + 1;
   END;

CREATE TRIGGER registration_counts_on_update AFTER UPDATE OF status, channel, has_guardian ON registrations
   WHEN old.status IS NOT new.status OR old.channel IS NOT new.channel OR old.has_guardian IS NOT new.has_guardian
   BEGIN
     UPDATE registration_counts SET n = n - 1
       WHERE old.channel IS NOT NULL
         AND status = old.status AND channel = old.channel AND has_guardian = old.has_guardian;
     INSERT INTO registration_counts (status, channel, has_guardian, n)
       SELECT new.status, new.channel, new.has_guardian, 1 WHERE new.channel IS NOT NULL
       ON CONFLICT DO UPDATE SET n = n + 1;
   END;

CREATE TRIGGER report_facts_on_decision AFTER INSERT ON decisions
   WHEN new.sync_state IN ('pending', 'synced')
   BEGIN
     UPDATE report_facts SET outcome = new.outcome, reason_code = new.reason_code,
       officer_id = new.officer_id, counter_id = new.counter_id, override = new.override,
       decided_at = new.decided_at, scanned_at = new.scanned_at, decision_source = 'this-device'
     WHERE code = new.registration_code AND outcome IS NULL;
   END;

CREATE TRIGGER report_facts_on_decision_lost AFTER UPDATE OF sync_state ON decisions
   WHEN old.sync_state IN ('pending', 'synced') AND new.sync_state IN ('conflict', 'invalid')
   BEGIN
     UPDATE report_facts SET outcome = NULL, reason_code = NULL, officer_id = NULL, counter_id = NULL,
       override = NULL, decided_at = NULL, scanned_at = NULL, decision_source = NULL
     WHERE code = new.registration_code AND decision_source = 'this-device'
       AND decided_at = new.decided_at AND officer_id = new.officer_id;
   END;

CREATE TRIGGER report_print_counts_on_done AFTER UPDATE OF state ON print_jobs
   WHEN new.state = 'done' AND old.state <> 'done' AND new.document = 'declaration'
   BEGIN
     INSERT INTO report_print_counts (day, forms)
       VALUES (date(coalesce(new.finished_at, new.updated_at), '+7 hours'), 1)
       ON CONFLICT DO UPDATE SET forms = forms + 1;
   END;

CREATE TRIGGER report_print_counts_on_insert AFTER INSERT ON print_jobs
   WHEN new.state = 'done' AND new.document = 'declaration'
   BEGIN
     INSERT INTO report_print_counts (day, forms)
       VALUES (date(coalesce(new.finished_at, new.updated_at), '+7 hours'), 1)
       ON CONFLICT DO UPDATE SET forms = forms + 1;
   END;
