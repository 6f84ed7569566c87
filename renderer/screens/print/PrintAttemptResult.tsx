import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { PrintJob } from '../../../preload/contract/areas/print.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { printFailureText } from './print-failure-text.ts';

/** One print (a form, a reprint, a test page) as a screen follows it. */
export type PrintAttempt =
  | { state: 'idle' }
  | { state: 'printing' }
  | { state: 'finished'; job: PrintJob }
  | { state: 'error'; error: ApiError };

/**
 * What came of a print, in the reader's language: done (with `doneText`), failed with the spooler's
 * reason (and `afterFailure`, e.g. where the job waits), or the API's error. Nothing while idle or
 * printing: each screen shows its own progress.
 */
export function PrintAttemptResult({
  attempt,
  testId,
  doneText,
  afterFailure,
}: {
  attempt: PrintAttempt;
  testId: string;
  doneText: (job: PrintJob) => string;
  afterFailure?: ReactNode;
}) {
  const { t } = useTranslation();
  if (attempt.state === 'error') return <ErrorMessage error={attempt.error} />;
  if (attempt.state !== 'finished') return null;
  const { job } = attempt;
  if (job.state === 'done') {
    return (
      <p role="status" className="ok-message" data-testid={testId} data-state="done">
        {doneText(job)}
      </p>
    );
  }
  if (!job.failure) return null;
  return (
    <div role="alert" className="error-message" data-testid={testId} data-state="failed">
      <p>{printFailureText(t, job.failure)}</p>
      {afterFailure}
    </div>
  );
}
