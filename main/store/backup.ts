import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestSchemaVersion } from './migrations/migrations.ts';
import type { Store } from './store.ts';
import { failure, ok, StoreError, toStoreError, type StoreResult } from './store-error.ts';
import { vietnamDay } from '../core/time/vietnam-time.ts';

// Daily online backups and restore (docs/local-store.md "Backup and restore").
//
// backupNow uses SQLite's online backup API (better-sqlite3 `db.backup`), which copies a consistent
// snapshot while the app keeps working. It writes to `<name>.partial` and renames, so a backup file
// that exists is a complete one. One file per office day, `bhxh-YYYY-MM-DD.sqlite`; the newest 7 are
// kept. restoreBackup verifies a copy of the backup (integrity_check) BEFORE touching the database,
// and moves the current database aside instead of deleting it.

export const backupsKept = 7;
const backupName = /^bhxh-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export function backupFileName(day: string): string {
  return `bhxh-${day}.sqlite`;
}

/** Backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => backupName.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

export interface BackupReport {
  file: string;
  /** Older backups deleted by the rotation. */
  deleted: string[];
  pages: number;
}

/** Backs up now (replacing today's file if any), then keeps only the newest 7. */
export async function backupNow(store: Store, dir: string): Promise<StoreResult<BackupReport>> {
  const file = path.join(dir, backupFileName(vietnamDay(store.now())));
  const partial = `${file}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.rmSync(partial, { force: true });
    const metadata = await store.db.backup(partial);
    fs.renameSync(partial, file);
    const all = listBackups(dir);
    const deleted = all.slice(0, Math.max(0, all.length - backupsKept));
    for (const old of deleted) fs.rmSync(old, { force: true });
    return ok({ file, deleted, pages: metadata.totalPages });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    return failure(toStoreError(error, file));
  }
}

/** Backs up unless today's backup exists. The app calls it at start and every few hours. */
export async function ensureDailyBackup(
  store: Store,
  dir: string,
): Promise<StoreResult<BackupReport | { file: string; skipped: true }>> {
  const file = path.join(dir, backupFileName(vietnamDay(store.now())));
  if (fs.existsSync(file)) return ok({ file, skipped: true });
  return backupNow(store, dir);
}

/**
 * `integrity_check` of a database file opened read-only: the lines that are not "ok", and the
 * schema version. Throws (SQLite's error) when the file is not a database at all.
 */
export function checkDatabaseFile(file: string): { problems: string[]; userVersion: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    return { problems, userVersion };
  } finally {
    db.close();
  }
}

export interface RestoreReport {
  restoredFrom: string;
  /** Where the database that was replaced now is (null when there was none). */
  previousKeptAt: string | null;
}

/**
 * Replaces the database at `databasePath` by `backupFile`. The app must be closed. Steps: copy the
 * backup beside the database, verify the COPY (so what is checked is what gets installed), move the
 * current database and its -wal/-shm aside as `<db>.before-restore-<time>` (its -wal holds committed
 * data, so it travels with it), then rename the copy into place. A corrupt backup is refused and
 * nothing changes. A database still open by another process (the app) is refused as `store-locked`.
 * The audit trail is the backup's as it was: the CLI's restore, for a damaged database; the
 * administration screen's restore carries the trail forward (carry-audit-forward.ts).
 */
export function restoreBackup(
  backupFile: string,
  databasePath: string,
  options: { now?: () => Date } = {},
): StoreResult<RestoreReport> {
  const staged = stageBackup(backupFile, databasePath);
  if (!staged.ok) return staged;
  const installed = installStagedBackup(staged.value, databasePath, (options.now ?? (() => new Date()))());
  return installed.ok ? ok({ restoredFrom: backupFile, ...installed.value }) : installed;
}

/**
 * The first half of a restore: checks the arguments, copies the backup beside the database as
 * `<db>.restoring` and verifies that copy (integrity_check, a bhxh-kiosk database, not from a newer
 * version). Answers the copy's path; nothing else has changed. On failure no copy is left.
 */
export function stageBackup(backupFile: string, databasePath: string): StoreResult<string> {
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) {
    return failure(
      new StoreError('backup-invalid', `Không tìm thấy tệp sao lưu ${backupFile}.`, {
        details: { backupFile },
      }),
    );
  }
  if (path.resolve(backupFile) === path.resolve(databasePath)) {
    return failure(
      new StoreError('backup-invalid', 'Tệp sao lưu và tệp cơ sở dữ liệu phải là hai tệp khác nhau.', {
        details: { backupFile, databasePath },
      }),
    );
  }
  if (databaseInUse(databasePath)) {
    return failure(
      new StoreError(
        'store-locked',
        `Cơ sở dữ liệu ${databasePath} đang được mở (ứng dụng đang chạy?). Hãy đóng ứng dụng rồi khôi phục lại.`,
        { details: { databasePath } },
      ),
    );
  }
  const staging = stagingPath(databasePath);
  try {
    removeWithSidecars(staging);
    fs.copyFileSync(backupFile, staging);
    const refusal = verifyBackup(staging, backupFile);
    if (refusal !== null) {
      removeWithSidecars(staging);
      return failure(refusal);
    }
    removeSidecars(staging);
    return ok(staging);
  } catch (error) {
    removeWithSidecars(staging);
    return failure(toStoreError(error, databasePath));
  }
}

/** Where stageBackup puts its copy. */
export function stagingPath(databasePath: string): string {
  return `${databasePath}.restoring`;
}

/** Removes a staged copy that will not be installed. */
export function discardStagedBackup(staging: string): void {
  removeWithSidecars(staging);
}

/**
 * The second half: moves the current database and its sidecars aside, named after `now`, and
 * renames the staged copy into place. The staged copy must have no -wal of its own (close its
 * connections, in rollback-journal mode, first): one left behind would be removed here.
 */
export function installStagedBackup(
  staging: string,
  databasePath: string,
  now: Date,
): StoreResult<Pick<RestoreReport, 'previousKeptAt'>> {
  try {
    removeSidecars(staging);
    let previousKeptAt: string | null = null;
    if (fs.existsSync(databasePath)) {
      previousKeptAt = `${databasePath}.before-restore-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`;
      fs.renameSync(databasePath, previousKeptAt);
      for (const suffix of sidecarSuffixes) {
        if (fs.existsSync(databasePath + suffix))
          fs.renameSync(databasePath + suffix, previousKeptAt + suffix);
      }
    }
    removeSidecars(databasePath); // never let a stale -wal meet the restored file
    fs.renameSync(staging, databasePath);
    return ok({ previousKeptAt });
  } catch (error) {
    removeWithSidecars(staging);
    return failure(toStoreError(error, databasePath));
  }
}

/**
 * Whether another connection has the database open. Every connection to a WAL database holds a
 * shared lock on the file while open, so an exclusive lock is refused while the app runs, even idle.
 * A damaged file that cannot be locked for another reason is not "in use": restoring it is the point.
 */
export function databaseInUse(databasePath: string): boolean {
  if (!fs.existsSync(databasePath)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(databasePath, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db?.close();
  }
}

function verifyBackup(copy: string, backupFile: string): StoreError | null {
  let result: { problems: string[]; userVersion: number };
  try {
    result = checkDatabaseFile(copy);
  } catch (error) {
    return backupCorrupt(backupFile, [String((error as Error).message)], error);
  }
  if (result.problems.length > 0) return backupCorrupt(backupFile, result.problems);
  if (result.userVersion === 0)
    return backupCorrupt(backupFile, ['not a bhxh-kiosk database (user_version 0)']);
  if (result.userVersion > latestSchemaVersion) {
    return new StoreError(
      'backup-invalid',
      `Tệp sao lưu ${backupFile} được tạo bởi phiên bản ứng dụng mới hơn (lược đồ số ${result.userVersion}); ` +
        'hãy cài phiên bản ứng dụng mới nhất trước khi khôi phục.',
      { details: { backupFile, found: result.userVersion, known: latestSchemaVersion } },
    );
  }
  return null;
}

function backupCorrupt(backupFile: string, problems: string[], cause?: unknown): StoreError {
  return new StoreError(
    'backup-corrupt',
    `Tệp sao lưu ${backupFile} bị hỏng nên không được khôi phục; cơ sở dữ liệu hiện tại giữ nguyên. ` +
      'Hãy chọn bản sao lưu của một ngày trước đó.',
    { cause, details: { backupFile, problems: problems.slice(0, 20) } },
  );
}

const sidecarSuffixes = ['-wal', '-shm', '-journal'];

function removeSidecars(file: string): void {
  for (const suffix of sidecarSuffixes) fs.rmSync(file + suffix, { force: true });
}

function removeWithSidecars(file: string): void {
  fs.rmSync(file, { force: true });
  removeSidecars(file);
}
