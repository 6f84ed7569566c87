import { useTranslation } from 'react-i18next';
import type { SyncStatusWire } from '../../preload/contract/sync-schema.ts';
import type { BackendHealth } from './use-backend-health.ts';
import { SyncIndicator } from './SyncIndicator.tsx';

export function StatusBar({
  health,
  sync,
  onSyncNow,
}: {
  health: BackendHealth;
  sync: SyncStatusWire | null;
  onSyncNow: () => void;
}) {
  const { t } = useTranslation();
  const value = health.state === 'ok' ? health.health : null;
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      {value?.trainingMode && (
        <span className="status-training" data-testid="status-training">
          {t('status.trainingMode')}
        </span>
      )}
      {value && (
        <>
          <span data-testid="status-mode">
            {value.mode === 'kiosk' ? t('status.modeKiosk') : t('status.modeCounter')}
          </span>
          <span data-testid="status-office">{t('status.office', { code: value.officeCode })}</span>
          <span data-testid="status-counter">{t('status.counter', { id: value.counterId })}</span>
        </>
      )}
      <span className={`status-backend status-backend-${health.state}`} data-testid="status-backend">
        {health.state === 'ok'
          ? t('status.backendOk')
          : health.state === 'down'
            ? t('status.backendDown')
            : t('status.backendChecking')}
      </span>
      {health.state === 'ok' && <SyncIndicator status={sync} onSyncNow={onSyncNow} />}
      {value && <span className="status-version">{t('status.version', { version: value.version })}</span>}
    </footer>
  );
}
