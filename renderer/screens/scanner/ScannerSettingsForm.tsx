import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatUsbIds, parseUsbIds } from './usb-ids.ts';

type Scanner = Settings['scanner'];

/** The administrator's scanner settings: applied at once, to the wedge capture and to HID-POS. */
export function ScannerSettingsForm() {
  const { t } = useTranslation();
  const api = useApi();
  const [scanner, setScanner] = useState<Scanner | null>(null);
  const [ids, setIds] = useState('');
  const [outcome, setOutcome] = useState<
    { state: 'saved' } | { state: 'failed'; error: ApiError } | { state: 'bad-ids' } | null
  >(null);

  useEffect(() => {
    void api.call('settings.get', {}).then((result) => {
      if (!result.ok) return;
      setScanner(result.value.scanner);
      setIds(formatUsbIds(result.value.scanner.hidPosDevices));
    });
  }, [api]);

  if (!scanner) return null;
  const number = (
    name: 'wedgeMaxKeyIntervalMs' | 'wedgeMinLength' | 'wedgeIdleEndMs' | 'dedupeWindowMs',
  ) => ({
    name,
    type: 'number',
    required: true,
    value: String(scanner[name]),
    onChange: (event: { target: { value: string } }) =>
      setScanner({ ...scanner, [name]: Number(event.target.value) }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hidPosDevices = parseUsbIds(ids);
    if (hidPosDevices === null) return setOutcome({ state: 'bad-ids' });
    const result = await api.call('settings.set', {
      patch: {
        scanner: {
          wedgeMaxKeyIntervalMs: scanner.wedgeMaxKeyIntervalMs,
          wedgeMinLength: scanner.wedgeMinLength,
          wedgeIdleEndMs: scanner.wedgeIdleEndMs,
          dedupeWindowMs: scanner.dedupeWindowMs,
          hidPosEnabled: scanner.hidPosEnabled,
          hidPosLayout: scanner.hidPosLayout,
          hidPosDevices,
          soundCues: scanner.soundCues,
        },
      },
    });
    setOutcome(result.ok ? { state: 'saved' } : { state: 'failed', error: result.error });
  };

  return (
    <form className="form-card" onSubmit={(event) => void submit(event)} data-testid="scanner-settings">
      <h2>{t('scanner.settingsTitle')}</h2>
      <label>
        {t('scanner.wedgeMaxKeyIntervalMs')}
        <input min={5} max={200} {...number('wedgeMaxKeyIntervalMs')} />
      </label>
      <label>
        {t('scanner.wedgeMinLength')}
        <input min={4} max={200} {...number('wedgeMinLength')} />
      </label>
      <label>
        {t('scanner.wedgeIdleEndMs')}
        <input min={30} max={2000} {...number('wedgeIdleEndMs')} />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          name="hidPosEnabled"
          checked={scanner.hidPosEnabled}
          onChange={(event) => setScanner({ ...scanner, hidPosEnabled: event.target.checked })}
        />
        {t('scanner.hidPosEnabled')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          name="soundCues"
          checked={scanner.soundCues}
          onChange={(event) => setScanner({ ...scanner, soundCues: event.target.checked })}
        />
        {t('verify.soundCues')}
      </label>
      <label>
        {t('scanner.hidPosLayout')}
        <select
          name="hidPosLayout"
          value={scanner.hidPosLayout}
          onChange={(event) =>
            setScanner({ ...scanner, hidPosLayout: event.target.value as Scanner['hidPosLayout'] })
          }
        >
          {(['auto', 'honeywell', 'zebra', 'plain'] as const).map((layout) => (
            <option key={layout} value={layout}>
              {t(`scanner.layout.${layout}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scanner.hidPosDevices')}
        <input
          name="hidPosDevices"
          placeholder="0c2e:0b61"
          value={ids}
          onChange={(event) => setIds(event.target.value)}
        />
      </label>
      <label>
        {t('scanner.dedupeWindowMs')}
        <input min={0} max={30000} {...number('dedupeWindowMs')} />
      </label>
      {outcome?.state === 'bad-ids' && (
        <p className="error-message" role="alert" data-code="bad-usb-ids">
          {t('scanner.badIds')}
        </p>
      )}
      {outcome?.state === 'failed' && <ErrorMessage error={outcome.error} />}
      {outcome?.state === 'saved' && (
        <p className="ok-message" role="status">
          {t('admin.saved')}
        </p>
      )}
      <button type="submit" className="button-primary" data-action="save-scanner-settings">
        {t('admin.save')}
      </button>
    </form>
  );
}
