import fs from 'node:fs';
import path from 'node:path';
import { listBackups } from '../../store/backup.ts';
import { auditMismatchRefusal } from '../../store/carry-audit-forward.ts';
import { checkBackupBeforeRestore } from '../../store/check-backup-before-restore.ts';
import type { Store } from '../../store/store.ts';
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
 * Checks a backup before anything is touched, while the other calls keep being answered
 * (check-backup-before-restore.ts: quick_check in a worker, the audit chains in slices); the start
 * repeats it fully on the copy it installs. Throws backup-corrupt, backup-invalid,
 * restore-audit-mismatch or restore-failed.
 */
export async function verifyBackupFile(
  file: string,
  scratchDirectory: string,
  current: Store,
): Promise<void> {
  const fileName = path.basename(file);
  const checked = await checkBackupBeforeRestore(file, scratchDirectory, current.db);
  if (checked.ok) return;
  switch (checked.refusal) {
    case 'backup-corrupt':
      throw new AppError(
        'backup-corrupt',
        `Bản sao lưu ${fileName} bị hỏng nên không được khôi phục; dữ liệu hiện tại giữ nguyên. ` +
          'Hãy chọn bản sao lưu của một ngày trước đó.',
        { cause: checked.cause, details: { fileName, problems: checked.problems } },
      );
    case 'backup-newer':
      throw new AppError(
        'backup-invalid',
        `Bản sao lưu ${fileName} được tạo bởi phiên bản ứng dụng mới hơn (lược đồ số ${checked.found}); ` +
          'hãy cài phiên bản mới nhất trước khi khôi phục.',
        { details: { fileName, found: checked.found, known: checked.known } },
      );
    case 'check-failed':
      throw new AppError('restore-failed', `Không kiểm tra được bản sao lưu ${fileName}; hãy thử lại.`, {
        cause: checked.cause,
        details: { fileName },
      });
    case 'audit-mismatch': {
      const refusal = auditMismatchRefusal(fileName, checked.continuation);
      throw new AppError(refusal.code, refusal.message, { details: refusal.details });
    }
  }
}
