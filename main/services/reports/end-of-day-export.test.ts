import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema, type Settings } from '../../../preload/contract/settings-schema.ts';
import { seedReportDayStore } from '../../../tests/fixtures/report-day.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { listAudit } from '../../store/audit-log.ts';
import { openTestStore, testClock, type TestClock } from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';
import { EndOfDayExport, retryAfterFailureMs } from './end-of-day-export.ts';

// The scheduled export on the seeded day's store, with the clock in the test's hands: once per
// Vietnam day after its time, never twice (also after a restart), a bad folder reported and retried
// after a wait, a partial failure retried for the missing formats only, no file without its audit.

let data: ReturnType<typeof makeTemporaryDirectory>;
let store: Store;
let clock: TestClock;
let settings: Settings;
let folder: string;
const exporters: EndOfDayExport[] = [];

beforeEach(() => {
  data = makeTemporaryDirectory('end-of-day');
  folder = path.join(data.path, 'exports');
  fs.mkdirSync(folder);
  clock = testClock();
  store = openTestStore(path.join(data.path, 'store.sqlite'), { now: clock.now });
  seedReportDayStore(store, clock.set);
  settings = settingsSchema.parse({
    officeCode: '07921',
    counterId: 'QUAY-01',
    reports: { endOfDayExport: { enabled: true, folder, time: '17:30', formats: ['csv', 'xlsx', 'pdf'] } },
  });
});
afterEach(async () => {
  for (const exporter of exporters.splice(0)) await exporter.close();
  store.close();
  data.remove();
});

function exporter(checkEveryMs?: number): EndOfDayExport {
  const made = new EndOfDayExport({
    store,
    now: clock.now,
    settings: () => settings,
    onError: () => {},
    ...(checkEveryMs ? { checkEveryMs } : {}),
  });
  exporters.push(made);
  return made;
}

const files = () => fs.readdirSync(folder).sort();
const withPlan = (plan: Partial<Settings['reports']['endOfDayExport']>): Settings => ({
  ...settings,
  reports: { endOfDayExport: { ...settings.reports.endOfDayExport, ...plan } },
});
const scheduledExports = () =>
  listAudit(store, { limit: 1000 }).filter((entry) => entry.action === 'report.exported');
const day30 = [
  'bao-cao-07921-QUAY-01-2026-11-30.csv',
  'bao-cao-07921-QUAY-01-2026-11-30.pdf',
  'bao-cao-07921-QUAY-01-2026-11-30.xlsx',
];

