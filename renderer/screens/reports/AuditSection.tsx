import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { AuditVerification, WireAuditEntry } from '../../../preload/contract/areas/audit.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/format-date.ts';
import { auditActionText, auditBreakText, shortHash } from './report-text.ts';

const pageSize = 50;

interface AuditPages {
  /** The range (and refresh) these pages belong to. */
  key: string;
  entries: WireAuditEntry[];
  nextBeforeId: number | null;
  error: ApiError | null;
}

/**
 * The audit trail of this PC: a verification of the whole hash chain on demand (and the central's
 * word on its head), and the entries of the report's range, newest first, a page at a time.
 */
export function AuditSection({
  from,
  to,
  names,
  refreshKey,
}: {
  from: string;
  to: string;
  /** Full names of staff ids, for the "who" column. */
  names: ReadonlyMap<string, string>;
  /** Changes when something was just audited (an export): the list reloads. */
  refreshKey: number;
}) {
  const { t } = useTranslation();
  return (
    <section className="report-section report-audit" aria-labelledby="report-audit-title">
      <h2 id="report-audit-title">{t('reports.audit.title')}</h2>
      <p className="hint">{t('reports.audit.intro')}</p>
      <AuditVerifier />
      <AuditEntries from={from} to={to} names={names} refreshKey={refreshKey} />
    </section>
  );
}

function AuditVerifier() {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<
    | { state: 'idle' }
    | { state: 'verifying' }
    | { state: 'done'; result: AuditVerification }
    | { state: 'failed'; error: ApiError }
  >({ state: 'idle' });

  const verify = async () => {
    setState({ state: 'verifying' });
    const answer = await api.call('audit.verify', {});
    setState(answer.ok ? { state: 'done', result: answer.value } : { state: 'failed', error: answer.error });
  };

  return (
    <div className="report-audit-verify">
      <button
        type="button"
        className="button-primary"
        data-action="verify-audit"
        aria-busy={state.state === 'verifying' || undefined}
        disabled={state.state === 'verifying'}
        onClick={() => void verify()}
      >
        {state.state === 'verifying' ? t('reports.audit.verifying') : t('reports.audit.verify')}
      </button>
      <div aria-live="polite">{state.state === 'done' && <VerificationResult result={state.result} />}</div>
      {state.state === 'failed' && <ErrorMessage error={state.error} />}
    </div>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  const trusted = result.intact && result.central.state !== 'mismatch';
  return (
    <div
      className={trusted ? 'ok-message report-audit-result' : 'error-message report-audit-result'}
      data-testid="audit-verification"
      data-intact={String(result.intact)}
      data-central={result.central.state}
    >
      <p>
        <strong>
          {result.intact
            ? t('reports.audit.intact', { count: result.entries })
            : t('reports.audit.broken', { count: result.entries })}
        </strong>
      </p>
      {result.head && (
        <p>
          {t('reports.audit.head', { id: result.head.id })}{' '}
          <code title={result.head.hash} data-testid="audit-head-hash">
            {shortHash(result.head.hash)}
          </code>
        </p>
      )}
      {result.firstBroken && (
        <p data-testid="audit-first-broken" data-entry-id={result.firstBroken.id}>
          {t('reports.audit.firstBroken', {
            id: result.firstBroken.id,
            reason: auditBreakText(t, result.firstBroken.reason),
          })}
        </p>
      )}
      <p data-testid="audit-central">
        {t(`reports.audit.central.${result.central.state}`, {
          id: result.central.entryId ?? '—',
          time: result.central.checkedAt ? formatDateTime(result.central.checkedAt) : '—',
        })}
      </p>
      <p className="report-audit-when">
        {t('reports.audit.verifiedAt', {
          time: formatDateTime(result.verifiedAt),
          ms: Math.round(result.durationMs),
        })}
      </p>
    </div>
  );
}

function AuditEntries({
  from,
  to,
  names,
  refreshKey,
}: {
  from: string;
  to: string;
  names: ReadonlyMap<string, string>;
  refreshKey: number;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const key = `${from}/${to}/${refreshKey}`;
  const [pages, setPages] = useState<AuditPages>({ key: '', entries: [], nextBeforeId: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);
  /** The range whose answers may still land: an earlier range's late answer is dropped. */
  const currentKey = useRef(key);

  useEffect(() => {
    currentKey.current = key;
    void api.call('audit.list', { from, to, beforeId: null, limit: pageSize }).then((answer) => {
      if (currentKey.current !== key) return;
      setPages(
        answer.ok
          ? { key, entries: answer.value.entries, nextBeforeId: answer.value.nextBeforeId, error: null }
          : { key, entries: [], nextBeforeId: null, error: answer.error },
      );
    });
  }, [api, from, to, key]);

  const more = async () => {
    if (pages.nextBeforeId === null) return;
    setLoadingMore(true);
    const answer = await api.call('audit.list', { from, to, beforeId: pages.nextBeforeId, limit: pageSize });
    setLoadingMore(false);
    if (currentKey.current !== key) return;
    setPages((before) =>
      answer.ok
        ? {
            key,
            entries: [...before.entries, ...answer.value.entries],
            nextBeforeId: answer.value.nextBeforeId,
            error: null,
          }
        : { ...before, error: answer.error },
    );
  };

  const loaded = pages.key === key;
  const entries = loaded ? pages.entries : null;
  const error = loaded ? pages.error : null;
  const nextBeforeId = loaded ? pages.nextBeforeId : null;

  return (
    <div className="report-audit-entries">
      <h3>{t('reports.audit.entriesTitle')}</h3>
      {error && <ErrorMessage error={error} />}
      {entries === null && !error && <p aria-busy="true">{t('reports.audit.loading')}</p>}
      {entries !== null && entries.length === 0 && <p className="hint">{t('reports.audit.none')}</p>}
      {entries !== null && entries.length > 0 && (
        <table className="data-table report-table" data-testid="audit-entries">
          <thead>
            <tr>
              <th scope="col">{t('reports.audit.column.id')}</th>
              <th scope="col">{t('reports.audit.column.at')}</th>
              <th scope="col">{t('reports.audit.column.actor')}</th>
              <th scope="col">{t('reports.audit.column.action')}</th>
              <th scope="col">{t('reports.audit.column.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-audit-id={entry.id} data-audit-action={entry.action}>
                <td className="number">{entry.id}</td>
                <td>{formatDateTime(entry.at)}</td>
                <td>{actorText(t, names, entry.actor)}</td>
                <td>{auditActionText(t, i18n, entry)}</td>
                <td className="report-audit-subject">{entry.subject ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBeforeId !== null && (
        <button
          type="button"
          className="button-secondary"
          data-action="audit-more"
          disabled={loadingMore}
          onClick={() => void more()}
        >
          {loadingMore ? t('reports.audit.loading') : t('reports.audit.more')}
        </button>
      )}
    </div>
  );
}

/** Entries written by the app itself rather than by a person (store/audit-log.ts). */
const machineActors = new Set(['system', 'sync', 'kiosk', 'setup']);

function actorText(t: (key: string) => string, names: ReadonlyMap<string, string>, actor: string): string {
  if (machineActors.has(actor)) return t(`reports.audit.actor.${actor}`);
  const name = names.get(actor);
  return name ? `${name} (${actor})` : actor;
}
