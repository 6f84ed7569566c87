import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareIdentity } from '../../../main/core/identity/compare-identity.ts';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import type { ScannedCardsForRoute } from '../../app/routes.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, formatIsoDate } from '../../format/format-date.ts';
import { useScans } from '../../scan/ScanProvider.tsx';
import { FormPrintActions } from '../print/FormPrintActions.tsx';
import { formCodeQuery } from './home/card-lookup.ts';
import { DecisionPanel } from './DecisionPanel.tsx';
import { IdentityComparison } from './verification/IdentityComparison.tsx';
import { CardWarnings, ScanNotice } from './verification/ScanNotices.tsx';
import { comparedCards, isParsed, joinScan, type ScanJoin } from './verification/scanned-cards.ts';
import { ShortcutLegend } from './verification/ShortcutLegend.tsx';
import { useVerificationKeys } from './verification/use-verification-keys.ts';

const noFields: ReadonlySet<string> = new Set();

type Loaded =
  | { state: 'loading' }
  | { state: 'loaded'; stored: WireRegistration }
  | { state: 'missing' }
  | { state: 'failed'; error: ApiError };

/**
 * One registration beside the card(s) of the person at the counter, and the officer's decision.
 * The cards come with the route (the scan that found the registration) and from scans made here;
 * they are personal data kept only while the verification is open: once decided, they leave the
 * state and the route, and the screen shows the registration and the result alone.
 */
export function VerificationScreen({
  registrationCode,
  cards,
  found = null,
}: {
  registrationCode: string;
  cards: ScannedCardsForRoute | null;
  /** What the lookup that opened the screen found: shown at once, then refreshed from the store. */
  found?: WireRegistration | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const [loaded, setLoaded] = useState<Loaded>(() =>
    found?.registration.code === registrationCode ? { state: 'loaded', stored: found } : { state: 'loading' },
  );
  const [conflicted, setConflicted] = useState(false);
  const [lastJoin, setLastJoin] = useState<ScanJoin | null>(null);
  const root = useRef<HTMLElement>(null);

  // Opened from a lookup a moment ago: that answer came from the same store, so there is nothing to
  // refresh (a decision taken here updates the screen by itself). Decided once, when the screen opens.
  const [openedWithFound] = useState(() => found?.registration.code === registrationCode);
  useEffect(() => {
    if (openedWithFound) return;
    let cancelled = false;
    void api.call('registrations.search', { query: registrationCode }).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setLoaded({ state: 'failed', error: result.error });
      const stored = result.value.find((row) => row.registration.code === registrationCode);
      setLoaded(stored ? { state: 'loaded', stored } : { state: 'missing' });
    });
    return () => {
      cancelled = true;
    };
  }, [api, registrationCode, openedWithFound]);

  const stored = loaded.state === 'loaded' ? loaded.stored : null;
  const decided =
    conflicted ||
    (stored !== null &&
      (stored.localDecision !== null ||
        stored.registration.decision !== null ||
        stored.registration.status !== 'pending'));

  // Scans arrive between renders: the latest cards and state are read from refs, not a closure.
  const latest = useRef({ cards, decided });
  useEffect(() => {
    latest.current = { cards, decided };
  }, [cards, decided]);

  // A decision's answer may come after the officer has left for another registration: it must not
  // pull them back (nor drop that one's cards).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useScans(
    useCallback(
      (scan: ScanEvent) => {
        // Another registration's printed declaration: the officer moves on to that one (this one's
        // cards are dropped with the screen).
        const formCode = formCodeQuery(scan);
        if (formCode !== null && formCode !== registrationCode) {
          void api.call('registrations.search', { query: formCode }).then((result) => {
            const found = result.ok
              ? result.value.find((row) => row.registration.code === formCode)
              : undefined;
            if (found && mounted.current)
              navigate({ name: 'verification', registrationCode: formCode, cards: null, found });
            else if (mounted.current)
              setLastJoin({
                kind: 'unreadable',
                cards: latest.current.cards ?? { idCard: null, healthCard: null },
                scan,
              });
          });
          return;
        }
        // A decided verification keeps no card; the printed form of this registration is no card.
        if (latest.current.decided) return;
        if (!scan.result.ok && scan.raw.trim() === registrationCode) return;
        const join = joinScan(latest.current.cards, scan);
        setLastJoin(join);
        if (join.kind === 'added') {
          latest.current = { ...latest.current, cards: join.cards };
          navigate({ name: 'verification', registrationCode, cards: join.cards });
        }
      },
      [api, navigate, registrationCode],
    ),
  );

  const goHome = useCallback(() => navigate({ name: 'counter-home' }), [navigate]);
  useVerificationKeys(root, goHome);

  const comparison = useMemo(
    () => (stored ? compareIdentity(stored.registration, comparedCards(cards)) : null),
    [stored, cards],
  );

  const onDecided = (next: WireRegistration | null) => {
    if (!mounted.current) return;
    if (next) setLoaded({ state: 'loaded', stored: next });
    else setConflicted(true);
    // The cards leave memory and the route at once.
    setLastJoin(null);
    latest.current = { cards: null, decided: true };
    navigate({ name: 'verification', registrationCode, cards: null });
  };

  const sources = {
    idCard: isParsed(cards?.idCard ?? null),
    healthCard: isParsed(cards?.healthCard ?? null),
  };

  return (
    <section
      className="verification"
      data-screen="verification"
      data-registration-code={registrationCode}
      ref={root}
    >
      <div className="verification-top">
        <button type="button" className="button-link button-home" data-action="home" onClick={goHome}>
          {t('verification.back')} <kbd aria-hidden="true">Esc</kbd>
        </button>
        <ShortcutLegend />
      </div>
      <h1>{t('verification.title', { code: registrationCode })}</h1>
      {loaded.state === 'loading' && <p aria-busy="true">{t('verification.loading')}</p>}
      {loaded.state === 'failed' && <ErrorMessage error={loaded.error} />}
      {loaded.state === 'missing' && <p role="alert">{t('verification.missing')}</p>}
      {stored && comparison && (
        <div className="verification-layout">
          <div className="verification-main">
            {!decided && (
              <>
                <VerdictSummary verdict={comparison.verdict} anyCard={sources.idCard || sources.healthCard} />
                <ScanNotice join={lastJoin} />
                <CardWarnings warnings={comparison.warnings} />
                <IdentityComparison comparison={comparison} sources={sources} />
              </>
            )}
            <RegistrationDetails
              stored={stored}
              compared={decided ? noFields : new Set(comparison.rows.map((row) => row.field))}
            />
          </div>
          <div className="verification-side">
            <h2>{t('verify.decisionTitle')}</h2>
            <DecisionPanel stored={stored} verdict={comparison.verdict} onDecided={onDecided} />
            <FormPrintActions registrationCode={registrationCode} />
          </div>
        </div>
      )}
    </section>
  );
}

