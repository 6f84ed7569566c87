import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../../preload/contract/areas/registrations.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import { ErrorMessage } from '../../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../../format/format-date.ts';
import { ScanDamage } from '../../../scan/ScanDamage.tsx';
import { CardDetails } from '../CardDetails.tsx';
import { RegistrationList } from '../RegistrationList.tsx';
import { scannedCards } from './card-lookup.ts';

/** What the last scan led to, when it did not open a verification straight away. */
export type ScanLookup =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'none'; number: string; fullName: string }
  | { state: 'several'; rows: WireRegistration[] }
  | { state: 'form-code-missing'; code: string; kiosk: boolean }
  | { state: 'failed'; error: ApiError };

/**
 * The last scan on the counter home: the card as read (or why it could not be read, and what to
 * change), and what its lookup found — nothing (search by hand, the box is filled in), or several
 * registrations to pick from.
 */
export function ScanPanel({
  scan,
  lookup,
  onSearchByName,
  onClear,
}: {
  scan: ScanEvent | null;
  lookup: ScanLookup;
  onSearchByName(fullName: string): void;
  onClear(): void;
}) {
  const { t } = useTranslation();
  if (!scan && lookup.state === 'idle') return null;
  return (
    <section
      className={lookup.state === 'several' ? 'scan-panel' : 'scan-panel scan-panel-split'}
      data-testid="scan-panel"
      aria-live="polite"
    >
      <div className="scan-panel-outcome">
        <LookupOutcome scan={scan} lookup={lookup} onSearchByName={onSearchByName} />
        <button type="button" className="button-secondary" data-action="clear" onClick={onClear}>
          {t('counter.clear')}
        </button>
      </div>
      {scan && (
        <div className="scan-result">
          <p className="scan-time">
            {t('counter.scannedAt', { time: formatDateTime(scan.receivedAt) })} ·{' '}
            {t(`scanSource.${scan.source}`)}
          </p>
          {scan.damage && <ScanDamage damage={scan.damage} />}
          {scan.result.ok ? (
            <CardDetails card={scan.result} />
          ) : scan.damage ? null : (
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
        </div>
      )}
    </section>
  );
}

function LookupOutcome({
  scan,
  lookup,
  onSearchByName,
}: {
  scan: ScanEvent | null;
  lookup: ScanLookup;
  onSearchByName(fullName: string): void;
}) {
  const { t } = useTranslation();
  switch (lookup.state) {
    case 'idle':
      return scan?.damage ? (
        <p className="lookup-skipped" role="status" data-testid="card-not-looked-up">
          {t('counterHome.damagedNoLookup')}
        </p>
      ) : null;
    case 'searching':
      return (
        <p className="lookup-searching" role="status" aria-busy="true">
          {t('counterHome.lookingUpCard')}
        </p>
      );
    case 'failed':
      return <ErrorMessage error={lookup.error} testId="card-lookup-error" />;
    case 'form-code-missing':
      return (
        <div className="lookup-none" role="status" data-testid="card-no-match">
          <p>
            {t(lookup.kiosk ? 'counterHome.kioskReferenceNoMatch' : 'counterHome.formCodeNoMatch', {
              code: lookup.code,
            })}
          </p>
          <p>{t('counterHome.searchPrefilled')}</p>
        </div>
      );
    case 'none':
      return (
        <div className="lookup-none" role="status" data-testid="card-no-match">
          <p className="lookup-none-title">{t('counterHome.cardNoMatch', { number: lookup.number })}</p>
          <p>
            {t('counterHome.personOnCard')} <strong data-testid="card-person">{lookup.fullName}</strong>
          </p>
          <p>{t('counterHome.searchPrefilled')}</p>
          <button
            type="button"
            className="button-secondary"
            data-action="search-by-name"
            onClick={() => onSearchByName(lookup.fullName)}
          >
            {t('counterHome.searchByName')}
          </button>
        </div>
      );
    case 'several':
      return (
        <div className="card-matches" data-testid="card-matches">
          <h2>{t('counterHome.cardSeveral', { count: lookup.rows.length })}</h2>
          <RegistrationList
            rows={lookup.rows}
            cards={scannedCards(scan)}
            caption={t('counterHome.cardSeveral', { count: lookup.rows.length })}
            testId="card-match-list"
          />
        </div>
      );
  }
}
