import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { PrintJob } from '../../../preload/contract/areas/print.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/format-date.ts';
import { printFailureText } from './print-failure-text.ts';

/**
 * The print queue of this PC: jobs waiting, printing and failed (with the printer's reason and a
 * retry), then the last ones done. Nothing here is ever lost by a restart: the jobs live in the store.
 */
export function PrintQueueScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      api.call('print.jobs', {}).then((answer) => {
        if (answer.ok) {
          setJobs(answer.value.jobs);
          setError(null);
        } else setError(answer.error);
      }),
    [api],
  );

  useEffect(() => {
    void refresh();
    return api.onEvent((event) => {
      if (event.name === 'print.queueChanged') void refresh();
    });
  }, [api, refresh]);

  const act = async (job: PrintJob, action: 'print.retry' | 'print.cancel') => {
    setBusy(job.jobId);
    const answer = await api.call(action, { jobId: job.jobId });
    setBusy(null);
    if (!answer.ok) setError(answer.error);
    await refresh();
  };

  const open = jobs?.filter((job) => job.state !== 'done' && job.state !== 'cancelled') ?? [];
  const finished = jobs?.filter((job) => job.state === 'done' || job.state === 'cancelled') ?? [];

  return (
    <section className="print-queue" data-screen="print-queue">
      <h1>{t('printQueue.title')}</h1>
      {error && <ErrorMessage error={error} />}
      {jobs === null && !error && <p aria-busy="true">{t('printQueue.loading')}</p>}
      {jobs !== null && (
        <>
          <h2>{t('printQueue.open', { count: open.length })}</h2>
          {open.length === 0 ? (
            <p className="hint" data-testid="print-queue-empty">
              {t('printQueue.nothingOpen')}
            </p>
          ) : (
            <JobTable jobs={open} busy={busy} onAct={(job, action) => void act(job, action)} />
          )}
          {finished.length > 0 && (
            <>
              <h2>{t('printQueue.finished')}</h2>
              <JobTable jobs={finished} busy={busy} onAct={() => {}} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function JobTable({
  jobs,
  busy,
  onAct,
}: {
  jobs: PrintJob[];
  busy: string | null;
  onAct: (job: PrintJob, action: 'print.retry' | 'print.cancel') => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('printQueue.requestedAt')}</th>
          <th scope="col">{t('printQueue.document')}</th>
          <th scope="col">{t('printQueue.printer')}</th>
          <th scope="col">{t('printQueue.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('printQueue.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.jobId} data-testid="print-job" data-state={job.state} data-job-id={job.jobId}>
            <td>{formatDateTime(job.requestedAt)}</td>
            <td>
              {job.document === 'test-page'
                ? t('printQueue.testPage')
                : t('printQueue.declaration', {
                    code: job.registrationCode ?? '—',
                    name: job.citizenName ?? '',
                  })}
            </td>
            <td>{job.printerName ?? t('print.defaultPrinter')}</td>
            <td>
              <span className={`job-state job-state-${job.state}`}>{t(`printJobState.${job.state}`)}</span>
              {job.failure && <div className="job-failure">{printFailureText(t, job.failure)}</div>}
              {job.attempts > 1 && (
                <div className="hint">{t('printQueue.attempts', { count: job.attempts })}</div>
              )}
            </td>
            <td>
              {(job.state === 'failed' || job.state === 'pending') && (
                <div className="row-actions">
                  {job.state === 'failed' && (
                    <button
                      type="button"
                      className="button-primary"
                      data-action="retry-print-job"
                      disabled={busy !== null}
                      onClick={() => onAct(job, 'print.retry')}
                    >
                      {busy === job.jobId ? t('print.printing') : t('print.retry')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button-secondary"
                    data-action="cancel-print-job"
                    disabled={busy !== null}
                    onClick={() => onAct(job, 'print.cancel')}
                  >
                    {t('printQueue.cancel')}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
