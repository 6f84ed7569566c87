import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { ApiClient } from '../api/api-client.ts';
import type { Settings } from '../../preload/contract/settings-schema.ts';
import { setupI18n } from '../i18n/setup-i18n.ts';
import { ApiContext } from './api-context.ts';
import { StatusBar } from './StatusBar.tsx';
import { useBackendHealth } from './use-backend-health.ts';
import { useSyncStatus } from './use-sync-status.ts';
import { ConflictList } from '../screens/counter/ConflictList.tsx';
import { CounterScreen } from '../screens/counter/CounterScreen.tsx';
import { KioskScreen } from '../screens/kiosk/KioskScreen.tsx';

type Startup =
  | { state: 'loading' }
  | { state: 'ready'; settings: Settings; i18n: I18n }
  | { state: 'failed'; i18n: I18n; reason: 'no-token' | 'backend'; message?: string };

export function App({ api }: { api: ApiClient | null }) {
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!api) {
        const i18n = await setupI18n('vi');
        if (!cancelled) setStartup({ state: 'failed', i18n, reason: 'no-token' });
        return;
      }
      const settings = await api.call('settings.get', {});
      const i18n = await setupI18n(settings.ok ? settings.value.language : 'vi');
      if (cancelled) return;
      setStartup(
        settings.ok
          ? { state: 'ready', settings: settings.value, i18n }
          : { state: 'failed', i18n, reason: 'backend', message: settings.error.message },
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (startup.state === 'loading') return <div className="startup">…</div>;
  return (
    <I18nextProvider i18n={startup.i18n}>
      {startup.state === 'failed' || !api ? (
        <StartupFailure
          reason={startup.state === 'failed' ? startup.reason : 'no-token'}
          message={startup.state === 'failed' ? startup.message : undefined}
        />
      ) : (
        <ApiContext.Provider value={api}>
          <Shell settings={startup.settings} />
        </ApiContext.Provider>
      )}
    </I18nextProvider>
  );
}

function Shell({ settings }: { settings: Settings }) {
  const health = useBackendHealth();
  const { status: sync, syncNow } = useSyncStatus();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.title');
    document.documentElement.lang = settings.language;
  }, [t, settings.language]);
  return (
    <div className={`shell shell-${settings.mode}`}>
      <main className="screen">
        {settings.mode === 'kiosk' ? (
          <KioskScreen />
        ) : (
          <>
            <ConflictList openConflicts={sync?.openConflicts ?? 0} />
            <CounterScreen settings={settings} />
          </>
        )}
      </main>
      <StatusBar health={health} sync={sync} onSyncNow={syncNow} />
    </div>
  );
}

function StartupFailure({
  reason,
  message,
}: {
  reason: 'no-token' | 'backend';
  message: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="startup startup-failed" role="alert" data-testid="startup-failure">
      {reason === 'no-token' ? t('app.startupNoToken') : t('app.startupFailed', { message: message ?? '' })}
    </div>
  );
}
