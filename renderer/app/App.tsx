import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { Caller } from '../../preload/contract/access.ts';
import type { DisplaySettings } from '../../preload/contract/areas/settings.ts';
import type { StartupStatus } from '../../preload/contract/areas/startup.ts';
import type { ApiError } from '../../preload/contract/api-result.ts';
import type { ApiClient } from '../api/api-client.ts';
import { isShippedLanguage, setupI18n } from '../i18n/setup-i18n.ts';
import { useI18nInstance } from '../i18n/use-i18n-instance.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { StartupFailureScreen } from '../screens/startup/StartupFailureScreen.tsx';
import { StartupProgressScreen } from '../screens/startup/StartupProgressScreen.tsx';
import { SetupScreen } from '../screens/setup/SetupScreen.tsx';
import { LockScreen } from '../screens/session/LockScreen.tsx';
import { SetPinScreen } from '../screens/session/SetPinScreen.tsx';
import { SignInScreen } from '../screens/session/SignInScreen.tsx';
import { ApiContext, useApi } from './api-context.ts';
import { DisplaySettingsProvider, useDisplaySettings } from './display-settings-context.tsx';
import { RouterProvider } from './router-context.tsx';
import { RouteView } from './RouteView.tsx';
import { homeRoute } from './routes.ts';
import { SessionProvider, useSession } from './session-context.tsx';
import { ScanProvider } from '../scan/ScanProvider.tsx';
import { StatusBar } from './StatusBar.tsx';

/**
 * The whole renderer, in the order a person meets it: the backend's start (progress, or a screen
 * that says what is wrong and what to do), this PC's first set-up when it was never enrolled, the
 * sign-in, the PIN, the lock screen, and then the routes of the caller's mode and role.
 */
export function App({ api }: { api: ApiClient | null }) {
  const [i18n, setI18n] = useState<I18n | null>(null);
  useEffect(() => {
    void setupI18n('vi').then(setI18n);
  }, []);
  if (!i18n) return <div className="startup" data-screen="startup" />;
  return (
    <I18nextProvider i18n={i18n}>
      {api ? (
        <ApiContext.Provider value={api}>
          <StartupGate />
        </ApiContext.Provider>
      ) : (
        <StartupFailureScreen problem={{ kind: 'no-token' }} />
      )}
    </I18nextProvider>
  );
}

type Startup =
  | { kind: 'waiting'; status: StartupStatus | null }
  | { kind: 'unreachable' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; display: DisplaySettings };

const pollMs = 200;
/**
 * While the backend says it is starting, the page asks again this soon: the question is a loopback
 * call of a few milliseconds, and a kiosk's first screen should follow the backend's readiness, not
 * a 200 ms sleep (most starts found the backend a little short of ready).
 */
const startingPollMs = 40;

function StartupGate() {
  const api = useApi();
  const i18n = useI18nInstance();
  const [startup, setStartup] = useState<Startup>({ kind: 'waiting', status: null });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let misses = 0;
    const poll = async () => {
      const answer = await api.call('startup.status', {});
      if (cancelled) return;
      if (!answer.ok) {
        misses += 1;
        if (misses >= 3) setStartup({ kind: 'unreachable' });
        timer = setTimeout(() => void poll(), Math.min(2000, pollMs * 2 ** misses));
        return;
      }
      misses = 0;
      const status = answer.value;
      if (status.state === 'failed') return setStartup({ kind: 'failed', error: status.error });
      if (status.state === 'starting') {
        setStartup({ kind: 'waiting', status });
        timer = setTimeout(() => void poll(), startingPollMs);
        return;
      }
      const display = await api.call('settings.display', {});
      if (cancelled) return;
      if (!display.ok) {
        timer = setTimeout(() => void poll(), pollMs);
        return;
      }
      if (isShippedLanguage(display.value.language)) await i18n.changeLanguage(display.value.language);
      if (!cancelled) setStartup({ kind: 'ready', display: display.value });
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, i18n]);

  switch (startup.kind) {
    case 'waiting':
      return <StartupProgressScreen status={startup.status} />;
    case 'unreachable':
      return <StartupFailureScreen problem={{ kind: 'unreachable' }} />;
    case 'failed':
      return <StartupFailureScreen problem={{ kind: 'backend', error: startup.error }} />;
    case 'ready':
      return (
        <DisplaySettingsProvider initial={startup.display}>
          <SessionProvider>
            <Shell />
          </SessionProvider>
        </DisplaySettingsProvider>
      );
  }
}

function Shell() {
  const { settings } = useDisplaySettings();
  const { session } = useSession();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const caller = useMemo<Caller>(
    () => ({
      mode: settings.mode,
      enrolled: settings.enrolled,
      session: session ? { role: session.role, locked: session.locked, pinRequired: !session.pinSet } : null,
    }),
    [settings.mode, settings.enrolled, session],
  );
  const home = homeRoute(caller);

  let content;
  if (!settings.enrolled) content = <SetupScreen />;
  else if (settings.mode === 'counter' && session === undefined) content = <div className="startup" />;
  else if (settings.mode === 'counter' && session === null) content = <SignInScreen />;
  else if (session?.locked) content = <LockScreen />;
  else if (session && !session.pinSet) content = <SetPinScreen />;
  else if (home === null) content = <p role="alert">{t('app.noScreenForRole')}</p>;
  else {
    // Scans are captured only while a screen that reads cards is shown (never on the lock screen).
    content = (
      <ScanProvider>
        <RouteView />
      </ScanProvider>
    );
  }

  return (
    <div className={`shell shell-${settings.mode}`}>
      {/* Keyed by who is calling: another officer (or a signed-out screen) starts at its own home. */}
      <RouterProvider
        key={`${session?.staffId ?? '-'}:${settings.mode}`}
        caller={caller}
        home={home ?? { name: 'counter-home' }}
      >
        {/* A kiosk's own screens carry their own header (the citizen's language, "start over"). */}
        {(settings.mode !== 'kiosk' || !settings.enrolled) && <AppHeader />}
        <main className="screen">{content}</main>
        <StatusBar />
      </RouterProvider>
    </div>
  );
}
