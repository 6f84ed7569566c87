import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { parseUsbIds } from './usb-ids.ts';

// The scanner settings' fields, shared by the scanner test page (for administrators) and the
// administration screen, so both edit the same fields the same way. Each form keeps its own
// heading, saving and data hooks.

export type ScannerSettings = Settings['scanner'];

/** The scanner fields a form sends with `settings.set` (the camera is chosen where it is shown). */
export type ScannerPatchFields = Omit<ScannerSettings, 'hidVendorId' | 'hidProductId' | 'cameraDeviceId'>;

const numberFields = {
  wedgeMaxKeyIntervalMs: { min: 5, max: 200 },
  wedgeMinLength: { min: 4, max: 200 },
  wedgeIdleEndMs: { min: 30, max: 2000 },
  dedupeWindowMs: { min: 0, max: 30_000 },
} as const;

/** What the fields hold, as a `settings.set` scanner patch; null while the USB ids do not parse. */
export function scannerPatch(draft: ScannerSettings, ids: string): ScannerPatchFields | null {
  const hidPosDevices = parseUsbIds(ids);
  if (hidPosDevices === null) return null;
  return {
    wedgeMaxKeyIntervalMs: draft.wedgeMaxKeyIntervalMs,
    wedgeMinLength: draft.wedgeMinLength,
    wedgeIdleEndMs: draft.wedgeIdleEndMs,
    dedupeWindowMs: draft.dedupeWindowMs,
    hidPosEnabled: draft.hidPosEnabled,
    hidPosLayout: draft.hidPosLayout,
    hidPosDevices,
    soundCues: draft.soundCues,
  };
}

export function ScannerSettingsFields({
  draft,
  ids,
  onChange,
  onIdsChange,
  fieldsClassName,
  children,
}: {
  draft: ScannerSettings;
  /** The extra HID-POS devices as typed (`0c2e:0b61, …`). */
  ids: string;
  onChange: (next: ScannerSettings) => void;
  onIdsChange: (text: string) => void;
  /** The box of the layout, ids and number fields (a grid on the administration screen). */
  fieldsClassName?: string;
  /** More fields in that box (the camera picker). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const badIds = parseUsbIds(ids) === null;
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          name="hidPosEnabled"
          checked={draft.hidPosEnabled}
          onChange={(event) => onChange({ ...draft, hidPosEnabled: event.target.checked })}
        />
        {t('scanner.hidPosEnabled')}
      </label>
      <div className={fieldsClassName}>
        <label>
          {t('scanner.hidPosLayout')}
          <select
            name="hidPosLayout"
            value={draft.hidPosLayout}
            onChange={(event) =>
              onChange({ ...draft, hidPosLayout: event.target.value as ScannerSettings['hidPosLayout'] })
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
            onChange={(event) => onIdsChange(event.target.value)}
          />
        </label>
        {(Object.keys(numberFields) as Array<keyof typeof numberFields>).map((name) => (
          <label key={name}>
            {t(`scanner.${name}`)}
            <input
              name={name}
              type="number"
              required
              {...numberFields[name]}
              value={String(draft[name])}
              onChange={(event) => onChange({ ...draft, [name]: Number(event.target.value) })}
            />
          </label>
        ))}
        {children}
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
          onChange={(event) => onChange({ ...draft, soundCues: event.target.checked })}
        />
        {t('verify.soundCues')}
      </label>
    </>
  );
}
