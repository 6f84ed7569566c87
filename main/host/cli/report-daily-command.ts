import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportFormats, type ReportFormat } from '../../../preload/contract/areas/reports.ts';
import { isCalendarDate } from '../../core/reports/report-periods.ts';
import { reportLanguages, type ReportLanguage } from '../../documents/reports/report-texts.ts';
import { reportFacts } from '../../store/migrations/0009-report-facts.ts';
import { createStore } from '../../store/store.ts';
import { toStoreError } from '../../store/store-error.ts';
import type { CliRun } from './cli-command.ts';

// `report daily --data-dir DIR --date YYYY-MM-DD --format csv|xlsx|pdf --out FILE [--language …]`:
// the day's report of the app's database in DIR, as the screen's export writes it. The database is
// opened read-only (the app may be running; a WAL reader neither waits for it nor blocks it), so
// this export is not written to the audit trail: the file's SHA-256 is printed instead. Exit codes:
// 0 written, 1 the report could not be made or written, 2 wrong usage or no database. The backend's
// modules (charts, PDF, XLSX) load only once the arguments are right, so a typo is answered at once.

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
    db = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: 5000 });
  } catch (error) {
    const storeError = toStoreError(error, databasePath);
    return refuse(`${storeError.code}: ${storeError.message}`);
  }
  const now = new Date();
  const store = createStore(db, databasePath, () => now);
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
    const { renderReport, sha256Hex } = await import('../../services/reports/report-service.ts');
    const settings = await loadSettings(dataDirectory);
    const file = await renderReport(
      store,
      {
        filter: { from: date, to: date, officer: null, counter: null },
        format: format as ReportFormat,
        language: language as ReportLanguage,
      },
      { officeCode: settings.officeCode, counterId: settings.counterId, now },
    );
    fs.writeFileSync(out, file.bytes);
    io.stdout.write(`${out} (${file.bytes.length} bytes, sha256 ${sha256Hex(file.bytes)})\n`);
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'report-export-failed';
    io.stderr.write(`${code}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
};
