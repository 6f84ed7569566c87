import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdParseResult } from '../../../main/core/id-card/id-card-types.ts';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/format-date.ts';
import { useScans } from '../../scan/ScanProvider.tsx';
import { ScanDamage } from '../../scan/ScanDamage.tsx';
import { CardDetails } from './CardDetails.tsx';
import { ConflictList } from './ConflictList.tsx';
import { RegistrationList } from './RegistrationList.tsx';

type ScanState = { state: 'waiting' } | { state: 'read'; scan: ScanEvent };

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

/**
 * A scan that is not a card may be the QR code of a printed declaration: its text is exactly the
 * registration code (main/documents). Only text that could be a code is looked up.
 */
function formCodeQuery(scan: ScanEvent): string | null {
  if (scan.result.ok) return null;
  const text = scan.raw.trim();
  return /^[A-Za-z0-9][A-Za-z0-9-]{3,63}$/.test(text) ? text : null;
}

/** The signed-in officer's home: scan a card (or search), see the card and its registrations. */
export function CounterHomeScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const [scan, setScan] = useState<ScanState>({ state: 'waiting' });
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [query, setQuery] = useState('');

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

  // Every source (keyboard wedge, HID-POS, camera) arrives here parsed, once.
  useScans(
    useCallback(
      (scan: ScanEvent) => {
        const formCode = formCodeQuery(scan);
        if (formCode) {
          // The declaration's QR opens its registration straight away when this PC has it.
          void api.call('registrations.search', { query: formCode }).then((result) => {
            if (result.ok && result.value.some((row) => row.registration.code === formCode))
              navigate({ name: 'verification', registrationCode: formCode });
            else {
              setScan({ state: 'read', scan });
              setLookup({ state: 'idle' });
            }
          });
          return;
        }
        setScan({ state: 'read', scan });
        const byCard = cardLookupQuery(scan.result);
        if (byCard) void search(byCard);
        else setLookup({ state: 'idle' });
      },
      [api, navigate, search],
    ),
  );

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void search(query.trim());
  };

  return (
    <div className="counter-screen" data-screen="counter-home">
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
      {scan.state === 'read' && (
        <div className="scan-result">
          <p className="scan-time">
            {t('counter.scannedAt', { time: formatDateTime(scan.scan.receivedAt) })} ·{' '}
            {t(`scanSource.${scan.scan.source}`)}
          </p>
          {scan.scan.damage && <ScanDamage damage={scan.scan.damage} />}
          {scan.scan.result.ok ? (
            <CardDetails card={scan.scan.result} />
          ) : scan.scan.damage ? null : (
            <div
              className="scan-error"
              role="alert"
              data-testid="scan-error"
              data-code={scan.scan.result.error.code}
            >
              <h2>{t('counter.errorTitle')}</h2>
              <p>{t(`cardError.${scan.scan.result.error.code}`)}</p>
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
