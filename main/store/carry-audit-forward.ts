import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { restoreAuditMismatchReasons } from '../../preload/contract/error-codes.ts';
import {
  verifyAuditChain,
  verifyAuditChainInSlices,
  type AuditChainCheck,
  type AuditHead,
} from './audit-chain.ts';
import { discardStagedBackup, installStagedBackup, stageBackup, type RestoreReport } from './backup.ts';
import { openStore } from './open-store.ts';
import { outboxBacklog } from './outbox-repository.ts';
import { createStore, type Store } from './store.ts';
import { toStoreError, type StoreError } from './store-error.ts';

// A restore must not rewind the audit trail (docs/administration.md, docs/audit-trail.md). The
// central keeps every head of this PC's chain it was sent and flags, for good, a chain that comes
// back shorter or different; and the entries written since the backup would survive only in the
// file moved aside. So the restore of the administration screen installs the backup's data with the
// CURRENT trail: the backup's trail must be a prefix of the current one (its last entry is in the
// current chain with the same hash, and both chains verify), the current entries after it are
// copied into the restored database exactly as they are (same id, time, actor, action, subject,
// details and hashes), and the restore's own entry (`backup.restored`) is appended once the store
// opens. The chain then simply continues, and so does the central's view of it.
//
// When the backup is not such a prefix (the current chain is broken, or the backup is not an
// earlier state of it) the restore is refused and the current database stays: installing it would
// either hide a break or fork the trail. Neither the check nor the copy trusts the stored hashes
// alone: both chains are recomputed (in slices, so the event loop keeps answering).

/** Why a restore would not continue the current audit trail (the contract's list). */
export type AuditContinuationReason = (typeof restoreAuditMismatchReasons)[number];

export type AuditContinuation =
  | {
      ok: true;
      /** The backup's last entry (null: its trail is empty), where the copy starts after. */
      backupHead: AuditHead | null;
      /** Entries of the current trail after the backup's last one. */
      toCarry: number;
    }
  | { ok: false; reason: AuditContinuationReason; entryId: number | null };

const continuationSliceSize = 5_000;

export interface ContinuationOptions {
  /** Between slices of the chain check (default: setImmediate). */
  pause?: () => Promise<void>;
}

/**
 * Whether `backup`'s audit trail is a prefix of `current`'s: both chains verify entry by entry and
 * the current one holds the backup's last entry with the same hash. Then the rows up to it are
 * the same rows (each hash covers its entry's content and the hash before it). Both databases must
 * have the chain's columns (migration 0008). In slices, for a backend that keeps answering.
 */
export async function checkAuditContinuation(
  current: Database.Database,
  backup: Database.Database,
  options: ContinuationOptions = {},
): Promise<AuditContinuation> {
  // 5,000 entries a slice: some 20 ms each here, the longest another call waits.
  const pause = { sliceSize: continuationSliceSize, ...(options.pause ? { pause: options.pause } : {}) };
  const backupCheck = await verifyAuditChainInSlices(backup, pause);
  if (!backupCheck.intact) return continuation(backupCheck, null);
  return continuation(
    backupCheck,
    await verifyAuditChainInSlices(current, { ...pause, knownHead: backupCheck.head }),
  );
}

/**
 * The same in one go, blocking the thread: for the start, before the store opens, where nothing
 * else runs yet (pending-restore.ts).
 */
export function checkAuditContinuationNow(
  current: Database.Database,
  backup: Database.Database,
): AuditContinuation {
  const backupCheck = verifyAuditChain(backup);
  if (!backupCheck.intact) return continuation(backupCheck, null);
  return continuation(backupCheck, verifyAuditChain(current, { knownHead: backupCheck.head }));
}

function continuation(backupCheck: AuditChainCheck, currentCheck: AuditChainCheck | null): AuditContinuation {
  if (!backupCheck.intact || currentCheck === null)
    return { ok: false, reason: 'backup-chain-broken', entryId: backupCheck.firstBroken?.id ?? null };
  const backupHead = backupCheck.head;
  // Checked before `intact`: a current chain that ends before the backup's head is also "broken"
  // (a sequence gap at the first missing id), but what it means here is another history.
  if (currentCheck.knownHead === 'differs' || currentCheck.knownHead === 'missing')
    return { ok: false, reason: 'not-a-continuation', entryId: backupHead?.id ?? null };
  if (!currentCheck.intact)
    return { ok: false, reason: 'current-chain-broken', entryId: currentCheck.firstBroken?.id ?? null };
  return { ok: true, backupHead, toCarry: currentCheck.entries - backupCheck.entries };
}

/** Whether a database has the audit chain's columns (a backup from before migration 0008 has not). */
export function hasAuditChain(db: Database.Database): boolean {
  return (
    db
      .prepare(`SELECT count(*) FROM pragma_table_info('audit_log') WHERE name IN ('prev_hash', 'hash')`)
      .pluck()
      .get() === 2
  );
}

const carrySliceSize = 5_000;

/**
 * Copies the entries of `from` with an id above `afterId` into `to`, column for column, in one
 * transaction of `to` (all or none). `to`'s trail must end at `afterId` (checkAuditContinuation).
 * Returns how many were copied.
 */
