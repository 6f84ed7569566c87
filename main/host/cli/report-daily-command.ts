import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportFormats, type ReportFormat } from '../../../preload/contract/areas/reports.ts';
import { isCalendarDate } from '../../core/reports/report-periods.ts';
import { reportLanguages, type ReportLanguage } from '../../documents/reports/report-texts.ts';
import { reportFacts } from '../../store/migrations/0009-report-facts.ts';
import { createStore, type Store } from '../../store/store.ts';
import { toStoreError } from '../../store/store-error.ts';
import type { CliRun } from './cli-command.ts';

// `report daily --data-dir DIR --date YYYY-MM-DD --format csv|xlsx|pdf --out FILE [--language …]`:
// the day's report of the app's database in DIR, as the screen's export writes it. The report is
// read through a read-only connection (the app may be running; a WAL reader neither waits for it
// nor blocks it). Every export is audited, this one too: the file is written as OUT.partial, then
// the database is opened read-write only to append one `report.exported` entry (actor
// `cli:<OS user>`, `via: 'cli'`; it waits for the app's write lock like any writer), and only then
// is the file renamed to OUT. No audit entry, no file: if the entry cannot be written (a read-only
// data folder, a lock held too long) the partial file is deleted. Exit codes: 0 written, 1 the
// report could not be made, written or audited, 2 wrong usage or no database. The backend's modules
// (charts, PDF, XLSX) load only once the arguments are right, so a typo is answered at once.

const usage =
  'Cách dùng / usage: npm run -s cli -- report daily --data-dir DIR --date YYYY-MM-DD ' +
  '--format csv|xlsx|pdf --out FILE [--language vi|en|zh|ko|ja]';
const usageExitCode = 2;

export const run: CliRun = async (args, io) => {
  const refuse = (message: string) => {
    io.stderr.write(`${message}\n${usage}\n`);
    return usageExitCode;
  };
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        date: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        language: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return refuse((error as Error).message);
  }
  const missing = ['data-dir', 'date', 'format', 'out'].filter((name) => !values[name]);
  if (missing.length > 0)
    return refuse(`Thiếu tham số / missing: ${missing.map((name) => `--${name}`).join(', ')}`);
  const [dataDirectory, date, format, out] = [values['data-dir']!, values.date!, values.format!, values.out!];
  const language = values.language ?? 'vi';
  if (!isCalendarDate(date)) return refuse(`Ngày không hợp lệ / not a date: ${date} (YYYY-MM-DD)`);
  if (!(reportFormats as readonly string[]).includes(format)) {
    return refuse(`Định dạng không hợp lệ / unknown format: ${format} (csv, xlsx, pdf)`);
  }
  if (!(reportLanguages as readonly string[]).includes(language)) {
    return refuse(`Ngôn ngữ không hợp lệ / unknown language: ${language} (vi, en, zh, ko, ja)`);
  }
  const { databaseFileName } = await import('../../services/backend.ts');
  const databasePath = path.join(dataDirectory, databaseFileName);
  if (!fs.existsSync(databasePath)) {
    return refuse(
      `Không có cơ sở dữ liệu ${databasePath}: hãy kiểm tra thư mục dữ liệu. / No database in ${dataDirectory}.`,
    );
  }

  let db: Database.Database;
  try {
    db = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  } catch (error) {
    const storeError = toStoreError(error, databasePath);
    return refuse(`${storeError.code}: ${storeError.message}`);
  }
  const now = new Date();
  const store = createStore(db, databasePath, () => now);
  const partial = `${out}.partial`;
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < reportFacts.version) {
      io.stderr.write(
        `Cơ sở dữ liệu ${databasePath} còn ở lược đồ số ${version}, trước khi có số liệu báo cáo: hãy mở ứng dụng một lần để nâng cấp. / ` +
          'The database predates the report figures: start the app once to migrate it.\n',
      );
      return usageExitCode;
    }
    const { loadSettings } = await import('../../services/settings/config-file.ts');
    const { auditExport, renderReport, sha256Hex } = await import('../../services/reports/report-service.ts');
    const settings = await loadSettings(dataDirectory);
    const request = {
      filter: { from: date, to: date, officer: null, counter: null },
      format: format as ReportFormat,
      language: language as ReportLanguage,
    };
    const file = await renderReport(store, request, {
      officeCode: settings.officeCode,
      counterId: settings.counterId,
      now,
    });
    db.close();
    const sha256 = sha256Hex(file.bytes);
    fs.writeFileSync(partial, file.bytes);
    try {
      withWritableStore(databasePath, (writable) =>
        auditExport(writable, cliActor(), request, { fileName: file.fileName, sha256 }, { via: 'cli' }),
      );
    } catch (error) {
      fs.rmSync(partial, { force: true });
      const storeError = toStoreError(error, databasePath);
      io.stderr.write(
        `Không ghi được nhật ký kiểm toán vào ${databasePath} (${storeError.code}: ${storeError.message}): ` +
          'tệp báo cáo không được lưu. / The export could not be written to the audit trail; no file was saved.\n',
      );
      return 1;
    }
    fs.renameSync(partial, out);
    io.stdout.write(`${out} (${file.bytes.length} bytes, sha256 ${sha256})\n`);
    return 0;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as { code?: string }).code ?? 'report-export-failed';
    io.stderr.write(`${code}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (db.open) db.close();
  }
};

/** How long to wait for the app's lock (a WAL reader does not wait; the audit's writer may). */
const busyTimeoutMs = 5000;

/** Who exported, in the trail: the operating-system account that ran the command. */
function cliActor(): string {
  try {
    const name = os.userInfo().username;
    return name ? `cli:${name}` : 'cli';
  } catch {
    // No account name (a container's uid without an entry in /etc/passwd).
    return 'cli';
  }
}

/**
 * Opens the app's database read-write for one write, as the app does (WAL, busy timeout) but
 * without migrating or checking it: the app owns its schema. Beside a running app this only waits
 * for its write lock.
 */
function withWritableStore(databasePath: string, write: (store: Store) => void): void {
  const db = new Database(databasePath, { fileMustExist: true, timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const store = createStore(db, databasePath, () => new Date());
    write(store);
  } finally {
    db.close();
  }
}
