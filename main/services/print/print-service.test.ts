import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '../../../preload/contract/settings-schema.ts';
import { listAudit } from '../../store/audit-log.ts';
import {
  claimPrintJob,
  findPrintJob,
  insertPrintJob,
  recordSystemJobId,
} from '../../store/print-jobs-repository.ts';
import { upsertFromCentral } from '../../store/registrations-repository.ts';
import {
  makeRegistration,
  openTestStore,
  tempDir,
  testClock,
  type TempDir,
} from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';
import { isAppError } from '../app-error.ts';
import { fakePrinter, renderer, type FakePrinter } from './print-test-doubles.ts';
import { PrintService } from './print-service.ts';

// The queue's own rules, with a printer that does what each test says: one job at a time, never two
// prints of one job, what a restart makes of jobs left open, and who sees citizens' names.

const officer = { staffId: 'cb-07921-1', role: 'officer' } as const;
const admin = { staffId: 'qt-07921', role: 'admin' } as const;

let temp: TempDir;
let store: Store;
let printer: FakePrinter;
let settings: Settings;
let summaries: Array<{ waiting: number; failed: number }>;

function service(overrides: Partial<ConstructorParameters<typeof PrintService>[0]> = {}): PrintService {
  return new PrintService({
    store,
    dataDirectory: temp.dir,
    now: store.now,
    printer,
    renderer,
    settings: () => settings,
    trainingMode: () => true,
    timeoutMs: 1000,
    onQueueChanged: (summary) => summaries.push(summary),
    ...overrides,
  });
}

/** The next print fails at the spooler with `code` (no spooler job id unless given). */
function nextPrintFails(code: 'printer-stopped' | 'timeout', systemJobId: string | null = null): void {
  printer.next.push(async () => ({
    status: 'failed',
    code,
    reason: code === 'printer-stopped' ? 'Paused' : '',
    systemJobId,
  }));
}

