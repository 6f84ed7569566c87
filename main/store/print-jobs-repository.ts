import type { Store } from './store.ts';

// The print queue's rows (migration 0003). State changes are single UPDATEs guarded by the state
// they expect, so two retries of one job (two clicks, two windows) cannot both send it to the
// printer: only the caller whose claim changed a row prints.

export type PrintJobState = 'pending' | 'printing' | 'done' | 'failed' | 'cancelled';
export type PrintDocumentKind = 'declaration' | 'test-page';

export interface StoredPrintJob {
  jobId: string;
  document: PrintDocumentKind;
  registrationCode: string | null;
  citizenName: string | null;
  summaryLanguage: string | null;
  printerName: string | null;
  copies: number;
  paperSize: 'A4' | 'A5';
  state: PrintJobState;
  attempts: number;
  failureCode: string | null;
  failureReason: string | null;
  systemJobId: string | null;
  requestedBy: string;
  requestedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

interface PrintJobRow {
  job_id: string;
  document: PrintDocumentKind;
  registration_code: string | null;
  citizen_name: string | null;
  summary_language: string | null;
  printer_name: string | null;
  copies: number;
  paper_size: 'A4' | 'A5';
  state: PrintJobState;
  attempts: number;
  failure_code: string | null;
  failure_reason: string | null;
  system_job_id: string | null;
  requested_by: string;
  requested_at: string;
  updated_at: string;
  finished_at: string | null;
}

const columns = `job_id, document, registration_code, citizen_name, summary_language, printer_name,
  copies, paper_size, state, attempts, failure_code, failure_reason, system_job_id, requested_by,
  requested_at, updated_at, finished_at`;

function toJob(row: PrintJobRow): StoredPrintJob {
  return {
    jobId: row.job_id,
    document: row.document,
    registrationCode: row.registration_code,
    citizenName: row.citizen_name,
    summaryLanguage: row.summary_language,
    printerName: row.printer_name,
    copies: row.copies,
    paperSize: row.paper_size,
    state: row.state,
    attempts: row.attempts,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    systemJobId: row.system_job_id,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export interface NewPrintJob {
  jobId: string;
  document: PrintDocumentKind;
  registrationCode: string | null;
  citizenName: string | null;
  summaryLanguage: string | null;
  printerName: string | null;
  copies: number;
  paperSize: 'A4' | 'A5';
  requestedBy: string;
  pdf: Uint8Array;
}

/** Call inside the transaction of the audit entry that records the request. */
export function insertPrintJob(store: Store, job: NewPrintJob): StoredPrintJob {
  const at = store.now().toISOString();
  const row = store
    .statement(
      `INSERT INTO print_jobs (job_id, document, registration_code, citizen_name, summary_language,
         printer_name, copies, paper_size, state, pdf, requested_by, requested_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)
       RETURNING ${columns}`,
    )
    .get(
      job.jobId,
      job.document,
      job.registrationCode,
      job.citizenName,
      job.summaryLanguage,
      job.printerName,
      job.copies,
      job.paperSize,
      Buffer.from(job.pdf),
      job.requestedBy,
      at,
      at,
    ) as PrintJobRow;
  return toJob(row);
}

export function findPrintJob(store: Store, jobId: string): StoredPrintJob | null {
  const row = store.read(
    () =>
      store.statement(`SELECT ${columns} FROM print_jobs WHERE job_id = ?`).get(jobId) as
        PrintJobRow | undefined,
  );
  return row ? toJob(row) : null;
}

export function readPrintJobPdf(store: Store, jobId: string): Buffer | null {
  const row = store.read(
    () =>
      store.statement('SELECT pdf FROM print_jobs WHERE job_id = ?').get(jobId) as
        { pdf: Buffer | null } | undefined,
  );
  return row?.pdf ?? null;
}

/**
 * Takes a pending or failed job for printing (attempts + 1). Null when the job is in another state
 * by now: someone else claimed it, or it was cancelled.
 */
export function claimPrintJob(
  store: Store,
  jobId: string,
  printerName: string | null,
): StoredPrintJob | null {
  const row = store
    .statement(
      `UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, printer_name = ?,
         failure_code = NULL, failure_reason = NULL, system_job_id = NULL, updated_at = ?
       WHERE job_id = ? AND state IN ('pending', 'failed')
       RETURNING ${columns}`,
    )
    .get(printerName, store.now().toISOString(), jobId) as PrintJobRow | undefined;
  return row ? toJob(row) : null;
}

/** The spooler took the job: its id tells, after a crash, whether it printed. */
/** The spooler took the job: its id, and the queue that took it (which the queue screen shows). */
export function recordSystemJobId(
  store: Store,
  jobId: string,
  systemJobId: string,
  printerName: string | null = null,
): void {
  store
    .statement(
      `UPDATE print_jobs SET system_job_id = ?, printer_name = coalesce(?, printer_name), updated_at = ?
       WHERE job_id = ? AND state = 'printing'`,
    )
    .run(systemJobId, printerName, store.now().toISOString(), jobId);
}

export function finishPrintJob(
  store: Store,
  jobId: string,
  outcome:
    | { state: 'done'; systemJobId: string | null }
    | { state: 'failed'; failureCode: string; failureReason: string; systemJobId: string | null },
): StoredPrintJob | null {
  const at = store.now().toISOString();
  const row =
    outcome.state === 'done'
      ? (store
          .statement(
            `UPDATE print_jobs SET state = 'done', pdf = NULL, system_job_id = coalesce(?, system_job_id),
               updated_at = ?, finished_at = ?
             WHERE job_id = ? AND state = 'printing' RETURNING ${columns}`,
          )
          .get(outcome.systemJobId, at, at, jobId) as PrintJobRow | undefined)
      : (store
          .statement(
            `UPDATE print_jobs SET state = 'failed', failure_code = ?, failure_reason = ?,
               system_job_id = coalesce(?, system_job_id), updated_at = ?
             WHERE job_id = ? AND state = 'printing' RETURNING ${columns}`,
          )
          .get(outcome.failureCode, outcome.failureReason, outcome.systemJobId, at, jobId) as
          PrintJobRow | undefined);
  return row ? toJob(row) : null;
}

/** Cancels a job that is not printing now; its PDF is dropped. Null when it cannot be cancelled. */
export function cancelPrintJob(store: Store, jobId: string): StoredPrintJob | null {
  const at = store.now().toISOString();
  const row = store
    .statement(
      `UPDATE print_jobs SET state = 'cancelled', pdf = NULL, updated_at = ?, finished_at = ?
       WHERE job_id = ? AND state IN ('pending', 'failed') RETURNING ${columns}`,
    )
    .get(at, at, jobId) as PrintJobRow | undefined;
  return row ? toJob(row) : null;
}

/** The jobs that still need someone (pending, printing, failed), then the last `recentFinished`. */
/** Every job of one form (a registration code or a kiosk reference), oldest first. */
export function listPrintJobsOf(store: Store, registrationCode: string): StoredPrintJob[] {
  return store.read(() =>
    (
      store
        .statement(
          `SELECT ${columns} FROM print_jobs WHERE registration_code = ? ORDER BY requested_at, job_id`,
        )
        .all(registrationCode) as PrintJobRow[]
    ).map(toJob),
  );
}

export function listPrintJobs(store: Store, recentFinished = 20): StoredPrintJob[] {
  return store.read(() => {
    const open = store
      .statement(
        `SELECT ${columns} FROM print_jobs WHERE state IN ('pending', 'printing', 'failed')
         ORDER BY requested_at DESC, job_id`,
      )
      .all() as PrintJobRow[];
    const finished = store
      .statement(
        `SELECT ${columns} FROM print_jobs WHERE state IN ('done', 'cancelled')
         ORDER BY updated_at DESC, job_id LIMIT ?`,
      )
      .all(recentFinished) as PrintJobRow[];
    return [...open, ...finished].map(toJob);
  });
}

export function countOpenPrintJobs(store: Store): { waiting: number; failed: number } {
  const row = store.read(
    () =>
      store
        .statement(
          `SELECT count(*) FILTER (WHERE state IN ('pending', 'printing')) AS waiting,
                  count(*) FILTER (WHERE state = 'failed') AS failed
           FROM print_jobs`,
        )
        .get() as { waiting: number; failed: number },
  );
  return { waiting: row.waiting, failed: row.failed };
}

/** Jobs left `printing` or `pending` by an app that stopped: the queue resolves them at start. */
export function listInterruptedPrintJobs(store: Store): StoredPrintJob[] {
  return store.read(() =>
    (
      store
        .statement(
          `SELECT ${columns} FROM print_jobs WHERE state IN ('pending', 'printing') ORDER BY requested_at`,
        )
        .all() as PrintJobRow[]
    ).map(toJob),
  );
}

/**
 * Cancels the failed jobs of a registration's form other than `keep` (a newer print replaces them)
 * and drops their PDFs; answers their ids. Call inside the transaction that inserts the new job.
 */
export function supersedePrintJobs(store: Store, registrationCode: string, keep: string): string[] {
  const at = store.now().toISOString();
  return (
    store
      .statement(
        `UPDATE print_jobs SET state = 'cancelled', pdf = NULL, updated_at = ?, finished_at = ?
         WHERE registration_code = ? AND document = 'declaration' AND state = 'failed' AND job_id <> ?
         RETURNING job_id`,
      )
      .all(at, at, registrationCode, keep) as Array<{ job_id: string }>
  ).map((row) => row.job_id);
}
