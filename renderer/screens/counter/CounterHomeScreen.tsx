import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdParseResult } from '../../../main/core/id-card/id-card-types.ts';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import { useApi } from '../../app/api-context.ts';
import { useDisplaySettings } from '../../app/display-settings-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/format-date.ts';
import { KeyboardWedgeSink } from '../../scan/KeyboardWedgeSink.tsx';
import { CardDetails } from './CardDetails.tsx';
import { ConflictList } from './ConflictList.tsx';
import { RegistrationList } from './RegistrationList.tsx';

type ScanState =
  | { state: 'waiting' }
  | { state: 'reading' }
  | { state: 'read'; result: IdParseResult; at: Date }
  | { state: 'failed'; error: ApiError };

type Lookup =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'found'; query: string; rows: WireRegistration[] }
  | { state: 'failed'; query: string; error: ApiError };

/** What a card is looked up by: the ID number on CCCD/Căn cước, the social-insurance number on BHYT. */
function cardLookupQuery(result: IdParseResult): string | null {
  if (!result.ok) return null;
  return result.kind === 'cccd' ? result.fields.idNumber : result.fields.socialInsuranceNumber;
}

/** The signed-in officer's home: scan a card (or search), see the card and its registrations. */
export function CounterHomeScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { settings } = useDisplaySettings();
  const [scan, setScan] = useState<ScanState>({ state: 'waiting' });
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [query, setQuery] = useState('');
  const wedgeOptions = useMemo(
    () => ({
      maxKeyIntervalMs: settings.scanner.wedgeMaxKeyIntervalMs,
      minLength: settings.scanner.wedgeMinLength,
    }),
    [settings.scanner.wedgeMaxKeyIntervalMs, settings.scanner.wedgeMinLength],
  );

  const search = useCallback(
    async (text: string) => {
      setLookup({ state: 'searching', query: text });
      const result = await api.call('registrations.search', { query: text });
      setLookup(
        result.ok
          ? { state: 'found', query: text, rows: result.value }
          : { state: 'failed', query: text, error: result.error },
      );
    },
    [api],
  );

  const onScan = useCallback(
    async (payload: string) => {
      setScan({ state: 'reading' });
      const result = await api.call('id.parse', { payload });
      if (!result.ok) return setScan({ state: 'failed', error: result.error });
      setScan({ state: 'read', result: result.value, at: new Date() });
      const byCard = cardLookupQuery(result.value);
      if (byCard) void search(byCard);
    },
    [api, search],
  );

  // Scanners attached to the backend (HID-POS, serial, camera) deliver their scans as events.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === 'scan') void onScan(event.payload.payload);
      }),
    [api, onScan],
  );

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void search(query.trim());
  };

  return (
    <div className="counter-screen" data-screen="counter-home">
      <KeyboardWedgeSink options={wedgeOptions} onScan={(payload) => void onScan(payload)} />
      <ConflictList />
      <section className="scan-prompt" data-testid="scan-prompt">
        <h1>{t('counter.scanPrompt')}</h1>
        <p>{t('counter.scanHint')}</p>
      </section>
      <form className="search-form" role="search" onSubmit={submitSearch}>
        <label>
          {t('counter.searchLabel')}
          <input
            name="query"
            type="search"
            maxLength={100}
            placeholder={t('counter.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <button type="submit" className="button-primary" data-action="search">
          {t('counter.search')}
        </button>
      </form>
      {scan.state === 'reading' && (
        <p className="scan-reading" role="status" aria-busy="true">
          {t('counter.parsing')}
        </p>
      )}
      {scan.state === 'failed' && <ErrorMessage error={scan.error} testId="scan-error" />}
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
              <p>{t(`cardError.${scan.result.error.code}`)}</p>
            </div>
          )}
          <button
            type="button"
            className="button-secondary"
            data-action="clear"
            onClick={() => {
              setScan({ state: 'waiting' });
              setLookup({ state: 'idle' });
            }}
          >
            {t('counter.clear')}
          </button>
        </div>
      )}
      {lookup.state === 'searching' && (
        <p role="status" aria-busy="true">
          {t('counter.searching')}
        </p>
      )}
      {lookup.state === 'failed' && <ErrorMessage error={lookup.error} />}
      {lookup.state === 'found' && <RegistrationList query={lookup.query} rows={lookup.rows} />}
    </div>
  );
}
