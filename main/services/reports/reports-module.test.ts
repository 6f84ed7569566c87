import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingPasswords } from '../../../central/seed/training-staff.ts';
import type { Report, ReportExport } from '../../../preload/contract/areas/reports.ts';
import {
  readReportXlsx,
  reportDay,
  reportDayExpected,
  reportDayStaff,
  seedReportDayStore,
} from '../../../tests/fixtures/report-day.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { signInAs } from '../../../tests/support/staff-session.ts';
import { hashPassword } from '../../security/password-hash.ts';
import { listAudit } from '../../store/audit-log.ts';
import { openStore } from '../../store/open-store.ts';
import { replaceAllStaff } from '../../store/staff-repository.ts';
import { setDeviceToken } from '../../store/sync-state-repository.ts';
import { createBackend, databaseFileName, type Backend } from '../backend.ts';

// The reports area on a real backend whose store holds the seeded day (tests/fixtures/report-day.ts)
// and whose central service is out of reach: the report is computed offline and says as of when.
// The clock is the fixture's (08:00 on 1/12/2026 in Vietnam).

let data: ReturnType<typeof makeTemporaryDirectory>;
let backend: Backend | null = null;

beforeEach(async () => {
  data = makeTemporaryDirectory('reports');
  fs.writeFileSync(
    path.join(data.path, 'config.json'),
    // Port 9 (discard) refuses at once: this PC is enrolled but offline.
    JSON.stringify({ centralUrl: 'http://127.0.0.1:9', officeCode: '07921', counterId: 'QUAY-01' }),
  );
  let current = reportDay.now.toISOString();
  const opened = openStore(path.join(data.path, databaseFileName), { now: () => new Date(current) });
  if (!opened.ok) throw opened.error;
  const store = opened.value;
  seedReportDayStore(store, (iso) => {
    current = iso;
  });
  const hashes = {
    officer: await hashPassword(trainingPasswords.officer),
    supervisor: await hashPassword(trainingPasswords.supervisor),
    admin: await hashPassword(trainingPasswords.admin),
  };
  replaceAllStaff(
    store,
    reportDayStaff.map((member) => ({ ...member, passwordHash: hashes[member.role], active: true })),
  );
  setDeviceToken(store, 'bhxhdt_test-token-for-an-offline-counter-000000000');
  store.close();
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  data.remove();
});

async function start(): Promise<Backend> {
  backend = await createBackend({ dataDirectory: data.path, strictContract: true, now: () => reportDay.now });
  return backend;
}

async function value<T>(name: string, args: unknown = {}): Promise<T> {
  const result = await backend!.call(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const day = { from: reportDay.date, to: reportDay.date };

describe('the reports area', () => {
  it('reports the seeded day offline, as of the last sync, for a supervisor', async () => {
    await start();
    await signInAs(backend!.call, 'gs-07921');
    const report = await value<Report>('reports.daily', day);
    expect(report).toEqual(reportDayExpected);
    expect(report.asOf).toBe(reportDay.lastSyncAt);
    expect(await value('reports.filters')).toEqual({
      officers: [
        { officerId: 'cb-07921-1', fullName: 'Huỳnh Thị Ngọc Hân' },
        { officerId: 'cb-07921-2', fullName: 'Võ Minh Tuấn' },
        { officerId: 'gs-07921', fullName: 'Trương Thị Mai' },
      ],
      counters: ['QUAY-01', 'QUAY-02'],
    });
  });

  it('refuses a backward, too long or impossible range, and an officer', async () => {
    await start();
    await signInAs(backend!.call, 'gs-07921');
    for (const range of [
      { from: '2026-12-01', to: '2026-11-30' },
      { from: '2026-01-01', to: '2026-06-30' },
      { from: '2026-02-29', to: '2026-03-01' },
    ]) {
      expect(await backend!.call('reports.daily', range)).toMatchObject({
        ok: false,
        error: { code: 'report-range-invalid', details: { maxDays: 93 } },
      });
    }
    expect((await backend!.call('reports.daily', { from: '2026-09-01', to: '2026-12-02' })).ok).toBe(true);
    await value('session.signOut');
    await signInAs(backend!.call, 'cb-07921-1');
    expect(await backend!.call('reports.daily', day)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('exports the same figures as CSV, XLSX and PDF, each export audited with its SHA-256', async () => {
    await start();
    await signInAs(backend!.call, 'gs-07921');
    const files: Record<string, Buffer> = {};
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const exported = await value<ReportExport>('reports.export', { filter: day, format });
      const bytes = Buffer.from(exported.contentBase64, 'base64');
      expect(exported.fileName).toBe(`bao-cao-07921-QUAY-01-2026-11-30.${format}`);
      expect(exported.bytes).toBe(bytes.length);
      files[format] = bytes;
    }
    const csv = files.csv!.toString('utf8');
    expect(csv).toContain('"Tổng hợp","received","Hồ sơ tiếp nhận","17"\r\n');
    expect(csv).toContain('"Theo cán bộ","cb-07921-1","Đã duyệt","3"\r\n');
    const [summary] = await readReportXlsx(files.xlsx!);
    const received = summary!.data.find((row) => row[1] === 'received' && row[0] === 'Tổng hợp');
    expect(received?.[3]).toBe(17);
    const pdfFile = path.join(data.path, 'report.pdf');
    fs.writeFileSync(pdfFile, files.pdf!);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Hồ sơ tiếp nhận\s+17/);

    await backend!.close();
    backend = null;
    const opened = openStore(path.join(data.path, databaseFileName));
    if (!opened.ok) throw opened.error;
    const exports = listAudit(opened.value, { limit: 500 }).filter(
      (entry) => entry.action === 'report.exported',
    );
    opened.value.close();
    expect(exports.map((entry) => [entry.actor, entry.subject, entry.details.format])).toEqual([
      ['gs-07921', 'bao-cao-07921-QUAY-01-2026-11-30.pdf', 'pdf'],
      ['gs-07921', 'bao-cao-07921-QUAY-01-2026-11-30.xlsx', 'xlsx'],
      ['gs-07921', 'bao-cao-07921-QUAY-01-2026-11-30.csv', 'csv'],
    ]);
    expect(exports[2]!.details).toMatchObject({ from: day.from, to: day.to, officer: null, counter: null });
    expect(exports[2]!.details.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells how the end-of-day export went', async () => {
    await start();
    await signInAs(backend!.call, 'gs-07921');
    expect(await value('reports.endOfDayStatus')).toEqual({
      enabled: false,
      folder: null,
      time: '17:30',
      formats: ['csv', 'xlsx', 'pdf'],
      lastRunDay: null,
      lastRunAt: null,
      lastFiles: [],
      lastError: null,
      lastErrorAt: null,
    });
  });
});