export function copyAuditEntriesAfter(
  from: Database.Database,
  to: Database.Database,
  afterId: number,
): number {
  const read = from.prepare(
    `SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log
     WHERE id > ? ORDER BY id LIMIT ${carrySliceSize}`,
  );
  const insert = to.prepare(
    `INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @subject, @details, @prev_hash, @hash)`,
  );
  return to
    .transaction(() => {
      let copied = 0;
      for (
        let rows = read.all(afterId) as Array<{ id: number }>;
        rows.length > 0;
        rows = read.all((rows[rows.length - 1] as { id: number }).id) as Array<{ id: number }>
      ) {
        for (const row of rows) insert.run(row);
        copied += rows.length;
      }
      return copied;
    })
    .immediate();
}

/** A restore the app refused, with the stable code the administration screen translates. */
export interface RestoreRefusal {
  code: 'restore-audit-mismatch' | 'restore-outbox-pending';
  message: string;
  details: Record<string, unknown>;
}

export type CarriedRestoreResult =
  | { ok: true; value: RestoreReport & { carriedEntries: number } }
  | { ok: false; error: StoreError | RestoreRefusal };

export function auditMismatchRefusal(
  fileName: string,
  continuation: Extract<AuditContinuation, { ok: false }>,
): RestoreRefusal {
  const why: Record<AuditContinuationReason, string> = {
    'current-chain-broken': `nhật ký kiểm toán hiện tại bị đứt ở mục #${continuation.entryId}`,
    'backup-chain-broken': `nhật ký kiểm toán của bản sao lưu bị đứt ở mục #${continuation.entryId}`,
    'not-a-continuation': `nhật ký kiểm toán hiện tại không có mục #${continuation.entryId} như trong bản sao lưu`,
  };
  return {
    code: 'restore-audit-mismatch',
    message:
      `Không khôi phục bản sao lưu ${fileName}: ${why[continuation.reason]}, nên khôi phục sẽ làm mất ` +
      'hoặc viết lại nhật ký kiểm toán. Dữ liệu hiện tại giữ nguyên; hãy báo bộ phận kỹ thuật.',
    details: { fileName, reason: continuation.reason, entryId: continuation.entryId },
  };
}

export function outboxPendingRefusal(pending: number): RestoreRefusal {
  return {
    code: 'restore-outbox-pending',
    message:
      `Còn ${pending} thay đổi chưa gửi lên trung tâm; khôi phục sẽ làm mất chúng. ` +
      'Hãy bấm "Đồng bộ ngay" và chờ gửi xong rồi khôi phục.',
    details: { pending },
  };
}

/**
 * The administration screen's restore, at start before the store opens: stages and verifies the
 * backup (backup.ts), brings the staged copy to this version's schema (a backup from before the
 * chain gets its chain exactly as the current database got it, so identical rows hash alike),
 * refuses when the current outbox still has events to send or the backup's trail is not a prefix of
 * the current one, copies the current trail's later entries into the copy, then installs it (the
 * current database moved aside). Nothing is installed unless every step succeeded. Synchronous: it
 * runs at start before anything else (a million entries take seconds per chain, docs/audit-trail.md).
 */
export function restoreBackupCarryingAudit(
  backupFile: string,
  databasePath: string,
  options: { fileName: string; now: Date },
): CarriedRestoreResult {
  const staged = stageBackup(backupFile, databasePath);
  if (!staged.ok) return staged;
  const staging = staged.value;
  let restored: Store | null = null;
  let current: Store | null = null;
  try {
    const opened = openStore(staging, { alreadyChecked: true });
    if (!opened.ok) return fail(opened.error);
    restored = opened.value;
    current = openCurrent(databasePath);
    let carriedEntries = 0;
    if (current !== null) {
      const { pending } = outboxBacklog(current);
      if (pending > 0) return fail(outboxPendingRefusal(pending));
      const continuation = checkAuditContinuationNow(current.db, restored.db);
      if (!continuation.ok) return fail(auditMismatchRefusal(options.fileName, continuation));
      carriedEntries = copyAuditEntriesAfter(current.db, restored.db, continuation.backupHead?.id ?? 0);
    }
    // Rollback-journal mode writes everything into the file itself: no -wal may stay behind when
    // the copy is renamed into place (installStagedBackup removes sidecars). openStore sets WAL again.
    restored.db.pragma('journal_mode = DELETE');
    restored.close();
    restored = null;
    current?.db.close();
    current = null;
    const installed = installStagedBackup(staging, databasePath, options.now);
    if (!installed.ok) return installed;
    return { ok: true, value: { restoredFrom: backupFile, ...installed.value, carriedEntries } };
  } catch (error) {
    return fail(toStoreError(error, databasePath));
  } finally {
    restored?.close();
    if (current?.db.open) current.db.close();
  }

  function fail(error: StoreError | RestoreRefusal): CarriedRestoreResult {
    restored?.close();
    restored = null;
    discardStagedBackup(staging);
    return { ok: false, error };
  }
}

/**
 * The database being replaced, opened without migrating or checking it (the app ran on it until
 * the restart): null when there is none. Only read; a read-write connection all the same, so its
 * -wal is read whatever state the last close left it in. Closed with `db.close()`, not the Store's
 * close (whose `optimize` could write to the file being kept aside).
 */
function openCurrent(databasePath: string): Store | null {
  if (!fs.existsSync(databasePath)) return null;
  const db = new Database(databasePath, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  return createStore(db, databasePath, () => new Date());
}