describe('the end-of-day export', () => {
  it('writes the day once, after its time, each file audited by the system', async () => {
    const schedule = exporter();
    clock.set('2026-11-30T10:29:00.000Z'); // 17:29 in Vietnam
    await schedule.check();
    expect(files()).toEqual([]);

    clock.set('2026-11-30T10:30:00.000Z');
    await schedule.check();
    expect(files()).toEqual(day30);
    const csv = fs.readFileSync(path.join(folder, day30[0]!), 'utf8');
    expect(csv).toContain('"Tổng hợp","received","Hồ sơ tiếp nhận","17"');
    expect(schedule.status()).toMatchObject({
      enabled: true,
      lastRunDay: '2026-11-30',
      lastRunAt: '2026-11-30T10:30:00.000Z',
      lastFiles: [
        'bao-cao-07921-QUAY-01-2026-11-30.csv',
        'bao-cao-07921-QUAY-01-2026-11-30.xlsx',
        'bao-cao-07921-QUAY-01-2026-11-30.pdf',
      ],
      lastError: null,
    });
    const audited = scheduledExports();
    expect(audited.map((entry) => [entry.actor, entry.details.format, entry.details.scheduled])).toEqual([
      ['system', 'pdf', true],
      ['system', 'xlsx', true],
      ['system', 'csv', true],
    ]);

    clock.set('2026-11-30T14:00:00.000Z');
    fs.rmSync(path.join(folder, day30[0]!));
    await schedule.check();
    expect(files()).toEqual(day30.slice(1));
    expect(scheduledExports()).toHaveLength(3);
  });

  it('does not write a day twice after a restart, and writes the next day', async () => {
    clock.set('2026-11-30T11:00:00.000Z');
    await exporter().check();
    await exporters[0]!.close();
    const restarted = exporter();
    await restarted.check();
    expect(scheduledExports()).toHaveLength(3);

    clock.set('2026-12-01T02:00:00.000Z'); // 09:00 on 1/12: not time yet
    await restarted.check();
    expect(scheduledExports()).toHaveLength(3);
    clock.set('2026-12-01T11:00:00.000Z');
    await restarted.check();
    expect(files()).toContain('bao-cao-07921-QUAY-01-2026-12-01.csv');
    expect(restarted.status().lastRunDay).toBe('2026-12-01');
  });

  it('reports a missing folder with a code and its time, and retries after the wait', async () => {
    settings = withPlan({ folder: path.join(folder, 'absent') });
    const schedule = exporter();
    clock.set('2026-11-30T11:00:00.000Z');
    await schedule.check();
    expect(schedule.status()).toMatchObject({
      lastRunDay: null,
      lastRunAt: null,
      lastFiles: [],
      lastError: { code: 'folder-missing' },
      lastErrorAt: '2026-11-30T11:00:00.000Z',
    });
    expect(scheduledExports()).toHaveLength(0);

    fs.mkdirSync(path.join(folder, 'absent'));
    clock.set('2026-11-30T11:01:00.000Z');
    await schedule.check();
    expect(fs.readdirSync(path.join(folder, 'absent'))).toEqual([]);
    clock.set(new Date(Date.parse('2026-11-30T11:00:00.000Z') + retryAfterFailureMs).toISOString());
    await schedule.check();
    expect(schedule.status()).toMatchObject({ lastRunDay: '2026-11-30', lastError: null, lastErrorAt: null });
    expect(fs.readdirSync(path.join(folder, 'absent')).some((name) => name.endsWith('.partial'))).toBe(false);
    expect(scheduledExports()).toHaveLength(3);
  });

  it('after a partial failure, retries only the missing format, once the wait is over', async () => {
    // A folder where the XLSX's partial file should go: writing it fails, the others do not.
    const blocker = path.join(folder, `${day30[2]!}.partial`);
    fs.mkdirSync(blocker);
    const schedule = exporter();
    clock.set('2026-11-30T10:45:00.000Z');
    await schedule.check();
    expect(files()).toEqual([day30[0], day30[1], `${day30[2]}.partial`]);
    expect(scheduledExports().map((entry) => entry.details.format)).toEqual(['pdf', 'csv']);
    expect(schedule.status()).toMatchObject({
      lastRunDay: null,
      lastError: { code: 'write-failed' },
      lastErrorAt: '2026-11-30T10:45:00.000Z',
    });

    // Every minute until the wait is over: nothing written, nothing audited (also after a restart).
    fs.rmdirSync(blocker);
    for (let minute = 1; minute < retryAfterFailureMs / 60_000; minute += 1) {
      clock.set(new Date(Date.parse('2026-11-30T10:45:00.000Z') + minute * 60_000).toISOString());
      await schedule.check();
    }
    await exporter().check();
    expect(scheduledExports()).toHaveLength(2);
    expect(files()).toEqual([day30[0], day30[1]]);

    clock.set('2026-11-30T11:00:00.000Z');
    await schedule.check();
    expect(files()).toEqual(day30);
    expect(scheduledExports().map((entry) => entry.details.format)).toEqual(['xlsx', 'pdf', 'csv']);
    expect(schedule.status()).toMatchObject({
      lastRunDay: '2026-11-30',
      lastRunAt: '2026-11-30T11:00:00.000Z',
      lastFiles: [day30[0], day30[2], day30[1]],
      lastError: null,
    });
    clock.set('2026-11-30T12:00:00.000Z');
    await schedule.check();
    expect(scheduledExports()).toHaveLength(3);
  });

  it('leaves no file in the folder when its audit entry cannot be written, and tries again at once in a new folder', async () => {
    store.db.exec(
      "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk I/O'); END",
    );
    const schedule = exporter();
    clock.set('2026-11-30T11:00:00.000Z');
    await schedule.check();
    expect(files()).toEqual([]);
    expect(schedule.status()).toMatchObject({ lastRunDay: null, lastError: { code: 'audit-failed' } });
    expect(scheduledExports()).toHaveLength(0);

    store.db.exec('DROP TRIGGER temp.refuse_audit');
    const other = path.join(data.path, 'other-exports');
    fs.mkdirSync(other);
    settings = withPlan({ folder: other });
    clock.set('2026-11-30T11:01:00.000Z');
    await schedule.check();
    expect(fs.readdirSync(other).sort()).toEqual(day30);
    expect(scheduledExports()).toHaveLength(3);
  });

  it('reads a record an older version wrote, with a code the contract no longer lists', async () => {
    store.transaction(() =>
      store
        .statement("INSERT INTO sync_state (key, value, updated_at) VALUES ('reports-end-of-day', ?, '')")
        .run(
          JSON.stringify({
            lastRunDay: '2026-11-29',
            lastRunAt: '2026-11-29T10:30:00.000Z',
            lastFiles: ['a.csv'],
            lastError: { code: 'report-export-failed', message: 'Không tạo được tệp báo cáo.' },
          }),
        ),
    );
    expect(exporter().status()).toMatchObject({
      lastRunDay: '2026-11-29',
      lastError: { code: 'report-failed' },
      lastErrorAt: null,
    });
  });

  it('follows the settings at every check, and runs by its own timer', async () => {
    settings = {
      ...settings,
      reports: { endOfDayExport: { ...settings.reports.endOfDayExport, enabled: false } },
    };
    const schedule = exporter(20);
    clock.set('2026-11-30T11:00:00.000Z');
    schedule.start();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(files()).toEqual([]);
    settings = {
      ...settings,
      reports: { endOfDayExport: { ...settings.reports.endOfDayExport, enabled: true, formats: ['csv'] } },
    };
    const deadline = Date.now() + 10_000;
    while (files().length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await schedule.close();
    expect(files()).toEqual([day30[0]]);
  });
});
