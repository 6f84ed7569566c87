import type { Migration } from './migration.ts';

// Supervisors' reports (issue #12, docs/reports.md) need, per registration of the office, when it
// came in and by which channel, and the decision that stands on it: who, where, when, what, and —
// for decisions taken at this PC — when the card was scanned before it. Reading that from
// `registrations.json` would parse every row of a month (100,000 in ≤ 1 s is the target) and would
// lose everything the retention purge erases after 90 days. `report_facts` keeps exactly those
// fields, no personal data (a code, times, staff and counter ids), and is never purged, so a report
// of an old month still adds up.
//
// Who keeps it:
//  - upsertFromCentral (registrations-repository.ts) writes the central's version of each row: its
//    decision when it shows one, else this PC's standing decision if there is one;
//  - triggers on `decisions` (below) add this PC's decision when it is recorded and take it back when
//    it stops standing (the central answered `conflict` or refused it for good). Triggers see every
//    path that changes a decision's state (record-decision.ts, the outbox's markConflict/markInvalid),
//    so the facts cannot drift from the decisions;
//  - `decision_source` says whose decision the row holds: 'central' (the central's copy shows it) or
//    'this-device' (recorded here, the central's copy does not show it yet). One row per registration
//    code, so a decision is never counted twice.
//
// `decisions.scanned_at` is new: the most recent accepted card scan at this PC that matched the
// registration's person shortly before the decision (services/registrations), NULL otherwise — the
// protocol's decision has no such field, so other counters' decisions have none.
//
// `report_print_counts` counts the declaration forms printed per Vietnam day: print jobs are deleted
// 7 days after they finish (purge-expired.ts), a count per day is all a report needs of them.
//
// Times are ISO UTC text `YYYY-MM-DDTHH:MM:SS.sssZ` (normalised on write), so text order is time
// order and a Vietnam day is a range of text. Indexes cover what each report query reads, so a
// month is read from the indexes alone.
const statements = [
  `ALTER TABLE decisions ADD COLUMN scanned_at TEXT`,
  `CREATE TABLE report_facts (
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
   ) STRICT`,
  `CREATE INDEX report_facts_by_submission
     ON report_facts (submitted_at, office_code, channel, outcome, status)`,
  `CREATE INDEX report_facts_by_decision
     ON report_facts (decided_at, office_code, officer_id, counter_id, outcome, override, reason_code, scanned_at)
     WHERE decided_at IS NOT NULL`,
  // status and outcome repeat the partial condition so that the count never reads the table.
  `CREATE INDEX report_facts_pending ON report_facts (office_code, submitted_at, status, outcome)
     WHERE status = 'pending' AND outcome IS NULL`,
  `INSERT INTO report_facts (code, office_code, channel, submitted_at, status, outcome, reason_code,
     officer_id, counter_id, override, decided_at, decision_source)
   SELECT code, office_code, channel, submitted_at, status,
     json_extract(json, '$.decision.outcome'),
     json_extract(json, '$.decision.reasonCode'),
     json_extract(json, '$.decision.officerId'),
     json_extract(json, '$.decision.counterId'),
     json_extract(json, '$.decision.override'),
     strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(json, '$.decision.decidedAt')),
     iif(json_type(json, '$.decision') = 'object', 'central', NULL)
   FROM registrations WHERE json IS NOT NULL`,
  `UPDATE report_facts SET outcome = d.outcome, reason_code = d.reason_code, officer_id = d.officer_id,
     counter_id = d.counter_id, override = d.override, decided_at = d.decided_at,
     decision_source = 'this-device'
   FROM decisions d
   WHERE d.registration_code = report_facts.code AND d.sync_state IN ('pending', 'synced')
     AND report_facts.outcome IS NULL`,
  `CREATE TRIGGER report_facts_on_decision AFTER INSERT ON decisions
   WHEN new.sync_state IN ('pending', 'synced')
   BEGIN
     UPDATE report_facts SET outcome = new.outcome, reason_code = new.reason_code,
       officer_id = new.officer_id, counter_id = new.counter_id, override = new.override,
       decided_at = new.decided_at, scanned_at = new.scanned_at, decision_source = 'this-device'
     WHERE code = new.registration_code AND outcome IS NULL;
   END`,
  `CREATE TRIGGER report_facts_on_decision_lost AFTER UPDATE OF sync_state ON decisions
   WHEN old.sync_state IN ('pending', 'synced') AND new.sync_state IN ('conflict', 'invalid')
   BEGIN
     UPDATE report_facts SET outcome = NULL, reason_code = NULL, officer_id = NULL, counter_id = NULL,
       override = NULL, decided_at = NULL, scanned_at = NULL, decision_source = NULL
     WHERE code = new.registration_code AND decision_source = 'this-device'
       AND decided_at = new.decided_at AND officer_id = new.officer_id;
   END`,
  `CREATE TABLE report_print_counts (
     day TEXT PRIMARY KEY NOT NULL,
     forms INTEGER NOT NULL CHECK (forms >= 0)
   ) STRICT, WITHOUT ROWID`,
  `INSERT INTO report_print_counts (day, forms)
     SELECT date(coalesce(finished_at, updated_at), '+7 hours'), count(*) FROM print_jobs
     WHERE state = 'done' AND document = 'declaration' GROUP BY 1`,
  `CREATE TRIGGER report_print_counts_on_insert AFTER INSERT ON print_jobs
   WHEN new.state = 'done' AND new.document = 'declaration'
   BEGIN
     INSERT INTO report_print_counts (day, forms)
       VALUES (date(coalesce(new.finished_at, new.updated_at), '+7 hours'), 1)
       ON CONFLICT DO UPDATE SET forms = forms + 1;
   END`,
  `CREATE TRIGGER report_print_counts_on_done AFTER UPDATE OF state ON print_jobs
   WHEN new.state = 'done' AND old.state <> 'done' AND new.document = 'declaration'
   BEGIN
     INSERT INTO report_print_counts (day, forms)
       VALUES (date(coalesce(new.finished_at, new.updated_at), '+7 hours'), 1)
       ON CONFLICT DO UPDATE SET forms = forms + 1;
   END`,
];

export const reportFacts: Migration = {
  version: 9,
  name: 'report-facts',
  up(db) {
    for (const statement of statements) db.exec(statement);
  },
};
