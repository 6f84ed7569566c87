import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ScannerSettingsFields, scannerPatch, type ScannerSettings } from './ScannerSettingsFields.tsx';
import { formatUsbIds } from './usb-ids.ts';

/** The administrator's scanner settings: applied at once, to the wedge capture and to HID-POS. */
export function ScannerSettingsForm() {
  const { t } = useTranslation();
  const api = useApi();
  const [scanner, setScanner] = useState<ScannerSettings | null>(null);
  const [ids, setIds] = useState('');
  const [outcome, setOutcome] = useState<{ state: 'saved' } | { state: 'failed'; error: ApiError } | null>(
    null,
  );

  useEffect(() => {
    void api.call('settings.get', {}).then((result) => {
      if (!result.ok) return;
      setScanner(result.value.scanner);
      setIds(formatUsbIds(result.value.scanner.hidPosDevices));
    });
  }, [api]);

  if (!scanner) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = scannerPatch(scanner, ids);
    if (patch === null) return; // said under the field
    const result = await api.call('settings.set', { patch: { scanner: patch } });
    setOutcome(result.ok ? { state: 'saved' } : { state: 'failed', error: result.error });
  };

  return (
    <form className="form-card" onSubmit={(event) => void submit(event)} data-testid="scanner-settings">
      <h2>{t('scanner.settingsTitle')}</h2>
      <ScannerSettingsFields draft={scanner} ids={ids} onChange={setScanner} onIdsChange={setIds} />
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
