// `report daily` as users run it: a real process on a data folder holding the seeded day.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportXlsx, reportDay, seedReportDayStore } from '../../../tests/fixtures/report-day.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { databaseFileName } from '../../services/backend.ts';
import { openTestStore, testClock } from '../../store/store-test-helpers.ts';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
let data: ReturnType<typeof makeTemporaryDirectory>;

beforeAll(() => {
  data = makeTemporaryDirectory('report-cli');
  fs.writeFileSync(
    path.join(data.path, 'config.json'),
    JSON.stringify({ officeCode: '07921', counterId: 'QUAY-01' }),
  );
  const clock = testClock();
  const store = openTestStore(path.join(data.path, databaseFileName), { now: clock.now });
  seedReportDayStore(store, clock.set);
  store.close();
});
afterAll(() => data.remove());

function cli(args: string[]) {
  const child = spawnSync(process.execPath, ['main/host/cli.ts', 'report', 'daily', ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const out = (name: string) => path.join(data.path, name);

describe('node main/host/cli.ts report daily', () => {
  it('writes the CSV of the day and prints its SHA-256', () => {
    const result = cli([
      '--data-dir',
      data.path,
      '--date',
      reportDay.date,
      '--format',
      'csv',
      '--out',
      out('day.csv'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/day\.csv \(\d+ bytes, sha256 [0-9a-f]{64}\)/);
    const text = fs.readFileSync(out('day.csv'), 'utf8');
    expect(text.startsWith('\uFEFF"Phần","Mục","Chỉ tiêu","Giá trị"\r\n')).toBe(true);
    expect(text).toContain('"Tổng hợp","approved","Đã duyệt","9"\r\n');
  });

  it('writes the XLSX in another language', async () => {
    const result = cli([
      '--data-dir',
      data.path,
      '--date',
      reportDay.date,
      '--format',
      'xlsx',
      '--out',
      out('day.xlsx'),
      '--language',
      'en',
    ]);
    expect(result.status).toBe(0);
    const [summary] = await readReportXlsx(fs.readFileSync(out('day.xlsx')));
    expect(summary!.sheet).toBe('Summary');
    expect(summary!.data.find((row) => row[0] === 'Summary' && row[1] === 'rejected')?.[3]).toBe(5);
  });

  it('exits 2 with a clear message on bad or missing arguments and an impossible date', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--date', '2026-11-30', '--format', 'csv', '--out', out('x.csv')], /missing: --data-dir/],
      [
        ['--data-dir', data.path, '--date', '2026-02-30', '--format', 'csv', '--out', out('x.csv')],
        /not a date: 2026-02-30/,
      ],
      [
        ['--data-dir', data.path, '--date', '30/11/2026', '--format', 'csv', '--out', out('x.csv')],
        /not a date/,
      ],
      [
        ['--data-dir', data.path, '--date', '2026-11-30', '--format', 'docx', '--out', out('x.csv')],
        /unknown format: docx/,
      ],
      [
        [
          '--data-dir',
          data.path,
          '--date',
          '2026-11-30',
          '--format',
          'csv',
          '--out',
          out('x.csv'),
          '--language',
          'fr',
        ],
        /unknown language: fr/,
      ],
      [
        [
          '--data-dir',
          data.path,
          '--date',
          '2026-11-30',
          '--format',
          'csv',
          '--out',
          out('x.csv'),
          '--colour',
          'red',
        ],
        /colour/,
      ],
      [
        [
          '--data-dir',
          path.join(data.path, 'nowhere'),
          '--date',
          '2026-11-30',
          '--format',
          'csv',
          '--out',
          out('x.csv'),
        ],
        /No database/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = cli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('usage: npm run -s cli -- report daily');
    }
    expect(fs.existsSync(out('x.csv'))).toBe(false);
  });
});
