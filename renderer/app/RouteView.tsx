import { AdminScreen } from '../screens/admin/AdminScreen.tsx';
import { CounterHomeScreen } from '../screens/counter/CounterHomeScreen.tsx';
import { VerificationScreen } from '../screens/counter/VerificationScreen.tsx';
import { KioskAttractScreen } from '../screens/kiosk/KioskAttractScreen.tsx';
import { PrintQueueScreen } from '../screens/print/PrintQueueScreen.tsx';
import { ScannerTestScreen } from '../screens/scanner/ScannerTestScreen.tsx';
import { ScanSounds } from '../sound/ScanSounds.tsx';
import { useRouter } from './router-context.tsx';

/** The screen of the current route (only ever a route the caller may use: router-context.tsx). */
export function RouteView() {
  const { caller } = useRouter();
  // The counter's scan cues, on every counter screen (a kiosk's screens speak for themselves).
  return (
    <>
      {caller.mode === 'counter' && <ScanSounds />}
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
    case 'scanner-test':
      return <ScannerTestScreen />;
    case 'print-queue':
      return <PrintQueueScreen />;
    case 'kiosk-attract':
      return <KioskAttractScreen />;
  }
}
