import { useCallback, useEffect, useRef } from 'react';
import type { ApiResult } from '../../../../preload/contract/api-result.ts';
import type { OperationResult } from '../../../../preload/contract/operations.ts';
import { useApi } from '../../../app/api-context.ts';
import { useOpenVisit } from '../visit/kiosk-visit-context.tsx';
import type { PrintProgress } from '../visit/visit-state.ts';

type PrintAnswer = ApiResult<OperationResult<'kiosk.print'>>;

/** While a job is still with the spooler, the kiosk asks again this often. */
const followMs = 3000;

/** What the print jobs of the visit amount to for the citizen. */
export function printProgress(answer: PrintAnswer): PrintProgress {
  if (!answer.ok) return { state: 'error', error: answer.error };
  const jobs = answer.value.jobs;
  const failed = jobs.find((job) => job.state === 'failed' || job.state === 'cancelled');
  if (failed) return { state: 'failed', failure: failed.failure?.code ?? 'job-failed' };
  if (jobs.length === 0) return { state: 'failed', failure: 'job-failed' };
  return jobs.every((job) => job.state === 'done')
    ? { state: 'printed', formCode: answer.value.formCode }
    : { state: 'printing' };
}

/**
 * Prints the declaration, its summary and the ticket once, when the done screen first shows (the
 * ref keeps React's development double effects from asking twice; the backend never prints a job
 * twice either). While a job is still queued it asks again for its state: `kiosk.print` re-sends
 * only failed jobs, and the following stops at the first failure, so it never prints by itself.
 * "Print again" is the citizen's (or the staff's) own choice.
 */
export function usePrintOnArrival(): { printAgain(): void } {
  const api = useApi();
  const { visit, dispatch } = useOpenVisit();
  const asked = useRef(false);
  const mounted = useRef(false);

  const print = useCallback(() => {
    dispatch({ type: 'print', print: { state: 'sending' } });
    void api.call('kiosk.print', {}).then((answer) => {
      if (mounted.current) dispatch({ type: 'print', print: printProgress(answer) });
    });
  }, [api, dispatch]);

  useEffect(() => {
    mounted.current = true;
    if (!asked.current && visit.print.state === 'idle') {
      asked.current = true;
      print();
    }
    return () => {
      mounted.current = false;
    };
    // Once on arrival: the print state of the visit says whether it was asked for already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // One question at a time, the next only after the answer: a slow spooler never piles them up.
  const printing = visit.print.state === 'printing';
  useEffect(() => {
    if (!printing) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const follow = () => {
      timer = setTimeout(() => {
        void api.call('kiosk.print', {}).then((answer) => {
          if (stopped || !mounted.current) return;
          const progress = printProgress(answer);
          if (progress.state === 'printing') follow();
          else dispatch({ type: 'print', print: progress });
        });
      }, followMs);
    };
    follow();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, dispatch, printing]);

  return { printAgain: print };
}
