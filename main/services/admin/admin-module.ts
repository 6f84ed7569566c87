import fs from 'node:fs';
import path from 'node:path';
import type { adminOperations } from '../../../preload/contract/areas/admin.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { backupNow } from '../../store/backup.ts';
import { outboxBacklog, outboxOverview } from '../../store/outbox-repository.ts';
import { getSetting, setSetting, type SettingValue } from '../../store/settings-repository.ts';
import type { Store } from '../../store/store.ts';
import { AppError, isAppError } from '../app-error.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';
import { backupDirectory } from '../maintenance/store-maintenance.ts';
import { describeBackup, describeBackups, findBackup, verifyBackupFile } from './backup-files.ts';
import { movedAsideName, takeRestoreOutcome, writePendingRestore } from './pending-restore.ts';
import { outboxPendingRefusal } from '../../store/carry-audit-forward.ts';

// The administration of one PC beyond config.json: the office's rejection reasons and the data
// retention (database settings, each change audited with the administrator's id), backups and
// restore, and the outbox behind the sync health (docs/administration.md).

const retentionKeys = [
  'registrationRetentionDays',
  'kioskPayloadRetentionDays',
  'finishedOutboxRetentionDays',
  'printJobRetentionDays',
] as const;
type Retention = { [K in (typeof retentionKeys)[number]]: SettingValue<K> };

export function startAdmin(parts: BackendParts): AreaModule<typeof adminOperations> {
  const { store, dataDirectory } = parts;
  const backups = backupDirectory(dataDirectory);
  recordRestoreOutcome(store, dataDirectory);
  /** A restore being checked, or asked for and waiting for the restart: one at a time. */
  let restore: 'none' | 'checking' | 'requested' = 'none';

  return {
    handlers: {
      'admin.rejectionReasons': () => getSetting(store, 'rejectionReasons'),
      'admin.setRejectionReasons': ({ reasons }, { session }) => {
        setSetting(store, 'rejectionReasons', reasons, session.staffId);
        return getSetting(store, 'rejectionReasons');
      },
      'admin.retention': () => retention(store),
      'admin.setRetention': ({ patch }, { session }) => {
        // One transaction: a patch of several settings is applied whole or not at all.
        store.transaction(() => {
          for (const key of retentionKeys) {
            const days = patch[key];
            if (days !== undefined && days !== getSetting(store, key))
              setSetting(store, key, days, session.staffId);
          }
        });
        return retention(store);
      },
      'admin.backups': () => describeBackups(backups),
      'admin.backupNow': async (_args, { session }) => {
        const made = await backupNow(store, backups);
        const described = made.ok ? describeBackup(made.value.file) : null;
        if (!made.ok || described === null) {
          throw new AppError(
            'backup-failed',
            'Không tạo được bản sao lưu (ổ đĩa đầy hoặc không ghi được). Dữ liệu hiện tại không thay đổi.',
            { cause: made.ok ? undefined : made.error },
          );
        }
        store.transaction(() =>
          appendAudit(store, {
            actor: session.staffId,
            action: 'backup.created',
            subject: described.fileName,
            details: {
              bytes: described.bytes,
              rotatedOut: made.value.deleted.map((file) => path.basename(file)),
            },
          }),
        );
        return described;
      },
      'admin.restore': async ({ fileName }, { session }) => {
        const backup = findBackup(backups, fileName);
        if (backup === null) {
          throw new AppError('backup-not-found', `Không có bản sao lưu ${fileName} trên máy này.`, {
            details: { fileName },
          });
        }
        if (restore !== 'none') {
          throw new AppError(
            'restore-failed',
            restore === 'checking'
              ? 'Một bản sao lưu khác đang được kiểm tra để khôi phục.'
              : 'Một lần khôi phục đang chờ khởi động lại.',
            { details: { fileName } },
          );
        }
        // Checked again at start, in the database that gets replaced (carry-audit-forward.ts).
        refuseWhileOutboxPending(store);
        restore = 'checking';
        try {
          await verifyBackupFile(backup, dataDirectory, store);
        } catch (error) {
          restore = 'none';
          if (isAppError(error) && error.code === 'restore-audit-mismatch')
            auditRefusedRestore(store, session.staffId, fileName, error);
          throw error;
        }
        // The outbox again: the check above gives the event loop to other calls for a while.
        try {
          refuseWhileOutboxPending(store);
        } catch (error) {
          restore = 'none';
          throw error;
        }
        const requestedAt = freeAsideInstant(store, parts.now());
        writePendingRestore(dataDirectory, {
          fileName,
          requestedAt: requestedAt.toISOString(),
          requestedBy: session.staffId,
        });
        store.transaction(() =>
          appendAudit(store, {
            actor: session.staffId,
            action: 'backup.restore-requested',
            subject: fileName,
            details: {},
          }),
        );
        restore = 'requested';
        // Taken now, carried out once this answer has left (the host closes this backend first).
        parts.requestRestart('restore');
        return {
          restoredFrom: fileName,
          movedAsideTo: movedAsideName(path.basename(store.path), requestedAt),
          requestedAt: requestedAt.toISOString(),
        };
      },
      'admin.outbox': ({ state, limit }) => outboxOverview(store, { state, limit }),
    },
  };
}

function retention(store: Store): Retention {
  return Object.fromEntries(retentionKeys.map((key) => [key, getSetting(store, key)])) as Retention;
}

/**
 * The moved-aside database is named after the second of the request; a second restore within the
 * same second must not take the name of the first one's (a rename would replace it).
 */
function freeAsideInstant(store: Store, now: Date): Date {
  const databaseFile = path.basename(store.path);
  const folder = path.dirname(store.path);
  let at = new Date(Math.floor(now.getTime() / 1000) * 1000);
  while (fs.existsSync(path.join(folder, movedAsideName(databaseFile, at))))
    at = new Date(at.getTime() + 1000);
  return at;
}

/**
 * Events not yet sent would be lost: the restored database has the outbox of its day, and the
 * current one is only kept aside. The administrator syncs first ("Đồng bộ ngay").
 */
function refuseWhileOutboxPending(store: Store): void {
  const { pending } = outboxBacklog(store);
  if (pending === 0) return;
  const refusal = outboxPendingRefusal(pending);
  throw new AppError(refusal.code, refusal.message, { details: refusal.details });
}

/** A restore refused because it would rewind the trail is itself worth a line in the trail. */
function auditRefusedRestore(store: Store, staffId: string, fileName: string, error: AppError): void {
  store.transaction(() =>
    appendAudit(store, {
      actor: staffId,
      action: 'backup.restore-failed',
      subject: fileName,
      details: { code: error.code, ...error.details, at: 'request' },
    }),
  );
}

/**
 * The restore applied at this start (pending-restore.ts) enters the audit trail of the database it
 * installed, after the entries carried forward from the one it replaced, so the chain continues; a
 * restore that could not be applied is recorded too, in the database that stayed.
 */
function recordRestoreOutcome(store: Store, dataDirectory: string): void {
  const outcome = takeRestoreOutcome(dataDirectory);
  if (outcome === null) return;
  store.transaction(() =>
    appendAudit(store, {
      actor: outcome.requestedBy,
      action: outcome.ok ? 'backup.restored' : 'backup.restore-failed',
      subject: outcome.fileName,
      details: outcome.ok
        ? {
            requestedAt: outcome.requestedAt,
            movedAsideTo: outcome.movedAsideTo,
            carriedEntries: outcome.carriedEntries,
          }
        : {
            requestedAt: outcome.requestedAt,
            code: outcome.code,
            message: outcome.message,
            ...outcome.details,
            at: 'start',
          },
    }),
  );
}
