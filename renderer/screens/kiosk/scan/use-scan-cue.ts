import { useCallback } from 'react';
import { useDisplaySettings } from '../../../app/display-settings-context.tsx';
import { playScanTone, type ScanTone } from '../../../sound/scan-tones.ts';

/** The chime for a card taken, the buzz for a scan to repeat (unless the sound cues are off). */
export function useScanCue(): (tone: ScanTone) => void {
  const { settings } = useDisplaySettings();
  const enabled = settings.scanner.soundCues;
  return useCallback(
    (tone: ScanTone) => {
      if (enabled) playScanTone(tone);
    },
    [enabled],
  );
}
