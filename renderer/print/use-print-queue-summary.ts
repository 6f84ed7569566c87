import { useEffect, useState } from 'react';
import { useApi } from '../app/api-context.ts';

export interface PrintQueueSummary {
  waiting: number;
  failed: number;
}

/** How many print jobs wait or failed, kept current by `print.queueChanged` (null until known). */
export function usePrintQueueSummary(enabled: boolean): PrintQueueSummary | null {
  const api = useApi();
  const [summary, setSummary] = useState<PrintQueueSummary | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    void api.call('print.jobs', {}).then((answer) => {
      if (cancelled || !answer.ok) return;
      const jobs = answer.value.jobs;
      setSummary({
        waiting: jobs.filter((job) => job.state === 'pending' || job.state === 'printing').length,
        failed: jobs.filter((job) => job.state === 'failed').length,
      });
    });
    const unsubscribe = api.onEvent((event) => {
      if (event.name === 'print.queueChanged') setSummary(event.payload);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [api, enabled]);
  return enabled ? summary : null;
}
