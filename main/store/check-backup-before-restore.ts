import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { checkAuditContinuation, hasAuditChain, type AuditContinuation } from './carry-audit-forward.ts';
import { checkStoreFile } from './check-store-file.ts';
import { latestSchemaVersion } from './migrations/migrations.ts';
import type { StoreError } from './store-error.ts';

// The check of a backup when a restore is asked for, made while the backend keeps answering other
// calls: the restore itself happens at the next start, where restoreBackupCarryingAudit checks the
// copy it installs again, fully (integrity_check) and with the same audit trail rule. Here the
// point is to tell the administrator at once, without a multi-second stall of every other call on
// a big store: the file is copied asynchronously, `quick_check` runs in a worker thread
// (check-store-file.ts, the start-up check's), and the audit chains are recomputed in slices.

export type BackupPrecheck =
  | {
      ok: true;
      /** False for a backup from before the audit chain (schema 7 or older): compared at start. */
      auditChecked: boolean;
    }
  | { ok: false; refusal: 'backup-corrupt'; problems: string[]; cause?: StoreError }
  | { ok: false; refusal: 'backup-newer'; found: number; known: number }
  | { ok: false; refusal: 'check-failed'; cause: StoreError }
  | { ok: false; refusal: 'audit-mismatch'; continuation: Extract<AuditContinuation, { ok: false }> };

/**
 * Checks a copy of `backupFile` (made in `scratchDirectory`, removed afterwards; opened read-only,
 * so the backup folder gets no -shm/-wal files): sound by `quick_check`, a bhxh-kiosk database, not
 * from a newer version, and its audit trail an earlier state of `current`'s.
 */
export async function checkBackupBeforeRestore(
  backupFile: string,
  scratchDirectory: string,
  current: Database.Database,
): Promise<BackupPrecheck> {
  const copy = path.join(scratchDirectory, `restore-check-${randomUUID()}.sqlite`);
  try {
    await fs.promises.copyFile(backupFile, copy);
    const checked = await checkStoreFile(copy);
    if (!checked.ok) {
      return checked.error.code === 'store-corrupt'
        ? { ok: false, refusal: 'backup-corrupt', problems: problemsOf(checked.error), cause: checked.error }
        : { ok: false, refusal: 'check-failed', cause: checked.error };
    }
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      const userVersion = db.pragma('user_version', { simple: true }) as number;
      if (userVersion === 0)
        return { ok: false, refusal: 'backup-corrupt', problems: ['không phải cơ sở dữ liệu bhxh-kiosk'] };
      if (userVersion > latestSchemaVersion)
        return { ok: false, refusal: 'backup-newer', found: userVersion, known: latestSchemaVersion };
      if (!hasAuditChain(db)) return { ok: true, auditChecked: false };
      const continuation = await checkAuditContinuation(current, db);
      return continuation.ok
        ? { ok: true, auditChecked: true }
        : { ok: false, refusal: 'audit-mismatch', continuation };
    } finally {
      db.close();
    }
  } finally {
    // `.check.json` is the rate file checkStoreFile keeps beside what it checked.
    for (const suffix of ['', '-wal', '-shm', '-journal', '.check.json'])
      await fs.promises.rm(copy + suffix, { force: true });
  }
}

function problemsOf(error: StoreError): string[] {
  const problems = error.details?.problems;
  return Array.isArray(problems) ? problems.map(String).slice(0, 20) : [error.message];
}
