import { useTranslation } from 'react-i18next';
import { accessRefusal } from '../../preload/contract/access.ts';
import { operations } from '../../preload/contract/operations.ts';
import { useDisplaySettings } from './display-settings-context.tsx';
import { useRouter } from './router-context.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';
import { useBackendHealth } from './use-backend-health.ts';
import { useSyncStatus } from './use-sync-status.ts';

/**
 * Mode, office, counter and training mode (live from the settings), the local service (its health)
 * and the link to the central service, in words.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const health = useBackendHealth();
  const { status: sync, syncNow } = useSyncStatus();
  const { caller } = useRouter();
  const { settings } = useDisplaySettings();
  const value = health.state === 'ok' ? health.health : null;
  const maySyncNow = accessRefusal(operations['sync.now'].access, caller) === null;
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      {settings.trainingMode && (
        <span className="status-training" data-testid="status-training">
          {t('status.trainingMode')}
        </span>
      )}
      <span data-testid="status-mode">
        {settings.mode === 'kiosk' ? t('status.modeKiosk') : t('status.modeCounter')}
      </span>
      <span data-testid="status-office">{t('status.office', { code: settings.officeCode })}</span>
      <span data-testid="status-counter">{t('status.counter', { id: settings.counterId })}</span>
      <span className={`status-backend status-backend-${health.state}`} data-testid="status-backend">
        {health.state === 'ok'
          ? t('status.backendOk')
          : health.state === 'down'
            ? t('status.backendDown')
            : t('status.backendChecking')}
      </span>
      {health.state === 'ok' && <SyncIndicator status={sync} onSyncNow={maySyncNow ? syncNow : null} />}
      {value && <span className="status-version">{t('status.version', { version: value.version })}</span>}
    </footer>
  );
}
