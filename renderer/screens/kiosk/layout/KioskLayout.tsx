import { useApi } from '../../../app/api-context.ts';
import { useCallback, type ReactNode } from 'react';
import { useRouter } from '../../../app/router-context.tsx';
import { useScans } from '../../../scan/ScanProvider.tsx';
import { KioskAttractScreen } from '../attract/KioskAttractScreen.tsx';
import { useKioskVisit } from '../visit/kiosk-visit-context.tsx';
import { useIdleCountdown } from '../visit/use-idle-countdown.ts';
import { IdleWarning } from './IdleWarning.tsx';

/**
 * The kiosk's screens inside a visit, with the idle timer; the attract screen has none. A visit
 * screen without a visit (the backend was restarted, a wipe raced a late answer) shows the attract
 * screen instead of an empty form.
 */
export function KioskLayout({ children }: { children: ReactNode }) {
  const { route } = useRouter();
  const { visit, language } = useKioskVisit();
  if (route.name === 'kiosk-attract' || !visit) {
    return (
      <div className="kiosk" lang={language}>
        <KioskAttractScreen />
      </div>
    );
  }
  return (
    <div className="kiosk" lang={language}>
      <IdleGuard
        key={visit.visitId}
        timeoutSeconds={visit.idleTimeoutSeconds}
        warningSeconds={visit.idleWarningSeconds}
      >
        {children}
      </IdleGuard>
    </div>
  );
}

function IdleGuard({
  timeoutSeconds,
  warningSeconds,
  children,
}: {
  timeoutSeconds: number;
  warningSeconds: number;
  children: ReactNode;
}) {
  const { startOver } = useKioskVisit();
  const api = useApi();
  const reportActivity = useCallback(() => void api.call('kiosk.activity', {}), [api]);
  const { secondsLeft, keepAlive } = useIdleCountdown({
    timeoutSeconds,
    warningSeconds,
    onTimeout: startOver,
    onActivity: reportActivity,
  });
  // A card held to the scanner is someone at the kiosk, even without a touch.
  useScans(useCallback(() => keepAlive(), [keepAlive]));
  return (
    <>
      {children}
      {secondsLeft !== null && <IdleWarning secondsLeft={secondsLeft} onContinue={keepAlive} />}
    </>
  );
}
