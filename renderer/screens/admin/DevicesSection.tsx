import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import { PrinterSettingsForm } from '../print/PrinterSettingsForm.tsx';
import { formatUsbIds, parseUsbIds } from '../scanner/usb-ids.ts';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveFeedback } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

type Scanner = Settings['scanner'];

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

const timingFields = ['wedgeMaxKeyIntervalMs', 'wedgeMinLength', 'wedgeIdleEndMs'] as const;
const timingLimits: Record<(typeof timingFields)[number], { min: number; max: number }> = {
  wedgeMaxKeyIntervalMs: { min: 5, max: 200 },
  wedgeMinLength: { min: 4, max: 200 },
  wedgeIdleEndMs: { min: 30, max: 2000 },
};

function ScannerForm({ initial, onSaved }: { initial: Scanner; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const { saveState, run } = useSaveState();
  const [draft, setDraft] = useState(initial);
  const [ids, setIds] = useState(formatUsbIds(initial.hidPosDevices));
  const cameras = useCameras();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hidPosDevices = parseUsbIds(ids);
    if (hidPosDevices === null) return; // said next to the field
    const saved = await run(() =>
      api.call('settings.set', {
        patch: {
          scanner: {
            hidPosEnabled: draft.hidPosEnabled,
            hidPosDevices,
            hidPosLayout: draft.hidPosLayout,
            wedgeMaxKeyIntervalMs: draft.wedgeMaxKeyIntervalMs,
            wedgeMinLength: draft.wedgeMinLength,
            wedgeIdleEndMs: draft.wedgeIdleEndMs,
            cameraDeviceId: draft.cameraDeviceId,
            soundCues: draft.soundCues,
          },
        },
      }),
    );
    if (saved) onSaved(saved);
  };

  const badIds = parseUsbIds(ids) === null;
  return (
    <form className="admin-form" data-testid="admin-scanners" onSubmit={(event) => void submit(event)}>
      <h3>{t('admin.devices.scannersTitle')}</h3>
      <p className="hint">{t('admin.devices.scannersHint')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          name="hidPosEnabled"
          checked={draft.hidPosEnabled}
          onChange={(event) => setDraft({ ...draft, hidPosEnabled: event.target.checked })}
        />
        {t('scanner.hidPosEnabled')}
      </label>
      <div className="admin-fields">
        <label>
          {t('scanner.hidPosLayout')}
          <select
            name="hidPosLayout"
            value={draft.hidPosLayout}
            onChange={(event) =>
              setDraft({ ...draft, hidPosLayout: event.target.value as Scanner['hidPosLayout'] })
            }
          >
            {(['auto', 'honeywell', 'zebra', 'plain'] as const).map((layout) => (
              <option key={layout} value={layout}>
                {t(`scanner.layout.${layout}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field-wide">
          {t('scanner.hidPosDevices')}
          <input
            name="hidPosDevices"
            placeholder="0c2e:0b61"
            aria-invalid={badIds}
            value={ids}
            onChange={(event) => setIds(event.target.value)}
          />
        </label>
        {timingFields.map((name) => (
          <label key={name}>
            {t(`scanner.${name}`)}
            <input
              name={name}
              type="number"
              required
              {...timingLimits[name]}
              value={String(draft[name])}
              onChange={(event) => setDraft({ ...draft, [name]: Number(event.target.value) })}
            />
          </label>
        ))}
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
      </div>
      {badIds && (
        <p className="error-message" role="alert" data-code="bad-usb-ids">
          {t('scanner.badIds')}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          name="soundCues"
          checked={draft.soundCues}
          onChange={(event) => setDraft({ ...draft, soundCues: event.target.checked })}
        />
        {t('verify.soundCues')}
      </label>
      <SaveFeedback saveState={saveState} testId="scanners-saved" />
      <div className="button-row">
        <button
          type="submit"
          className="button-primary"
          data-action="save-scanners"
          disabled={saveState.state === 'saving'}
        >
          {t('admin.save')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-action="open-scanner-test"
          onClick={() => navigate({ name: 'scanner-test' })}
        >
          {t('admin.devices.scannerTest')}
        </button>
      </div>
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
