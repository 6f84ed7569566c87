import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdParseResult } from '../../../main/core/id-card/id-card-types.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { formatDateTime } from '../../format/format-date.ts';
import { KeyboardWedgeSink } from '../../scan/KeyboardWedgeSink.tsx';
import { CardDetails } from './CardDetails.tsx';

type ScanState =
  | { state: 'waiting' }
  | { state: 'reading' }
  | { state: 'read'; result: IdParseResult; at: Date }
  | { state: 'failed'; code: string; message: string };

export function CounterScreen({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const api = useApi();
  const [scan, setScan] = useState<ScanState>({ state: 'waiting' });
  const wedgeOptions = useMemo(
    () => ({
      maxKeyIntervalMs: settings.scanner.wedgeMaxKeyIntervalMs,
      minLength: settings.scanner.wedgeMinLength,
    }),
    [settings.scanner.wedgeMaxKeyIntervalMs, settings.scanner.wedgeMinLength],
  );

  const onScan = useCallback(
    async (payload: string) => {
      setScan({ state: 'reading' });
      const result = await api.call('id.parse', { payload });
      setScan(
        result.ok
          ? { state: 'read', result: result.value, at: new Date() }
          : { state: 'failed', code: result.error.code, message: result.error.message },
      );
    },
    [api],
  );

  // Scanners attached to the backend (HID-POS, serial, camera) deliver their scans as events.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === 'scan') void onScan(event.payload.payload);
      }),
    [api, onScan],
  );

  return (
    <div className="counter-screen">
      <KeyboardWedgeSink options={wedgeOptions} onScan={(payload) => void onScan(payload)} />
      <section className="scan-prompt" data-testid="scan-prompt">
        <h1>{t('counter.scanPrompt')}</h1>
        <p>{t('counter.scanHint')}</p>
      </section>
      {scan.state === 'reading' && (
        <p className="scan-reading" role="status" aria-busy="true">
          {t('counter.parsing')}
        </p>
      )}
      {scan.state === 'failed' && (
        <div className="scan-error" role="alert" data-testid="scan-error" data-code={scan.code}>
          {t(`apiError.${scan.code}`, { defaultValue: scan.message })}
        </div>
      )}
      {scan.state === 'read' && (
        <div className="scan-result">
          <p className="scan-time">{t('counter.scannedAt', { time: formatDateTime(scan.at) })}</p>
          {scan.result.ok ? (
            <CardDetails card={scan.result} />
          ) : (
            <div
              className="scan-error"
              role="alert"
              data-testid="scan-error"
              data-code={scan.result.error.code}
            >
              <h2>{t('counter.errorTitle')}</h2>
              <p>{t(`cardError.${scan.result.error.code}`, { defaultValue: scan.result.error.message })}</p>
            </div>
          )}
          <button type="button" className="button-secondary" onClick={() => setScan({ state: 'waiting' })}>
            {t('counter.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
