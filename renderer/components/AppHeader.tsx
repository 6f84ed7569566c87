import { useTranslation } from 'react-i18next';
import { useDisplaySettings } from '../app/display-settings-context.tsx';
import { useRouter } from '../app/router-context.tsx';
import { navigationRoutes, routeAllowed, type PlainRouteName } from '../app/routes.ts';
import { useSession } from '../app/session-context.tsx';
import { usePrintQueueSummary } from '../print/use-print-queue-summary.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The `data-action` of each navigation link (docs/data-hooks.md). */
const navigationActions: Record<PlainRouteName, string> = {
  'counter-home': 'home',
  'scanner-test': 'scanner-test',
  'print-queue': 'print-queue',
  admin: 'admin',
  reports: 'reports',
  'kiosk-attract': 'start-over',
};

/** Who is signed in, where they can go, the language, and the lock and sign-out buttons. */
export function AppHeader() {
  const { t } = useTranslation();
  const { settings } = useDisplaySettings();
  const { session, lock, signOut } = useSession();
  const { route, caller, navigate } = useRouter();
  const working = Boolean(session && !session.locked && session.pinSet);
  const queue = usePrintQueueSummary(working && routeAllowed('print-queue', caller));
  return (
    <header className="app-header">
      <span className="app-title">{t('app.title')}</span>
      {working && (
        <nav className="app-nav" aria-label={t('nav.label')}>
          {navigationRoutes
            .filter((name) => routeAllowed(name, caller))
            .map((name) => (
              <button
                key={name}
                type="button"
                data-action={navigationActions[name]}
                aria-current={route.name === name ? 'page' : undefined}
                onClick={() => navigate({ name })}
              >
                {t(`nav.${name}`)}
                {name === 'print-queue' && queue !== null && queue.failed > 0 && (
                  <span className="badge badge-alert" data-testid="print-failed-count">
                    {t('print.failedBadge', { count: queue.failed })}
                  </span>
                )}
              </button>
            ))}
        </nav>
      )}
      <span className="app-header-spacer" />
      <LanguageSwitch compact={settings.mode === 'counter' && session !== null && session !== undefined} />
      {settings.mode === 'counter' && session && (
        <span className="app-user" data-testid="signed-in-user">
          <span>
            {session.fullName} <span className="app-role">({t(`role.${session.role}`)})</span>
          </span>
          {working && (
            <button type="button" data-action="lock" onClick={() => void lock()}>
              {t('session.lockNow')}
            </button>
          )}
          <button type="button" data-action="sign-out" onClick={() => void signOut()}>
            {t('session.signOut')}
          </button>
        </span>
      )}
    </header>
  );
}
