import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cancelPrintJob,
  claimPrintJob,
  countOpenPrintJobs,
  finishPrintJob,
  findPrintJob,
  insertPrintJob,
  listInterruptedPrintJobs,
  listPrintJobs,
  readPrintJobPdf,
  recordSystemJobId,
  type NewPrintJob,
} from './print-jobs-repository.ts';
import { purgeExpired } from './purge-expired.ts';
import { openTestStore, tempDir, testClock, type TempDir, type TestClock } from './store-test-helpers.ts';
import type { Store } from './store.ts';

let temp: TempDir;
let clock: TestClock;
let store: Store;
beforeEach(() => {
  temp = tempDir();
  clock = testClock('2026-12-01T02:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const pdf = new TextEncoder().encode('%PDF-1.7 tờ khai');
const job = (jobId: string, overrides: Partial<NewPrintJob> = {}): NewPrintJob => ({
  jobId,
  document: 'declaration',
  registrationCode: 'DK-07921-2026-000123',
  citizenName: 'Trịnh Quang Vĩnh',
  summaryLanguage: null,
  printerName: 'PDF',
  copies: 1,
  paperSize: 'A4',
  requestedBy: 'cb-07921-1',
  pdf,
  ...overrides,
});

describe('print jobs', () => {
  it('keeps the PDF while the job may still print and drops it once done', () => {
    insertPrintJob(store, job('j1'));
    expect(readPrintJobPdf(store, 'j1')?.toString('utf8')).toBe('%PDF-1.7 tờ khai');
    const claimed = claimPrintJob(store, 'j1', 'PDF');
    expect(claimed).toMatchObject({ state: 'printing', attempts: 1 });
    recordSystemJobId(store, 'j1', 'PDF-7');
    const done = finishPrintJob(store, 'j1', { state: 'done', systemJobId: null });
    expect(done).toMatchObject({ state: 'done', systemJobId: 'PDF-7' });
    expect(done?.finishedAt).toBe('2026-12-01T02:00:00.000Z');
    expect(readPrintJobPdf(store, 'j1')).toBeNull();
  });

  it('lets only one caller claim a job, and claims a failed one again for a retry', () => {
    insertPrintJob(store, job('j1'));
    expect(claimPrintJob(store, 'j1', null)).not.toBeNull();
    expect(claimPrintJob(store, 'j1', null)).toBeNull();
    finishPrintJob(store, 'j1', {
      state: 'failed',
      failureCode: 'printer-stopped',
      failureReason: 'Hết giấy',
      systemJobId: 'PDF-3',
    });
    expect(findPrintJob(store, 'j1')).toMatchObject({
      state: 'failed',
      failureCode: 'printer-stopped',
      failureReason: 'Hết giấy',
    });
    expect(readPrintJobPdf(store, 'j1')).not.toBeNull();
    const again = claimPrintJob(store, 'j1', 'Other');
    expect(again).toMatchObject({ state: 'printing', attempts: 2, failureCode: null, systemJobId: null });
    expect(again?.printerName).toBe('Other');
  });

  it('cancels only a job that is not printing, and a finished job cannot finish twice', () => {
    insertPrintJob(store, job('j1'));
    insertPrintJob(store, job('j2'));
    claimPrintJob(store, 'j2', null);
    expect(cancelPrintJob(store, 'j2')).toBeNull();
    expect(cancelPrintJob(store, 'j1')).toMatchObject({ state: 'cancelled' });
    expect(readPrintJobPdf(store, 'j1')).toBeNull();
    expect(finishPrintJob(store, 'j1', { state: 'done', systemJobId: null })).toBeNull();
  });

  it('counts and lists open jobs before finished ones, and finds the interrupted ones', () => {
    insertPrintJob(store, job('j1'));
    clock.set('2026-12-01T02:01:00.000Z');
    insertPrintJob(store, job('j2'));
    insertPrintJob(store, job('j3', { document: 'test-page', registrationCode: null, citizenName: null }));
    claimPrintJob(store, 'j2', null);
    claimPrintJob(store, 'j3', null);
    finishPrintJob(store, 'j3', { state: 'done', systemJobId: 'PDF-1' });
    expect(countOpenPrintJobs(store)).toEqual({ waiting: 2, failed: 0 });
    expect(listPrintJobs(store).map((row) => row.jobId)).toEqual(['j2', 'j1', 'j3']);
    expect(listInterruptedPrintJobs(store).map((row) => row.jobId)).toEqual(['j1', 'j2']);
  });

  it('refuses rows that break the queue rules', () => {
    insertPrintJob(store, job('j1'));
    expect(() => insertPrintJob(store, job('j1'))).toThrow(/UNIQUE|PRIMARY KEY|constraint/i);
    expect(() => insertPrintJob(store, job('j2', { copies: 9 }))).toThrow(/CHECK|constraint/i);
    expect(() =>
      store.db.prepare(`UPDATE print_jobs SET state = 'failed' WHERE job_id = 'j1'`).run(),
    ).toThrow(/CHECK/);
  });

  it('purges finished jobs and cancels stale failed ones after the retention days', () => {
    insertPrintJob(store, job('done'));
    claimPrintJob(store, 'done', null);
    finishPrintJob(store, 'done', { state: 'done', systemJobId: null });
    insertPrintJob(store, job('failed'));
    claimPrintJob(store, 'failed', null);
    finishPrintJob(store, 'failed', {
      state: 'failed',
      failureCode: 'timeout',
      failureReason: '',
      systemJobId: null,
    });
    clock.advanceDays(6);
    insertPrintJob(store, job('recent'));
    expect(purgeExpired(store).printJobs).toBe(0);
    clock.advanceDays(2);
    expect(purgeExpired(store).printJobs).toBe(2);
    expect(findPrintJob(store, 'done')).toBeNull();
    expect(findPrintJob(store, 'failed')).toMatchObject({ state: 'cancelled', failureCode: 'timeout' });
    expect(readPrintJobPdf(store, 'failed')).toBeNull();
    expect(findPrintJob(store, 'recent')?.state).toBe('pending');
  });
});