function VerdictSummary({ verdict, anyCard }: { verdict: 'all-match' | 'needs-override'; anyCard: boolean }) {
  const { t } = useTranslation();
  const kind = !anyCard ? 'no-card' : verdict;
  return (
    <div className={`verdict verdict-${kind}`} role="status" data-testid="verdict" data-verdict={kind}>
      <span className="verdict-mark" aria-hidden="true">
        {kind === 'all-match' ? '✓' : kind === 'no-card' ? '?' : '!'}
      </span>
      <div>
        <p className="verdict-title">{t(`verify.verdict.${kind}`)}</p>
        <p className="verdict-hint">{t(`verify.verdictHint.${kind}`)}</p>
      </div>
    </div>
  );
}

/** Fields the comparison shows are not repeated, except the name (whose registration it is). */
const repeatable = new Set(['fullName', 'address']);

function RegistrationDetails({
  stored,
  compared,
}: {
  stored: WireRegistration;
  /** The fields in the comparison beside it (none once decided). */
  compared: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const registration = stored.registration;
  const rows: Array<[string, string]> = [
    ['fullName', registration.fullName],
    ['dateOfBirth', formatIsoDate(registration.dateOfBirth) ?? registration.dateOfBirth],
    ['sex', t(`value.${registration.sex}`)],
    [
      'idDocument',
      `${t(`idDocumentType.${registration.idDocument.type}`)} ${registration.idDocument.number}`,
    ],
    ['socialInsuranceNumber', registration.socialInsuranceNumber],
    ['address', registration.address],
    ['phone', registration.phone ?? t('value.none')],
    ['email', registration.email ?? t('value.none')],
    ['channel', t(`channel.${registration.channel}`)],
    ['submittedAt', formatDateTime(registration.submittedAt)],
    // A decision taken here shows at once, with where it stands, until the central's version arrives.
    [
      'status',
      stored.localDecision
        ? `${t(`registrationStatus.${stored.localDecision.outcome}`)} (${t(`localState.${stored.localState}`)})`
        : t(`registrationStatus.${registration.status}`),
    ],
  ];
  if (registration.guardian) {
    rows.push([
      'guardian',
      `${registration.guardian.fullName} (${registration.guardian.relationship}, ${registration.guardian.idNumber})`,
    ]);
  }
  return (
    <section className="registration-section" aria-labelledby="registration-details-title">
      <h2 id="registration-details-title">
        {compared.size > 0 ? t('verify.otherDetails') : t('verify.registrationDetails')}
      </h2>
      <dl className="field-list registration-details">
        {rows
          .filter(([name]) => repeatable.has(name) || !compared.has(name))
          .map(([name, value]) => (
            <div key={name} className="field-row" data-field={name}>
              <dt>{t(`registrationField.${name}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
