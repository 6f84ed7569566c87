import type { Migration } from './migration.ts';

// The print queue (docs/local-store.md "Print jobs"). A job keeps the PDF it was rendered to while
// it may still print (pending, printing, failed), so a retry prints exactly what was previewed and
// nothing is lost across a restart; the PDF holds personal data, so it is dropped once the job is
// done or cancelled, and purgeExpired removes old jobs. `system_job_id` is the spooler's id (CUPS's
// request id), which tells after a crash whether the job printed.
const statements = [
  `CREATE TABLE print_jobs (
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
  ) STRICT`,
  `CREATE INDEX print_jobs_by_state ON print_jobs (state, requested_at)`,
];

export const printQueue: Migration = {
  version: 3,
  name: 'print-queue',
  up(db) {
    for (const statement of statements) db.exec(statement);
  },
};
