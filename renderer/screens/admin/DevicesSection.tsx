import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import { PrinterSettingsForm } from '../print/PrinterSettingsForm.tsx';
import {
  ScannerSettingsFields,
  scannerPatch,
  type ScannerSettings,
} from '../scanner/ScannerSettingsFields.tsx';
import { formatUsbIds } from '../scanner/usb-ids.ts';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveBar } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

/** Printers (choice, paper, test page) and scanners (HID-POS, keyboard timing, camera, sounds). */
export function DevicesSection({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  return (
    <AdminSectionFrame section="devices">
      <PrinterSettingsForm initial={settings.printer} onSaved={onSaved} />
      <ScannerForm initial={settings.scanner} onSaved={onSaved} />
    </AdminSectionFrame>
  );
}

function ScannerForm({
  initial,
  onSaved,
}: {
  initial: ScannerSettings;
  onSaved: (settings: Settings) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const { saveState, run } = useSaveState();
  const [draft, setDraft] = useState(initial);
  const [ids, setIds] = useState(formatUsbIds(initial.hidPosDevices));
  const cameras = useCameras();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = scannerPatch(draft, ids);
    if (patch === null) return; // said under the field
    const saved = await run(() =>
      api.call('settings.set', {
        patch: { scanner: { ...patch, cameraDeviceId: draft.cameraDeviceId } },
      }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <form className="admin-form" data-testid="admin-scanners" onSubmit={(event) => void submit(event)}>
      <h3>{t('admin.devices.scannersTitle')}</h3>
      <p className="hint">{t('admin.devices.scannersHint')}</p>
      <ScannerSettingsFields
        draft={draft}
        ids={ids}
        onChange={setDraft}
        onIdsChange={setIds}
        fieldsClassName="admin-fields"
      >
        <label>
          {t('admin.devices.camera')}
          <select
            name="cameraDeviceId"
            value={draft.cameraDeviceId ?? ''}
            onChange={(event) =>
              setDraft({ ...draft, cameraDeviceId: event.target.value === '' ? null : event.target.value })
            }
          >
            <option value="">{t('admin.devices.firstCamera')}</option>
            {cameras.map((camera, index) => (
              <option key={camera.deviceId} value={camera.deviceId}>
                {camera.label || t('admin.devices.cameraNumber', { number: index + 1 })}
              </option>
            ))}
            {draft.cameraDeviceId !== null &&
              !cameras.some((camera) => camera.deviceId === draft.cameraDeviceId) && (
                <option value={draft.cameraDeviceId}>{t('admin.devices.cameraMissing')}</option>
              )}
          </select>
        </label>
      </ScannerSettingsFields>
      <SaveBar
        saveState={saveState}
        testId="scanners-saved"
        action="save-scanners"
        after={
          <button
            type="button"
            className="button-secondary"
            data-action="open-scanner-test"
            onClick={() => navigate({ name: 'scanner-test' })}
          >
            {t('admin.devices.scannerTest')}
          </button>
        }
      />
    </form>
  );
}

/** The webcams the browser lists (their names only once a camera permission was given). */
function useCameras(): MediaDeviceInfo[] {
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    let cancelled = false;
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!devices?.enumerateDevices) return;
    devices.enumerateDevices().then(
      (all) => {
        if (!cancelled) setCameras(all.filter((device) => device.kind === 'videoinput' && device.deviceId));
      },
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return cameras;
}
