import { useCallback } from 'react';
import type { ScanEvent } from '../../preload/contract/areas/scan.ts';
import { useDisplaySettings } from '../app/display-settings-context.tsx';
import { useScans } from '../scan/ScanProvider.tsx';
import { scanToneFor } from './scan-tone-for.ts';
import { playScanTone } from './scan-tones.ts';

/**
 * Plays a cue on every scan the counter receives, whatever screen shows it (mounted once, by
 * RouteView, for the counter's routes). The administrator can turn it off (`scanner.soundCues`).
 */
export function ScanSounds() {
  const { settings } = useDisplaySettings();
  const enabled = settings.scanner.soundCues;
  useScans(
    useCallback(
      (scan: ScanEvent) => {
        if (enabled) playScanTone(scanToneFor(scan));
      },
      [enabled],
    ),
  );
  return null;
}
