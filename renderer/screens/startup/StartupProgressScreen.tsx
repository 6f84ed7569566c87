import { useTranslation } from 'react-i18next';
import type { StartupStatus } from '../../../preload/contract/areas/startup.ts';

const megabyte = 1024 * 1024;

/** While the backend starts: which step, and for the database check, how far (an estimate). */
export function StartupProgressScreen({ status }: { status: StartupStatus | null }) {
  const { t } = useTranslation();
  const starting = status?.state === 'starting' ? status : null;
  const progress = starting?.progress ?? null;
  return (
    <div className="startup" data-screen="startup" aria-busy="true">
      <h1>{t('startup.title')}</h1>
      <p role="status" data-testid="startup-phase">
        {starting ? t(`startup.phase.${starting.phase}`) : t('startup.connecting')}
      </p>
      {progress && (
        <>
          <progress max={1} value={progress.fraction} aria-label={t('startup.phase.checking-store')} />
          <p className="startup-detail">
            {t('startup.checkDetail', {
              percent: Math.round(progress.fraction * 100),
              size: Math.max(1, Math.round(progress.bytes / megabyte)),
              seconds: Math.round(progress.elapsedMs / 1000),
            })}
          </p>
        </>
      )}
    </div>
  );
}
