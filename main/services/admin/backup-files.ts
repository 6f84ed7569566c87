import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { checkDatabaseFile, listBackups } from '../../store/backup.ts';
import { latestSchemaVersion } from '../../store/migrations/migrations.ts';
import { AppError } from '../app-error.ts';

// The backups of this PC as the administration screen sees them: by file name only. The page never
// sends or receives a path; a name it sends is looked up among the listed backups, so nothing
// outside the backup folder can be named (no "../", no absolute path, no other file).

export interface BackupFile {
  fileName: string;
  /** The office day it was taken (YYYY-MM-DD; one backup per day). */
  day: string;
  bytes: number;
  modifiedAt: string;
}

const dayOfName = /^bhxh-(\d{4}-\d{2}-\d{2})\.sqlite$/;

/** Newest first. */
export function describeBackups(directory: string): BackupFile[] {
  return listBackups(directory)
    .reverse()
    .flatMap((file) => {
      const described = describeBackup(file);
      return described ? [described] : [];
    });
}

export function describeBackup(file: string): BackupFile | null {
  const day = dayOfName.exec(path.basename(file))?.[1];
  if (day === undefined) return null;
  try {
    const stat = fs.statSync(file);
    return { fileName: path.basename(file), day, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
  } catch {
    return null; // removed by the rotation meanwhile
  }
}

/** The path of the listed backup called `fileName`, or null when no listed backup has that name. */
export function findBackup(directory: string, fileName: string): string | null {
  return listBackups(directory).find((file) => path.basename(file) === fileName) ?? null;
}

/**
 * Checks a backup before anything is touched: a copy of it is opened read-only (so the backup
 * folder gets no -shm/-wal files) and must pass integrity_check, be a bhxh-kiosk database, and not
 * come from a newer version of the app. Throws backup-corrupt or backup-invalid.
 */
export function verifyBackupFile(file: string, scratchDirectory: string): void {
  const fileName = path.basename(file);
  const copy = path.join(scratchDirectory, `restore-check-${randomUUID()}.sqlite`);
  try {
    fs.copyFileSync(file, copy);
    let checked: ReturnType<typeof checkDatabaseFile>;
    try {
      checked = checkDatabaseFile(copy);
    } catch (error) {
      throw corrupt(fileName, [String((error as Error).message)], error);
    }
    if (checked.problems.length > 0) throw corrupt(fileName, checked.problems);
    if (checked.userVersion === 0) throw corrupt(fileName, ['không phải cơ sở dữ liệu bhxh-kiosk']);
    if (checked.userVersion > latestSchemaVersion) {
      throw new AppError(
        'backup-invalid',
        `Bản sao lưu ${fileName} được tạo bởi phiên bản ứng dụng mới hơn (lược đồ số ${checked.userVersion}); ` +
          'hãy cài phiên bản mới nhất trước khi khôi phục.',
        { details: { fileName, found: checked.userVersion, known: latestSchemaVersion } },
      );
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(copy + suffix, { force: true });
  }
}

function corrupt(fileName: string, problems: string[], cause?: unknown): AppError {
  return new AppError(
    'backup-corrupt',
    `Bản sao lưu ${fileName} bị hỏng nên không được khôi phục; dữ liệu hiện tại giữ nguyên. ` +
      'Hãy chọn bản sao lưu của một ngày trước đó.',
    { cause, details: { fileName, problems: problems.slice(0, 20) } },
  );
}
