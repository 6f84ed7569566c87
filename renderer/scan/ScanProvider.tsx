import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { ScanEvent } from '../../preload/contract/areas/scan.ts';
import { useApi } from '../app/api-context.ts';
import { useDisplaySettings } from '../app/display-settings-context.tsx';
import { attachWedgeCapture } from './wedge-capture.ts';
import { WedgeSink } from './WedgeSink.tsx';

// The page's side of the one scan pipeline: keyboard-wedge bursts are caught for the whole page and
// submitted to the backend (like webcam reads, CameraScanner.tsx); every scan, from any source,
// comes back from the backend as a `scan` event, parsed and deduplicated, and goes to the screen
// that is showing (useScans). Mounted only where the caller may read cards (a signed-in, unlocked
// counter, or a kiosk), so a locked screen captures nothing.

type ScanListener = (scan: ScanEvent) => void;

const ScanContext = createContext<((listener: ScanListener) => () => void) | null>(null);

export function ScanProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { settings } = useDisplaySettings();
  const { wedgeMaxKeyIntervalMs, wedgeMinLength, wedgeIdleEndMs } = settings.scanner;

  useEffect(
    () =>
      attachWedgeCapture(window, {
        maxKeyIntervalMs: wedgeMaxKeyIntervalMs,
        minLength: wedgeMinLength,
        idleEndMs: wedgeIdleEndMs,
        onScan: (text) => void api.call('scan.submit', { source: 'keyboard-wedge', device: null, text }),
      }),
    [api, wedgeMaxKeyIntervalMs, wedgeMinLength, wedgeIdleEndMs],
  );

  const subscribe = useCallback(
    (listener: ScanListener) =>
      api.onEvent((event) => {
        if (event.name === 'scan') listener(event.payload);
      }),
    [api],
  );

  return (
    <ScanContext.Provider value={subscribe}>
      <WedgeSink />
      {children}
    </ScanContext.Provider>
  );
}

/** Calls `onScan` for every scan that arrives while the calling screen is shown. */
export function useScans(onScan: ScanListener): void {
  const subscribe = useContext(ScanContext);
  if (!subscribe) throw new Error('useScans outside <ScanProvider>');
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  useEffect(() => subscribe((scan) => handler.current(scan)), [subscribe]);
}
