import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outboxStates } from '../../../preload/contract/areas/admin.ts';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { SyncStatusWire } from '../../../preload/contract/areas/sync.ts';
import type { OperationResult } from '../../../preload/contract/operations.ts';
import { useApi } from '../../app/api-context.ts';
import { useSyncStatus } from '../../app/use-sync-status.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/format-date.ts';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';

type Outbox = OperationResult<'admin.outbox'>;
type OutboxState = (typeof outboxStates)[number];

/** The link to the central service in words, "sync now", and the outbox behind the backlog. */
export function SyncHealthSection() {
  const { t } = useTranslation();
  const { status, syncNow } = useSyncStatus(5000);
  const [filter, setFilter] = useState<OutboxState | null>(null);
  const outbox = useOutbox(filter, status);

  return (
    <AdminSectionFrame section="sync" hint={t('admin.sync.hint')}>
      {status ? <SyncFacts status={status} /> : <p aria-busy="true">{t('admin.loading')}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          data-action="sync-now"
          disabled={status?.state === 'syncing'}
          onClick={syncNow}
        >
          {t('sync.syncNow')}
        </button>
      </div>
      <h3>{t('admin.outbox.title')}</h3>
      {outbox.error && <ErrorMessage error={outbox.error} />}
      {outbox.value && <OutboxTable outbox={outbox.value} filter={filter} onFilter={setFilter} />}
    </AdminSectionFrame>
  );
}

function SyncFacts({ status }: { status: SyncStatusWire }) {
  const { t } = useTranslation();
  const never = t('admin.sync.never');
  return (
    <dl className="admin-facts" data-testid="admin-sync-status" data-state={status.state}>
      <div>
        <dt>{t('admin.sync.state')}</dt>
        <dd data-testid="admin-sync-state">
          {t(`admin.sync.states.${status.state}`)}
          {status.trainingMode && ` · ${t('status.trainingMode')}`}
        </dd>
      </div>
      <div>
        <dt>{t('admin.sync.lastSuccess')}</dt>
        <dd>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : never}</dd>
      </div>
      <div>
        <dt>{t('admin.sync.backlog')}</dt>
        <dd data-testid="admin-sync-backlog">
          {status.backlog === 0
            ? t('admin.sync.nothingWaiting')
            : t('admin.sync.waitingSince', {
                count: status.backlog,
                time: status.oldestPendingAt ? formatDateTime(status.oldestPendingAt) : '',
              })}
        </dd>
      </div>
      <div>
        <dt>{t('admin.sync.conflicts')}</dt>
        <dd>{status.openConflicts}</dd>
      </div>
      {status.error && (
        <div>
          <dt>{t('admin.sync.problem')}</dt>
          <dd className="admin-problem" data-testid="admin-sync-error" data-kind={status.error.kind}>
            {t(`sync.error.${status.error.kind}`)} ({status.error.code})
          </dd>
        </div>
      )}
      {status.clockWarning && (
        <div>
          <dt>{t('admin.sync.clock')}</dt>
          <dd className="admin-problem">{t('sync.clockWarning')}</dd>
        </div>
      )}
    </dl>
  );
}

/** The outbox, read again whenever the sync status moves (a round sends or retries events). */
function useOutbox(
  filter: OutboxState | null,
  status: SyncStatusWire | null,
): { value: Outbox | null; error: ApiError | null } {
  const api = useApi();
  const [value, setValue] = useState<Outbox | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(
    () =>
      api.call('admin.outbox', { state: filter, limit: 50 }).then((result) => {
        if (result.ok) {
          setValue(result.value);
          setError(null);
        } else setError(result.error);
      }),
    [api, filter],
  );
  const moved = `${status?.state}:${status?.backlog}:${status?.lastAttemptAt}`;
  useEffect(() => {
    void load();
  }, [load, moved]);
  return { value, error };
}

function OutboxTable({
  outbox,
  filter,
  onFilter,
}: {
  outbox: Outbox;
  filter: OutboxState | null;
  onFilter: (state: OutboxState | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p data-testid="outbox-counts">
        {outboxStates
          .map((state) => t(`admin.outbox.count.${state}`, { count: outbox.counts[state] }))
          .join(' · ')}
        {outbox.oldestPendingAt &&
          ` · ${t('admin.outbox.oldestPending', { time: formatDateTime(outbox.oldestPendingAt) })}`}
      </p>
      <label className="admin-inline-label">
        {t('admin.outbox.show')}
        <select
          name="outboxState"
          value={filter ?? ''}
          onChange={(event) =>
            onFilter(event.target.value === '' ? null : (event.target.value as OutboxState))
          }
        >
          <option value="">{t('admin.outbox.all')}</option>
          {outboxStates.map((state) => (
            <option key={state} value={state}>
              {t(`admin.outbox.states.${state}`)}
            </option>
          ))}
        </select>
      </label>
      {outbox.items.length === 0 ? (
        <p className="hint">{t('admin.outbox.empty')}</p>
      ) : (
        <table className="data-table admin-outbox" data-testid="outbox-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.outbox.type')}</th>
              <th scope="col">{t('admin.outbox.subject')}</th>
              <th scope="col">{t('admin.outbox.createdAt')}</th>
              <th scope="col">{t('admin.outbox.stateColumn')}</th>
              <th scope="col">{t('admin.outbox.attempts')}</th>
              <th scope="col">{t('admin.outbox.lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {outbox.items.map((item) => (
              <tr key={item.seq} data-outbox-state={item.state}>
                <td>{t(`admin.outbox.types.${item.type}`, { defaultValue: item.type })}</td>
                <td>
                  <code>{item.subject ?? '—'}</code>
                </td>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>
                  {t(`admin.outbox.states.${item.state}`)}
                  {item.finishedAt && ` (${formatDateTime(item.finishedAt)})`}
                  {item.state === 'pending' && item.attempts > 0 && (
                    <span className="hint">
                      {' '}
                      {t('admin.outbox.nextAttempt', { time: formatDateTime(item.nextAttemptAt) })}
                    </span>
                  )}
                </td>
                <td>{item.attempts}</td>
                <td>{item.lastErrorCode ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
