import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { adminSections } from './AdminSectionFrame.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { DevicesSection } from './DevicesSection.tsx';
import { EndOfDayExportSection } from './EndOfDayExportSection.tsx';
import { RejectionReasonsSection } from './RejectionReasonsSection.tsx';
import { RetentionSection } from './RetentionSection.tsx';
import { SecuritySection } from './SecuritySection.tsx';
import { SyncHealthSection } from './SyncHealthSection.tsx';
import { ThisPcSection } from './ThisPcSection.tsx';

/**
 * The administration of this PC, for the office's IT person: one page of sections, each saving on
 * its own and saying so in place. Settings of config.json (settings.set) apply without a restart:
 * every page gets `settings.changed`. The database's settings (rejection reasons, retention),
 * backups and the outbox are the admin area's. A restore restarts the app: `onRestarting` reloads
 * the page, which then shows the start-up screen until the backend is back.
 */
export function AdminScreen({ onRestarting = reloadPage }: { onRestarting?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      api.call('settings.get', {}).then((result) => {
        if (result.ok) setSettings(result.value);
        else setLoadError(result.error);
      }),
    [api],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <div className="admin admin-layout" data-screen="admin">
      <nav className="admin-toc" aria-label={t('admin.toc.label')}>
        <h1>{t('admin.title')}</h1>
        <ol>
          {adminSections.map((section) => (
            <li key={section}>
              <a href={`#admin-${section}`}>{t(`admin.toc.${section}`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="admin-sections">
        {loadError && <ErrorMessage error={loadError} />}
        {settings === null && loadError === null && <p aria-busy="true">{t('admin.loading')}</p>}
        {settings && (
          <>
            <ThisPcSection settings={settings} onSaved={setSettings} onEnrolled={() => void reload()} />
            <DevicesSection settings={settings} onSaved={setSettings} />
            <SecuritySection settings={settings} onSaved={setSettings} />
            <RejectionReasonsSection />
            <RetentionSection />
            <EndOfDayExportSection settings={settings} onSaved={setSettings} />
            <BackupsSection onRestarting={onRestarting} />
            <SyncHealthSection />
          </>
        )}
      </div>
    </div>
  );
}

function reloadPage(): void {
  window.location.reload();
}
