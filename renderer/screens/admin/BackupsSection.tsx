import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { OperationResult } from '../../../preload/contract/operations.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, formatIsoDate } from '../../format/format-date.ts';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

type Backup = OperationResult<'admin.backups'>[number];
type Restore =
  | { state: 'idle' }
  /** `pending`: events still waiting in the outbox (null until known); the backend refuses while > 0. */
  | { state: 'confirming'; backup: Backup; pending: number | null }
  | { state: 'restoring'; backup: Backup; pending: number | null }
  | { state: 'restarting'; answer: OperationResult<'admin.restore'> }
  | { state: 'failed'; error: ApiError };

/** How long the "restarting" message shows before the page reloads into the start-up screen. */
const restartNoticeMs = 1500;

/**
 * The daily backups (one per office day, the last 7 kept) and "back up now", which writes today's
 * file again. Restoring one says first what will happen: changes not yet sent must be synced first
 * (the backend refuses while the outbox holds any, and the dialog says how many wait), the current
 * data is moved aside (kept, not deleted), the audit trail is kept whole, the app restarts on the
 * backup and everyone signs in again.
 */
export function BackupsSection({ onRestarting }: { onRestarting: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const backup = useSaveState();
  const [restore, setRestore] = useState<Restore>({ state: 'idle' });

  const load = useCallback(
    () =>
      api.call('admin.backups', {}).then((result) => {
        if (result.ok) setBackups(result.value);
        else setLoadError(result.error);
      }),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (restore.state !== 'restarting') return;
    const timer = setTimeout(onRestarting, restartNoticeMs);
    return () => clearTimeout(timer);
  }, [restore.state, onRestarting]);

  const backUpNow = async () => {
    const made = await backup.run(() => api.call('admin.backupNow', {}));
    if (made) void load();
  };
  const askToRestore = (chosen: Backup) => {
    setRestore({ state: 'confirming', backup: chosen, pending: null });
    void api.call('admin.outbox', { state: 'pending', limit: 1 }).then((outbox) => {
      if (!outbox.ok) return;
      setRestore((current) =>
        current.state === 'confirming' && current.backup.fileName === chosen.fileName
          ? { ...current, pending: outbox.value.counts.pending }
          : current,
      );
    });
  };
  const confirmRestore = async (chosen: Backup, pending: number | null) => {
    setRestore({ state: 'restoring', backup: chosen, pending });
    const answer = await api.call('admin.restore', { fileName: chosen.fileName });
    setRestore(
      answer.ok ? { state: 'restarting', answer: answer.value } : { state: 'failed', error: answer.error },
    );
  };
  const size = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  return (
    <AdminSectionFrame section="backups" hint={t('admin.backups.hint')}>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          data-action="backup-now"
          disabled={backup.saveState.state === 'saving' || restore.state === 'restarting'}
          onClick={() => void backUpNow()}
        >
          {t('admin.backups.now')}
        </button>
      </div>
      <SaveFeedback
        saveState={backup.saveState}
        testId="backup-saved"
        savedText={t('admin.backups.made', {
          time: backup.saveState.state === 'saved' ? formatDateTime(backup.saveState.at) : '',
        })}
      />
      {loadError && <ErrorMessage error={loadError} />}
      {backups?.length === 0 && <p className="hint">{t('admin.backups.none')}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table admin-backups" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">{t('admin.backups.day')}</th>
              <th scope="col">{t('admin.backups.takenAt')}</th>
              <th scope="col">{t('admin.backups.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((each) => (
              <tr key={each.fileName} data-backup={each.fileName}>
                <td>{formatIsoDate(each.day)}</td>
                <td>{formatDateTime(each.modifiedAt)}</td>
                <td>{t('admin.backups.megabytes', { size: size.format(each.bytes / 1024 / 1024) })}</td>
                <td>
                  <button
                    type="button"
                    className="button-secondary"
                    data-action="restore"
                    aria-label={t('admin.backups.restoreOf', { day: formatIsoDate(each.day) })}
                    disabled={restore.state === 'restoring' || restore.state === 'restarting'}
                    onClick={() => askToRestore(each)}
                  >
                    {t('admin.backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RestoreStep
        restore={restore}
        onConfirm={(chosen, pending) => void confirmRestore(chosen, pending)}
        onCancel={() => setRestore({ state: 'idle' })}
      />
    </AdminSectionFrame>
  );
}

function RestoreStep({
  restore,
  onConfirm,
  onCancel,
}: {
  restore: Restore;
  onConfirm: (backup: Backup, pending: number | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  switch (restore.state) {
    case 'idle':
      return null;
    case 'failed':
      return <ErrorMessage error={restore.error} testId="restore-error" />;
    case 'restarting':
      return (
        <p role="status" className="ok-message" data-testid="restore-restarting">
          {t('admin.backups.restarting', {
            file: restore.answer.restoredFrom,
            aside: restore.answer.movedAsideTo,
          })}
        </p>
      );
    case 'confirming':
    case 'restoring':
      return (
        <div className="admin-confirm" role="alertdialog" aria-labelledby="restore-confirm-title">
          <h3 id="restore-confirm-title">
            {t('admin.backups.confirmTitle', { day: formatIsoDate(restore.backup.day) })}
          </h3>
          {restore.pending !== null && restore.pending > 0 && (
            <p role="alert" className="warning-message" data-testid="restore-pending">
              {t('admin.backups.pendingWarning', { count: restore.pending })}
            </p>
          )}
          <ul>
            <li>{t('admin.backups.confirmSyncFirst')}</li>
            <li>{t('admin.backups.confirmAside')}</li>
            <li>{t('admin.backups.confirmLost', { time: formatDateTime(restore.backup.modifiedAt) })}</li>
            <li>{t('admin.backups.confirmAudit')}</li>
            <li>{t('admin.backups.confirmRestart')}</li>
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button-reject"
              data-action="confirm-restore"
              disabled={restore.state === 'restoring'}
              onClick={() => onConfirm(restore.backup, restore.pending)}
            >
              {t('admin.backups.confirm')}
            </button>
            <button
              type="button"
              className="button-secondary"
              data-action="cancel-restore"
              disabled={restore.state === 'restoring'}
              onClick={onCancel}
            >
              {t('admin.backups.cancel')}
            </button>
          </div>
        </div>
      );
  }
}
