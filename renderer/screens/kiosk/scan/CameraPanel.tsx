import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../app/api-context.ts';
import { useDisplaySettings } from '../../../app/display-settings-context.tsx';
import { CameraScanner } from '../../../scan/CameraScanner.tsx';
import { useScans } from '../../../scan/ScanProvider.tsx';

// The webcam, mirrored like a mirror so the citizen's hand moves the way they expect, with the
// frame to hold the card in. The reader itself says only "looking" or "read"; a citizen who has
// been holding the card up for a while without a read gets the usual causes, one at a time:
// too far, glare from the ceiling lights, and where else to scan.

const tips = ['closer', 'glare', 'flat', 'scanner'] as const;
const tipEveryMs = 6000;

export function CameraPanel() {
  const api = useApi();
  const { settings } = useDisplaySettings();
  // A read starts the tips again from the beginning.
  const [reads, setReads] = useState(0);
  useScans(useCallback(() => setReads((count) => count + 1), []));
  return (
    <div className="kiosk-camera" data-testid="kiosk-camera">
      <CameraScanner
        mirrored
        deviceId={settings.scanner.cameraDeviceId}
        onText={(text, device) =>
          void api.call('scan.submit', { source: 'camera', device: device?.slice(0, 200) ?? null, text })
        }
      />
      <CameraTips key={reads} />
    </div>
  );
}

function CameraTips() {
  const { t } = useTranslation();
  const [tip, setTip] = useState<number | null>(null);
  useEffect(() => {
    const timer = setInterval(
      () => setTip((current) => (current === null ? 0 : (current + 1) % tips.length)),
      tipEveryMs,
    );
    return () => clearInterval(timer);
  }, []);
  const key = tip === null ? 'hold' : tips[tip];
  return (
    <p className="kiosk-camera-tip" aria-live="polite" data-testid="camera-tip" data-tip={key}>
      {t(`kiosk.camera.${key}`)}
    </p>
  );
}
