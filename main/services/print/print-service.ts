import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrintJob, SummaryLanguage } from '../../../preload/contract/areas/print.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import type { Registration } from '../../core/registration/registration.ts';
import type { StaffRole } from '../../core/staff/staff-roles.ts';
import type { TicketSlip } from '../../documents/declaration/draw-ticket-slip.ts';
import { appendAudit } from '../../store/audit-log.ts';
import {
  cancelPrintJob,
  claimPrintJob,
  countOpenPrintJobs,
  finishPrintJob,
  findPrintJob,
  insertPrintJob,
  listInterruptedPrintJobs,
  listPrintJobs,
  listPrintJobsOf,
  readPrintJobPdf,
  recordSystemJobId,
  supersedePrintJobs,
  type StoredPrintJob,
} from '../../store/print-jobs-repository.ts';
import { findByCode } from '../../store/registrations-repository.ts';
import type { Store } from '../../store/store.ts';
import { AppError } from '../app-error.ts';
import type { FormRenderer, PrinterPort, PrintOutcome, RenderedForm } from './print-ports.ts';

// The print queue. A job is written to the store (with its PDF) before anything is sent to the
// spooler, so a crash at any point leaves a job the counter can see and retry; jobs print one at a
// time in the order asked; a job's state moves only through guarded updates (print-jobs-repository),
// so a double click or a second window never prints a form twice.

export interface PrintServiceOptions {
  store: Store;
  dataDirectory: string;
  now: () => Date;
  printer: PrinterPort;
  renderer: FormRenderer;
  settings: () => Settings;
  trainingMode: () => boolean;
  /** How long the spooler has to report a result before the job is cancelled and failed. */
  timeoutMs: number;
  onQueueChanged: (summary: { waiting: number; failed: number }) => void;
}

/**
 * Who asks: the staff member's id and role (an administrator does not see citizens' data), or the
 * kiosk, which prints only the form of the citizen in front of it (main/services/kiosk).
 */
export interface PrintRequester {
  staffId: string;
  role: StaffRole | 'kiosk';
}

