// `report daily` as users run it: a real process on a data folder holding the seeded day.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportXlsx, reportDay, seedReportDayStore } from '../../../tests/fixtures/report-day.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { databaseFileName } from '../../services/backend.ts';
import { verifyAuditChain } from '../../store/audit-chain.ts';
import { listAudit } from '../../store/audit-log.ts';
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

function cli(args: string[], wrap: string[] = []) {
  const command = [...wrap, process.execPath, 'main/host/cli.ts', 'report', 'daily', ...args];
  const child = spawnSync(command[0]!, command.slice(1), {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** The data folder's trail as the app would read it, and whether its chain still verifies. */
function trail() {
  const store = openTestStore(path.join(data.path, databaseFileName));
  try {
    return { entries: listAudit(store, { limit: 1000 }), intact: verifyAuditChain(store.db).intact };
  } finally {
    store.close();
  }
}

// A read-only data folder (as a read-only share would be), made with a private mount namespace:
// running as root here, file permissions would not stop the write.
const readOnlyMount = spawnSync('unshare', ['-rm', 'true']).status === 0;
const readOnlyDataFolder = (folder: string) => [
  'unshare',
  '-rm',
  'sh',
  '-c',
  'mount --bind -o ro "$1" "$1" && shift && exec "$@"',
  'sh',
  folder,
];

const out = (name: string) => path.join(data.path, name);

describe('node main/host/cli.ts report daily', () => {
  it('writes the CSV of the day, prints its SHA-256, and audits the export in the chain', () => {
    const before = trail().entries.length;
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
    expect(fs.existsSync(`${out('day.csv')}.partial`)).toBe(false);

    const after = trail();
    expect(after.intact).toBe(true);
    expect(after.entries).toHaveLength(before + 1);
    expect(after.entries[0]).toMatchObject({
      actor: `cli:${os.userInfo().username}`,
      action: 'report.exported',
      subject: 'bao-cao-07921-QUAY-01-2026-11-30.csv',
      details: {
        format: 'csv',
        from: reportDay.date,
        to: reportDay.date,
        officer: null,
        counter: null,
        sha256: /sha256 ([0-9a-f]{64})/.exec(result.stdout)?.[1],
        via: 'cli',
      },
    });
  });

  it.skipIf(!readOnlyMount)(
    'exits 1 and leaves no file when the export cannot be audited (a read-only data folder)',
    () => {
      const before = trail().entries.length;
      // The app is running: its connection keeps the WAL files a reader needs.
      const app = openTestStore(path.join(data.path, databaseFileName));
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-report-cli-out-'));
      try {
        const target = path.join(outside, 'day.pdf');
        const result = cli(
          ['--data-dir', data.path, '--date', reportDay.date, '--format', 'pdf', '--out', target],
          readOnlyDataFolder(data.path),
        );
        expect(result.stderr).toMatch(/could not be written to the audit trail; no file was saved/);
        expect(result.status).toBe(1);
        expect(fs.readdirSync(outside)).toEqual([]);
      } finally {
        app.close();
        fs.rmSync(outside, { recursive: true, force: true });
      }
      expect(trail()).toMatchObject({ intact: true, entries: { length: before } });
    },
  );

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