beforeEach(() => {
  temp = tempDir();
  store = openTestStore(temp.file('store.sqlite'), { now: testClock('2026-12-01T02:00:00.000Z').now });
  upsertFromCentral(
    store,
    [
      { seq: 1, registration: makeRegistration({ code: 'DK-1', fullName: 'Trịnh Quang Vĩnh' }) },
      { seq: 2, registration: makeRegistration({ code: 'DK-2', fullName: 'Lê Thị Hoa' }) },
    ],
    { officeCode: '07921', seq: 2 },
  );
  printer = fakePrinter();
  settings = settingsSchema.parse({});
  summaries = [];
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe('the print queue', () => {
  it('prints a form on the chosen printer and says so in the audit trail', async () => {
    settings = settingsSchema.parse({ printer: { printerName: 'Quay-1', copies: 2 } });
    const prints = service();
    await prints.start();
    const job = await prints.submitDeclaration('DK-1', null, officer);
    expect(job).toMatchObject({
      state: 'done',
      printerName: 'Quay-1',
      copies: 2,
      registrationCode: 'DK-1',
      citizenName: 'Trịnh Quang Vĩnh',
    });
    expect(printer.printed).toEqual(['To khai DK-1']);
    expect(listAudit(store).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['print.requested', 'print.done']),
    );
    expect(summaries.at(-1)).toEqual({ waiting: 0, failed: 0 });
  });

  it('prints one job at a time, in the order asked', async () => {
    const prints = service();
    await prints.start();
    const order: string[] = [];
    let release: () => void = () => {};
    printer.next.push(
      () =>
        new Promise((resolve) => {
          order.push('first started');
          release = () => resolve({ status: 'done', systemJobId: null });
        }),
      async () => {
        order.push('second started');
        return { status: 'done', systemJobId: null };
      },
    );
    const first = prints.submitDeclaration('DK-1', null, officer);
    const second = prints.submitDeclaration('DK-2', null, officer);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['first started']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first started', 'second started']);
  });

  it('sends a failed job to the printer once however many retries arrive together', async () => {
    const prints = service();
    await prints.start();
    nextPrintFails('printer-stopped');
    const failed = await prints.submitDeclaration('DK-1', null, officer);
    expect(failed.failure).toEqual({ code: 'printer-stopped', reason: 'Paused' });
    const answers = await Promise.allSettled([
      prints.retry(failed.jobId, officer),
      prints.retry(failed.jobId, officer),
      prints.retry(failed.jobId, officer),
    ]);
    expect(printer.printed).toHaveLength(2);
    const values = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value.state] : []));
    // Every retry that was answered says the job printed; the others found it taken (not retryable).
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((state) => state === 'done')).toBe(true);
    await expect(prints.retry(failed.jobId, officer)).rejects.toMatchObject({
      code: 'print-job-not-retryable',
    });
  });

  it('settles at start what a crash left open, withdrawing a job the spooler still holds', async () => {
    const pdf = Buffer.from('%PDF');
    const base = {
      document: 'declaration' as const,
      registrationCode: 'DK-1',
      citizenName: 'x',
      summaryLanguage: null,
      printerName: null,
      copies: 1,
      paperSize: 'A4' as const,
      requestedBy: 'cb',
      pdf,
    };
    for (const jobId of ['printed', 'held', 'lost', 'never-started'])
      insertPrintJob(store, { ...base, jobId });
    for (const jobId of ['printed', 'held', 'lost']) claimPrintJob(store, jobId, null);
    recordSystemJobId(store, 'printed', 'Q-7');
    recordSystemJobId(store, 'held', 'Q-8');
    printer.outcomes.set('Q-7', 'done');
    printer.outcomes.set('Q-8', 'pending');

    await service().start();
    expect(findPrintJob(store, 'printed')?.state).toBe('done');
    expect(findPrintJob(store, 'held')).toMatchObject({ state: 'failed', failureCode: 'interrupted' });
    expect(printer.cancelled).toEqual(['Q-8']);
    expect(findPrintJob(store, 'lost')).toMatchObject({ state: 'failed', failureCode: 'interrupted' });
    expect(findPrintJob(store, 'never-started')).toMatchObject({
      state: 'failed',
      failureCode: 'interrupted',
    });
    expect(printer.printed).toEqual([]);
    expect(summaries.at(-1)).toEqual({ waiting: 0, failed: 3 });
  });

  it('does not print a failed job again when its earlier spooler job printed after all, or is still held', async () => {
    const prints = service();
    await prints.start();
    nextPrintFails('timeout', 'Q-1');
    nextPrintFails('timeout', 'Q-2');
    const first = await prints.submitDeclaration('DK-1', null, officer);
    const second = await prints.submitDeclaration('DK-2', null, officer);
    printer.outcomes.set('Q-1', 'done');
    printer.outcomes.set('Q-2', 'pending');
    expect(await prints.retry(first.jobId, officer)).toMatchObject({ state: 'done', attempts: 2 });
    const held = await prints.retry(second.jobId, officer);
    expect(held).toMatchObject({ state: 'failed', failure: { code: 'spooler-error' } });
    expect(printer.cancelled).toEqual(['Q-2']);
    expect(printer.printed).toEqual(['To khai DK-1', 'To khai DK-2']);
  });

  it('lets a new print of a form replace its failed jobs, and retries only failed jobs', async () => {
    const prints = service();
    await prints.start();
    nextPrintFails('printer-stopped');
    const failed = await prints.submitDeclaration('DK-1', null, officer);
    const again = await prints.submitDeclaration('DK-1', null, officer);
    expect(again.state).toBe('done');
    expect(prints.jobs(officer).find((job) => job.jobId === failed.jobId)?.state).toBe('cancelled');
    await expect(prints.retry(failed.jobId, officer)).rejects.toMatchObject({
      code: 'print-job-not-retryable',
    });
    expect(listAudit(store).map((entry) => entry.action)).toContain('print.superseded');
  });

  it('keeps citizens’ forms to caseworkers: an administrator may not retry or cancel one', async () => {
    const prints = service();
    await prints.start();
    nextPrintFails('printer-stopped');
    const failed = await prints.submitDeclaration('DK-1', null, officer);
    await expect(prints.retry(failed.jobId, admin)).rejects.toMatchObject({ code: 'forbidden' });
    expect(() => prints.cancel(failed.jobId, admin)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(printer.printed).toHaveLength(1);
  });

  it('hides citizens from an administrator, and answers a typed error for an unknown registration', async () => {
    const prints = service();
    await prints.start();
    await prints.submitDeclaration('DK-1', 'en', officer);
    const seen = prints.jobs(admin)[0];
    expect(seen).toMatchObject({ registrationCode: null, citizenName: null, summaryLanguage: 'en' });
    // No printer chosen: the job names the default queue the spooler used.
    expect(prints.jobs(officer)[0]?.printerName).toBe('Mac-dinh');
    const error = await prints.submitDeclaration('DK-404', null, officer).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('registration-not-found');
  });

  it('turns a renderer failure into form-render-failed and queues nothing', async () => {
    const prints = service({
      renderer: { ...renderer, declaration: async () => Promise.reject(new Error('font missing')) },
      trainingMode: () => false,
    });
    await prints.start();
    await expect(prints.submitDeclaration('DK-1', null, officer)).rejects.toMatchObject({
      code: 'form-render-failed',
    });
    expect(prints.jobs(officer)).toEqual([]);
  });
});