export class PrintService {
  readonly #options: PrintServiceOptions;
  readonly #spoolDirectory: string;
  /** One job at a time: each run waits for the one before it. */
  #line: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: PrintServiceOptions) {
    this.#options = options;
    this.#spoolDirectory = path.join(options.dataDirectory, 'print-spool');
  }

  /**
   * Settles what an earlier run left open: a job the spooler finished is done; any other is failed
   * as interrupted (and withdrawn from the spooler), so it prints again only when someone retries.
   */
  async start(): Promise<void> {
    await mkdir(this.#spoolDirectory, { recursive: true });
    for (const name of await readdir(this.#spoolDirectory)) {
      await rm(path.join(this.#spoolDirectory, name), { force: true });
    }
    const { store } = this.#options;
    for (const job of listInterruptedPrintJobs(store)) {
      const known = job.systemJobId ? await this.#spoolerOutcome(job.systemJobId) : 'unknown';
      store.transaction(() => {
        if (job.state === 'pending') claimPrintJob(store, job.jobId, job.printerName);
        const outcome: PrintOutcome =
          known === 'done'
            ? { status: 'done', systemJobId: job.systemJobId }
            : {
                status: 'failed',
                code: 'timeout',
                reason: 'Ứng dụng đã dừng khi đang in; hãy kiểm tra máy in rồi in lại.',
                systemJobId: job.systemJobId,
              };
        this.#finish(job.jobId, outcome, 'system', known === 'done' ? null : 'interrupted');
      });
    }
    this.#queueChanged();
  }

  async preview(registrationCode: string, summaryLanguage: SummaryLanguage | null) {
    const { rendered, registration } = await this.#renderDeclaration(registrationCode, summaryLanguage);
    return {
      fileName: `to-khai-${registration.code.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
      pdfBase64: rendered.pdf.toString('base64'),
      bytes: rendered.pdf.length,
      pages: rendered.pages,
      template: rendered.template,
    };
  }

  async submitDeclaration(
    registrationCode: string,
    summaryLanguage: SummaryLanguage | null,
    by: PrintRequester,
  ): Promise<PrintJob> {
    const { rendered, registration } = await this.#renderDeclaration(registrationCode, summaryLanguage);
    const job = this.#enqueue(
      {
        document: 'declaration',
        registrationCode: registration.code,
        citizenName: registration.fullName,
        summaryLanguage,
        printerName: this.#options.settings().printer.printerName,
      },
      rendered,
      by,
    );
    return this.#wire(await this.#run(job.jobId), by);
  }

  /**
   * A kiosk submission's form: rendered from the submission itself (the store has no registration
   * for it until the central numbers it), with the summary and the ticket slip, as one job.
   */
  async submitKioskForm(
    input: {
      registration: Registration;
      summaryLanguage: SummaryLanguage | null;
      ticket: TicketSlip;
    },
    by: PrintRequester,
  ): Promise<PrintJob> {
    const rendered = await this.#render(() =>
      this.#options.renderer.declaration({
        registration: input.registration,
        summaryLanguage: input.summaryLanguage,
        ticket: input.ticket,
        training: this.#options.trainingMode(),
        paperSize: this.#options.settings().printer.paperSize,
        printedAt: this.#options.now(),
      }),
    );
    const job = this.#enqueue(
      {
        document: 'declaration',
        registrationCode: input.ticket.formCode,
        // A kiosk has no print queue screen to show it on: the name would only outlive the form.
        citizenName: null,
        summaryLanguage: input.summaryLanguage,
        printerName: this.#options.settings().printer.printerName,
      },
      rendered,
      by,
    );
    return this.#wire(await this.#run(job.jobId), by);
  }

  /** The jobs of one form (a registration code or a kiosk reference), oldest first. */
  jobsOf(registrationCode: string, by: PrintRequester): PrintJob[] {
    return listPrintJobsOf(this.#options.store, registrationCode).map((job) => this.#wire(job, by));
  }

  async submitTestPage(printerName: string | null, by: PrintRequester): Promise<PrintJob> {
    const chosen = printerName ?? this.#options.settings().printer.printerName;
    const rendered = await this.#render(() =>
      this.#options.renderer.testPage({
        paperSize: this.#options.settings().printer.paperSize,
        printedAt: this.#options.now(),
        printerName: chosen,
      }),
    );
    const job = this.#enqueue(
      {
        document: 'test-page',
        registrationCode: null,
        citizenName: null,
        summaryLanguage: null,
        printerName: chosen,
      },
      rendered,
      by,
    );
    return this.#wire(await this.#run(job.jobId, chosen), by);
  }

  async retry(jobId: string, by: PrintRequester): Promise<PrintJob> {
    const job = this.#existing(jobId);
    // Only a failed job: a pending one is already waiting its turn, and would print twice.
    if (job.state !== 'failed') throw notRetryable(job);
    assertMaySee(job, by);
    this.#options.store.transaction(() =>
      appendAudit(this.#options.store, {
        actor: by.staffId,
        action: 'print.retried',
        subject: job.registrationCode ?? job.jobId,
        details: { jobId, attempts: job.attempts },
      }),
    );
    // A test page goes to the printer it was meant to test; a form to the one chosen now.
    const printerName =
      job.document === 'test-page' ? job.printerName : this.#options.settings().printer.printerName;
    return this.#wire(await this.#run(jobId, printerName), by);
  }

  cancel(jobId: string, by: PrintRequester): PrintJob {
    const job = this.#existing(jobId);
    assertMaySee(job, by);
    const cancelled = this.#options.store.transaction(() => {
      const row = cancelPrintJob(this.#options.store, jobId);
      if (row === null) return null;
      appendAudit(this.#options.store, {
        actor: by.staffId,
        action: 'print.cancelled',
        subject: job.registrationCode ?? job.jobId,
        details: { jobId },
      });
      return row;
    });
    if (cancelled === null) throw notRetryable(findPrintJob(this.#options.store, jobId) ?? job);
    this.#queueChanged();
    return this.#wire(cancelled, by);
  }

  jobs(by: PrintRequester): PrintJob[] {
    return listPrintJobs(this.#options.store).map((job) => this.#wire(job, by));
  }

  async printers() {
    const listed = await this.#options.printer.listPrinters();
    return {
      spooler: this.#options.printer.kind,
      printers: 'printers' in listed ? listed.printers : [],
      unavailable: 'unavailable' in listed ? listed.unavailable : null,
      chosen: this.#options.settings().printer.printerName,
    };
  }

  /** Waits for the job printing now; later jobs stay queued in the store for the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#line.catch(() => {});
  }

  async #renderDeclaration(registrationCode: string, summaryLanguage: SummaryLanguage | null) {
    const stored = findByCode(this.#options.store, registrationCode);
    if (stored === null) {
      throw new AppError('registration-not-found', `Không tìm thấy hồ sơ ${registrationCode}.`, {
        details: { registrationCode },
      });
    }
    const rendered = await this.#render(() =>
      this.#options.renderer.declaration({
        registration: stored.registration,
        summaryLanguage,
        training: this.#options.trainingMode(),
        paperSize: this.#options.settings().printer.paperSize,
        printedAt: this.#options.now(),
      }),
    );
    return { rendered, registration: stored.registration };
  }

  async #render(render: () => Promise<RenderedForm>): Promise<RenderedForm> {
    try {
      return await render();
    } catch (error) {
      throw new AppError('form-render-failed', 'Không tạo được tờ khai để in.', { cause: error });
    }
  }

  #enqueue(
    fields: Pick<
      StoredPrintJob,
      'document' | 'registrationCode' | 'citizenName' | 'summaryLanguage' | 'printerName'
    >,
    rendered: RenderedForm,
    by: PrintRequester,
  ): StoredPrintJob {
    const { store } = this.#options;
    const job = store.transaction(() => {
      const inserted = insertPrintJob(store, {
        jobId: randomUUID(),
        ...fields,
        copies: this.#options.settings().printer.copies,
        paperSize: this.#options.settings().printer.paperSize,
        requestedBy: by.staffId,
        pdf: rendered.pdf,
      });
      // A new print of a registration's form replaces its failed ones, so a later retry of an old
      // job cannot print the form a second time.
      if (inserted.registrationCode !== null) {
        for (const superseded of supersedePrintJobs(store, inserted.registrationCode, inserted.jobId)) {
          appendAudit(store, {
            actor: by.staffId,
            action: 'print.superseded',
            subject: inserted.registrationCode,
            details: { jobId: superseded, by: inserted.jobId },
          });
        }
      }
      appendAudit(store, {
        actor: by.staffId,
        action: 'print.requested',
        subject: inserted.registrationCode ?? inserted.jobId,
        details: {
          jobId: inserted.jobId,
          document: inserted.document,
          templateRevision: rendered.template.revision,
        },
      });
      return inserted;
    });
    this.#queueChanged();
    return job;
  }

  /** Queues the job behind the one printing now and answers with its final state. */
  #run(jobId: string, printerName: string | null = this.#options.settings().printer.printerName) {
    const run = this.#line.then(() => this.#print(printerName, jobId));
    this.#line = run.catch(() => {});
    return run;
  }

  async #print(printerName: string | null, jobId: string): Promise<StoredPrintJob> {
    const { store } = this.#options;
    if (this.#closed) return this.#existing(jobId);
    const earlier = findPrintJob(store, jobId);
    if (earlier?.state === 'failed' && earlier.systemJobId !== null) {
      // The last attempt reached the spooler: it may still hold the job (a cancel that failed) or
      // have printed it after all. Printing again would then be a second copy.
      const known = await this.#spoolerOutcome(earlier.systemJobId);
      if (known === 'done' || known === 'pending') {
        const settled = store.transaction(() => {
          if (claimPrintJob(store, jobId, earlier.printerName) === null) return null;
          return this.#finish(
            jobId,
            known === 'done'
              ? { status: 'done', systemJobId: earlier.systemJobId }
              : {
                  status: 'failed',
                  code: 'spooler-error',
                  reason: `Lệnh in trước (${earlier.systemJobId}) vẫn còn trong hàng đợi của máy in và không huỷ được.`,
                  systemJobId: earlier.systemJobId,
                },
            'system',
            null,
          );
        });
        this.#queueChanged();
        return settled ?? this.#existing(jobId);
      }
    }
    const claimed = store.transaction(() => claimPrintJob(store, jobId, printerName));
    // Somebody else printed or cancelled it meanwhile: tell the caller what became of it.
    if (claimed === null) return this.#existing(jobId);
    this.#queueChanged();
    const pdf = readPrintJobPdf(store, jobId);
    const file = path.join(this.#spoolDirectory, `${jobId}.pdf`);
    let outcome: PrintOutcome;
    try {
      if (pdf === null) throw new Error('the job has no document');
      await writeFile(file, pdf);
      outcome = await this.#options.printer.print(
        {
          printerName,
          file,
          title: claimed.registrationCode ? `To khai ${claimed.registrationCode}` : 'Trang in thu',
          copies: claimed.copies,
          paperSize: claimed.paperSize,
        },
        {
          timeoutMs: this.#options.timeoutMs,
          // The spooler says which queue took it, also when that was the system default.
          onSubmitted: (systemJobId, queue) => recordSystemJobId(store, jobId, systemJobId, queue),
        },
      );
    } catch (error) {
      outcome = {
        status: 'failed',
        code: 'spooler-error',
        reason: error instanceof Error ? error.message : String(error),
        systemJobId: null,
      };
    } finally {
      // A spooler may still hold the file open (Windows): never let its removal skip the outcome.
      await rm(file, { force: true }).catch(() => {});
    }
    const finished = store.transaction(() => this.#finish(jobId, outcome, 'system', null));
    this.#queueChanged();
    return finished ?? this.#existing(jobId);
  }

  /** Inside a transaction: the job's outcome and its audit entry. */
  #finish(
    jobId: string,
    outcome: PrintOutcome,
    actor: string,
    failureCodeOverride: 'interrupted' | null,
  ): StoredPrintJob | null {
    const { store } = this.#options;
    const finished =
      outcome.status === 'done'
        ? finishPrintJob(store, jobId, { state: 'done', systemJobId: outcome.systemJobId })
        : finishPrintJob(store, jobId, {
            state: 'failed',
            failureCode: failureCodeOverride ?? outcome.code,
            failureReason: outcome.reason,
            systemJobId: outcome.systemJobId,
          });
    if (finished) {
      appendAudit(store, {
        actor,
        action: outcome.status === 'done' ? 'print.done' : 'print.failed',
        subject: finished.registrationCode ?? finished.jobId,
        details: {
          jobId,
          printer: finished.printerName,
          attempts: finished.attempts,
          ...(outcome.status === 'failed' ? { failure: failureCodeOverride ?? outcome.code } : {}),
        },
      });
    }
    return finished;
  }

  async #spoolerOutcome(systemJobId: string): Promise<'done' | 'pending' | 'failed' | 'unknown'> {
    try {
      const outcome = await this.#options.printer.jobOutcome(systemJobId);
      if (outcome !== 'pending') return outcome;
      // Still queued at the spooler: withdraw it, or it would print by itself on top of a retry.
      // 'pending' is answered only when the withdrawal did not take.
      await this.#options.printer.cancel(systemJobId);
      const after = await this.#options.printer.jobOutcome(systemJobId);
      return after === 'pending' || after === 'done' ? after : 'failed';
    } catch {
      return 'unknown';
    }
  }

  #existing(jobId: string): StoredPrintJob {
    const job = findPrintJob(this.#options.store, jobId);
    if (job === null) {
      throw new AppError('print-job-not-found', 'Không tìm thấy lệnh in này.', { details: { jobId } });
    }
    return job;
  }

  #queueChanged(): void {
    this.#options.onQueueChanged(countOpenPrintJobs(this.#options.store));
  }

  #wire(job: StoredPrintJob, by: PrintRequester): PrintJob {
    const seesCitizens = by.role !== 'admin';
    return {
      jobId: job.jobId,
      document: job.document,
      registrationCode: seesCitizens ? job.registrationCode : null,
      citizenName: seesCitizens ? job.citizenName : null,
      summaryLanguage: (job.summaryLanguage as SummaryLanguage | null) ?? null,
      printerName: job.printerName,
      copies: job.copies,
      state: job.state,
      attempts: job.attempts,
      failure:
        job.failureCode === null
          ? null
          : {
              code: job.failureCode as NonNullable<PrintJob['failure']>['code'],
              reason: job.failureReason ?? '',
            },
      requestedAt: job.requestedAt,
      updatedAt: job.updatedAt,
      finishedAt: job.finishedAt,
    };
  }
}

/**
 * A citizen's form is a caseworker's to print or cancel (or the kiosk's, for the form of the visit
 * it is printing); an administrator handles test pages.
 */
function assertMaySee(job: StoredPrintJob, by: PrintRequester): void {
  if (job.document === 'declaration' && by.role === 'admin') {
    throw new AppError('forbidden', 'Chỉ cán bộ tiếp nhận mới in hoặc huỷ tờ khai của người dân.');
  }
}

function notRetryable(job: StoredPrintJob): AppError {
  return new AppError('print-job-not-retryable', 'Lệnh in này đã xong hoặc đang in.', {
    details: { jobId: job.jobId, state: job.state },
  });
}
