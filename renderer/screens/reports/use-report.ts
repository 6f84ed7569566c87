import { useEffect, useState } from 'react';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { Report, ReportFilter } from '../../../preload/contract/areas/reports.ts';
import { useApi } from '../../app/api-context.ts';

export type ReportState =
  | { state: 'loading'; previous: Report | null }
  | { state: 'ready'; report: Report }
  | { state: 'failed'; error: ApiError; previous: Report | null };

interface Answer {
  /** The request this answers (filter and refresh count). */
  key: string;
  error: ApiError | null;
  /** The last report that arrived, for this request or an earlier one. */
  report: Report | null;
}

/**
 * The report of `filter`, computed again whenever it changes (or `refreshKey` does). The figures of
 * the previous filter stay on screen, marked busy, until the new ones arrive; an answer for a filter
 * that is no longer the current one is dropped.
 */
export function useReport(filter: ReportFilter, refreshKey: number): ReportState {
  const api = useApi();
  const key = `${JSON.stringify(filter)}#${refreshKey}`;
  const [answer, setAnswer] = useState<Answer>({ key: '', error: null, report: null });

  useEffect(() => {
    let current = true;
    void api.call('reports.daily', filter).then((result) => {
      if (!current) return;
      setAnswer((before) =>
        result.ok
          ? { key, error: null, report: result.value }
          : { key, error: result.error, report: before.report },
      );
    });
    return () => {
      current = false;
    };
  }, [api, filter, key]);

  if (answer.key !== key) return { state: 'loading', previous: answer.report };
  if (answer.error) return { state: 'failed', error: answer.error, previous: answer.report };
  return answer.report ? { state: 'ready', report: answer.report } : { state: 'loading', previous: null };
}

/** The report on screen in any state. */
export function shown(state: ReportState): Report | null {
  return state.state === 'ready' ? state.report : state.previous;
}
