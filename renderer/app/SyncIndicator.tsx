import { useTranslation } from 'react-i18next';
import type { SyncStatusWire } from '../../preload/contract/areas/sync.ts';
import { formatDateTime } from '../format/format-date.ts';

/** The link to the central service in words: what happened, what waits, what to do. */
export function SyncIndicator({
  status,
  onSyncNow,
}: {
  status: SyncStatusWire | null;
  /** null where this page may not start a round (a kiosk). */
  onSyncNow: (() => void) | null;
}) {
  const { t } = useTranslation();
  if (!status) return null;
  const lastSuccess = status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : null;
  const label =
    status.state === 'syncing'
      ? status.pulledInRound > 0
        ? t('sync.syncingProgress', { count: status.pulledInRound })
        : t('sync.syncing')
      : status.state === 'online'
        ? t('sync.online', { time: lastSuccess ?? '' })
        : status.state === 'offline'
          ? t('sync.offline')
          : status.state === 'needs-attention'
            ? t('sync.needsAttention')
            : t('sync.notStarted');
  return (
    <span
      className={`sync-indicator sync-${status.state}`}
      data-testid="sync-indicator"
      data-state={status.state}
    >
      <span data-testid="sync-state">{label}</span>
      {status.backlog > 0 && (
        <span className="sync-backlog" data-testid="sync-backlog">
          {t('sync.backlog', { count: status.backlog })}
        </span>
      )}
      {status.openConflicts > 0 && (
        <span className="sync-conflicts" data-testid="sync-conflicts">
          {t('sync.conflicts', { count: status.openConflicts })}
        </span>
      )}
      {status.clockWarning && (
        <span className="sync-clock" data-testid="sync-clock-warning">
          {t('sync.clockWarning')}
        </span>
      )}
      {status.error && status.state !== 'online' && (
        <span className="sync-error" data-testid="sync-error" data-kind={status.error.kind}>
          {t(`sync.error.${status.error.kind}`)}
          {lastSuccess && ` ${t('sync.lastSuccess', { time: lastSuccess })}`}
        </span>
      )}
      {onSyncNow && (
        <button
          type="button"
          className="sync-now"
          data-testid="sync-now"
          data-action="sync-now"
          onClick={onSyncNow}
          disabled={status.state === 'syncing'}
        >
          {t('sync.syncNow')}
        </button>
      )}
    </span>
  );
}
