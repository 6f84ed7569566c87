import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReportXlsx, reportDay, seedReportDayStore } from '../../../tests/fixtures/report-day.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { openTestStore, testClock, type TestClock } from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';
import { AppError } from '../app-error.ts';
import { renderReport } from './report-service.ts';

// The export's reading of the audit trail: a row the app did not write is listed as stored, and a
// trail that cannot be read at all fails the export with its own code, not a raw error.

let data: ReturnType<typeof makeTemporaryDirectory>;
let store: Store;
let clock: TestClock;

beforeEach(() => {
  data = makeTemporaryDirectory('report-service');
  clock = testClock();
  store = openTestStore(path.join(data.path, 'store.sqlite'), { now: clock.now });
  seedReportDayStore(store, clock.set);
});
afterEach(() => {
  store.close();
  data.remove();
});

const request = (format: 'csv' | 'xlsx' | 'pdf') => ({
  filter: { from: reportDay.date, to: reportDay.date, officer: null, counter: null },
  format,
  language: 'vi' as const,
});
const scope = () => ({ officeCode: reportDay.officeCode, counterId: 'QUAY-01', now: reportDay.now });

describe('renderReport', () => {
  it('lists an audit row whose details are not JSON as stored text, oldest first', async () => {
    // Written behind the app's back: no hash, details that do not parse.
    store.db
      .prepare('INSERT INTO audit_log (id, at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)')
      .run(9000, '2026-11-30T09:59:00.000Z', 'someone', 'hand.made', null, '{"half":');
    const file = await renderReport(store, request('xlsx'), scope());
    const trail = (await readReportXlsx(file.bytes))[5]!.data.slice(1);
    const ids = trail.map((row) => row[0]).filter((id): id is number => typeof id === 'number');
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(trail.find((row) => row[0] === 9000)?.[5]).toBe(JSON.stringify({ unparsed: '{"half":' }));
  });

  it('fails with report-export-failed when the trail cannot be read', async () => {
    store.db.exec('DROP TABLE audit_log');
    const failure = await renderReport(store, request('csv'), scope()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'report-export-failed', details: { format: 'csv' } });
  });

  it('refuses a backward range before reading anything', async () => {
    const backward = { ...request('pdf'), filter: { ...request('pdf').filter, from: '2026-12-01' } };
    await expect(renderReport(store, backward, scope())).rejects.toMatchObject({
      code: 'report-range-invalid',
      details: { from: '2026-12-01', to: reportDay.date, maxDays: 93 },
    });
  });
});
