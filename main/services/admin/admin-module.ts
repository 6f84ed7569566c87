import fs from 'node:fs';
import path from 'node:path';
import type { adminOperations } from '../../../preload/contract/areas/admin.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { backupNow } from '../../store/backup.ts';
import { getSetting, setSetting, type SettingValue } from '../../store/settings-repository.ts';
import type { Store } from '../../store/store.ts';
import { AppError } from '../app-error.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';
import { backupDirectory } from '../maintenance/store-maintenance.ts';
import { describeBackup, describeBackups, findBackup, verifyBackupFile } from './backup-files.ts';
import { outboxOverview } from './outbox-overview.ts';
import { movedAsideName, takeRestoreOutcome, writePendingRestore } from './pending-restore.ts';

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
  let restoreRequested = false;

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
      'admin.restore': ({ fileName }, { session }) => {
        const backup = findBackup(backups, fileName);
        if (backup === null) {
          throw new AppError('backup-not-found', `Không có bản sao lưu ${fileName} trên máy này.`, {
            details: { fileName },
          });
        }
        if (restoreRequested) {
          throw new AppError('restore-failed', 'Một lần khôi phục đang chờ khởi động lại.', {
            details: { fileName },
          });
        }
        verifyBackupFile(backup, dataDirectory);
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
        restoreRequested = true;
        // Taken now, carried out once this answer has left (the host closes this backend first).
        parts.requestRestart('restore');
        return {
          restoredFrom: fileName,
          movedAsideTo: movedAsideName(path.basename(store.path), requestedAt),
          restoredAt: requestedAt.toISOString(),
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
 * The restore applied at this start (pending-restore.ts) enters the audit trail of the database it
 * installed; a restore that could not be applied is recorded too, in the database that stayed.
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
        ? { requestedAt: outcome.requestedAt, movedAsideTo: outcome.movedAsideTo }
        : { requestedAt: outcome.requestedAt, code: outcome.code, message: outcome.message },
    }),
  );
}
