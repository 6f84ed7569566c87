import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent, ScannerStatus } from '../../../preload/contract/areas/scan.ts';
import { useApi } from '../../app/api-context.ts';
import { useDisplaySettings } from '../../app/display-settings-context.tsx';
import { useSession } from '../../app/session-context.tsx';
import { formatDateTime } from '../../format/format-date.ts';
import { CameraScanner } from '../../scan/CameraScanner.tsx';
import { ScanDamage } from '../../scan/ScanDamage.tsx';
import { useScans } from '../../scan/ScanProvider.tsx';
import { CardDetails } from '../counter/CardDetails.tsx';
import { ScannerSettingsForm } from './ScannerSettingsForm.tsx';

const keptScans = 5;

/**
 * The scanner test page: which scanners this PC sees, and for each scan what exactly arrived — the
 * source, the raw bytes (HID-POS) or the characters' code points (keyboard), the decoded text, the
 * damage found and the parse. Officers use it to check a scanner; administrators also change the
 * scanner settings here.
 */
export function ScannerTestScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { settings } = useDisplaySettings();
  const { session } = useSession();
  const [status, setStatus] = useState<ScannerStatus | null>(null);
  const [scans, setScans] = useState<ScanEvent[]>([]);
  const [camera, setCamera] = useState(false);

  useEffect(() => {
    void api.call('scan.status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
    });
    return api.onEvent((event) => {
      if (event.name === 'scan.status') setStatus(event.payload);
    });
  }, [api]);

  useScans(useCallback((scan: ScanEvent) => setScans((shown) => [scan, ...shown].slice(0, keptScans)), []));

  const submitCameraText = useCallback(
    (text: string, device: string | null) => void api.call('scan.submit', { source: 'camera', device, text }),
    [api],
  );

  return (
    <section className="scanner-test" data-screen="scanner-test">
      <h1>{t('scanner.title')}</h1>
      <p className="hint">{t('scanner.hint')}</p>
      {status && <ScannerDevices status={status} />}
      <div className="scanner-camera">
        <button
          type="button"
          className="button-secondary"
          data-action={camera ? 'camera-stop' : 'camera-start'}
          onClick={() => setCamera(!camera)}
        >
          {camera ? t('scanner.cameraStop') : t('scanner.cameraStart')}
        </button>
        {camera && (
          <CameraScanner
            mirrored={false}
            deviceId={settings.scanner.cameraDeviceId}
            onText={submitCameraText}
            showRate
          />
        )}
      </div>
      {scans.length === 0 ? (
        <p className="lookup-none" role="status">
          {t('scanner.waiting')}
        </p>
      ) : (
        <ol className="scanner-scans" data-testid="scanner-scans">
          {scans.map((scan) => (
            <li key={scan.scanId}>
              <ScanReport scan={scan} />
            </li>
          ))}
        </ol>
      )}
      {session?.role === 'admin' && <ScannerSettingsForm />}
    </section>
  );
}

function ScannerDevices({ status }: { status: ScannerStatus }) {
  const { t } = useTranslation();
  const hid = status.hidPos;
  return (
    <div className="scanner-devices" data-testid="scanner-devices">
      <h2>{t('scanner.devicesTitle')}</h2>
      {!hid.enabled ? (
        <p>{t('scanner.hidOff')}</p>
      ) : !hid.available ? (
        <p className="error-message" data-code={hid.code ?? 'hid-unavailable'}>
          {t(`scannerCode.${hid.code ?? 'hid-unavailable'}`, {
            defaultValue: t('scannerCode.hid-unavailable'),
          })}
        </p>
      ) : hid.devices.length === 0 ? (
        <p>{t('scanner.noHidDevice')}</p>
      ) : (
        <ul>
          {hid.devices.map((device) => (
            <li key={device.id} data-state={device.state}>
              <strong>{device.name}</strong> ({hex4(device.vendorId)}:{hex4(device.productId)}) —{' '}
              {t(`scanner.state.${device.state}`)}
              {device.code && ` · ${t(`scannerCode.${device.code}`, { defaultValue: device.code })}`}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('scanner.wedgeAlways')}</p>
    </div>
  );
}

function ScanReport({ scan }: { scan: ScanEvent }) {
  const { t } = useTranslation();
  return (
    <article className="scan-report" data-source={scan.source}>
      <header>
        <strong>{t(`scanSource.${scan.source}`)}</strong>
        {scan.device && ` · ${scan.device}`} · {formatDateTime(scan.receivedAt)}
        {scan.symbology && ` · ${scan.symbology}`}
      </header>
      <dl className="field-list">
        <div className="field-row">
          <dt>{t('scanner.rawText')}</dt>
          <dd data-testid="scan-raw" className="scan-raw">
            {scan.raw}
          </dd>
        </div>
        <div className="field-row">
          <dt>{scan.bytesHex ? t('scanner.bytes') : t('scanner.codePoints')}</dt>
          <dd className="scan-bytes">{scan.bytesHex ? groupHex(scan.bytesHex) : codePoints(scan.raw)}</dd>
        </div>
      </dl>
      {scan.damage && <ScanDamage damage={scan.damage} />}
      {scan.result.ok ? (
        <CardDetails card={scan.result} />
      ) : (
        <p className="error-message" data-code={scan.result.error.code}>
          {t(`cardError.${scan.result.error.code}`)}
        </p>
      )}
    </article>
  );
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

function groupHex(hex: string): string {
  return (hex.match(/.{1,2}/g) ?? []).join(' ');
}

/** U+XXXX of each character: shows at once a `?` where a letter was, or a decomposed accent. */
function codePoints(text: string): string {
  return [...text]
    .map((character) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}
