import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminScreen } from '../screens/admin/AdminScreen.tsx';
import { CounterHomeScreen } from '../screens/counter/CounterHomeScreen.tsx';
import { VerificationScreen } from '../screens/counter/VerificationScreen.tsx';
import { KioskAttractScreen } from '../screens/kiosk/attract/KioskAttractScreen.tsx';
import { KioskConsentScreen } from '../screens/kiosk/consent/KioskConsentScreen.tsx';
import { KioskDoneScreen } from '../screens/kiosk/done/KioskDoneScreen.tsx';
import { KioskExistingScreen } from '../screens/kiosk/existing/KioskExistingScreen.tsx';
import { KioskFormScreen } from '../screens/kiosk/form/KioskFormScreen.tsx';
import { KioskInstallScreen } from '../screens/kiosk/install/KioskInstallScreen.tsx';
import { KioskLanguageScreen } from '../screens/kiosk/language/KioskLanguageScreen.tsx';
import { KioskLayout } from '../screens/kiosk/layout/KioskLayout.tsx';
import { KioskScanScreen } from '../screens/kiosk/scan/KioskScanScreen.tsx';
import { KioskStatusScreen } from '../screens/kiosk/status/KioskStatusScreen.tsx';
import { KioskVisitProvider } from '../screens/kiosk/visit/kiosk-visit-context.tsx';
import { PrintQueueScreen } from '../screens/print/PrintQueueScreen.tsx';
import { ScannerTestScreen } from '../screens/scanner/ScannerTestScreen.tsx';
import { ScanSounds } from '../sound/ScanSounds.tsx';
import { useRouter } from './router-context.tsx';

// The reports screen brings ECharts (most of the bundle's weight): it loads when a supervisor first
// opens it, so a kiosk's or a counter's start does not parse it.
const ReportsScreen = lazy(() =>
  import('../screens/reports/ReportsScreen.tsx').then((module) => ({ default: module.ReportsScreen })),
);

function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p className="screen-loading" role="status" data-testid="screen-loading">
      {t('app.loadingScreen')}
    </p>
  );
}

/** The screen of the current route (only ever a route the caller may use: router-context.tsx). */
export function RouteView() {
  const { caller } = useRouter();
  // A kiosk's screens share the citizen's visit (kept above them, so nothing entered is lost
  // between screens) and speak for themselves, their cues included.
  if (caller.mode === 'kiosk') {
    return (
      <KioskVisitProvider>
        <KioskLayout>
          <RouteScreen />
        </KioskLayout>
      </KioskVisitProvider>
    );
  }
  // The counter's scan cues, on every counter screen.
  return (
    <>
      <ScanSounds />
      <RouteScreen />
    </>
  );
}

function RouteScreen() {
  const { route } = useRouter();
  switch (route.name) {
    case 'counter-home':
      return <CounterHomeScreen />;
    case 'verification':
      return (
        <VerificationScreen
          key={route.registrationCode}
          registrationCode={route.registrationCode}
          cards={route.cards}
          found={route.found ?? null}
        />
      );
    case 'admin':
      return <AdminScreen />;
    case 'reports':
      return (
        <Suspense fallback={<ScreenLoading />}>
          <ReportsScreen />
        </Suspense>
      );
    case 'scanner-test':
      return <ScannerTestScreen />;
    case 'print-queue':
      return <PrintQueueScreen />;
    case 'kiosk-attract':
      return <KioskAttractScreen />;
    case 'kiosk-language':
      return <KioskLanguageScreen />;
    case 'kiosk-scan':
      return <KioskScanScreen />;
    case 'kiosk-form':
      return <KioskFormScreen />;
    case 'kiosk-consent':
      return <KioskConsentScreen />;
    case 'kiosk-done':
      return <KioskDoneScreen />;
    case 'kiosk-existing':
      return <KioskExistingScreen />;
    case 'kiosk-status':
      return <KioskStatusScreen />;
    case 'kiosk-install':
      return <KioskInstallScreen />;
  }
}
