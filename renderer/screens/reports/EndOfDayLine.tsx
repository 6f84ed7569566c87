import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndOfDayStatus } from '../../../preload/contract/areas/reports.ts';
import { useApi } from '../../app/api-context.ts';
import { formatDateTime } from '../../format/format-date.ts';
import { endOfDayFailureText } from './report-text.ts';

/** How the scheduled end-of-day export stands, in one line (it is set in the administration screen). */
export function EndOfDayLine() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<EndOfDayStatus | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.call('reports.endOfDayStatus', {}).then((answer) => {
      if (!cancelled && answer.ok) setStatus(answer.value);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (status === null) return null;
  const formats = status.formats.map((format) => format.toUpperCase()).join(', ');
  let text: string;
  if (!status.enabled) text = t('reports.endOfDay.disabled');
  else {
    text = t('reports.endOfDay.enabled', { time: status.time, folder: status.folder ?? '—', formats });
    if (status.lastError)
      text += ` ${t('reports.endOfDay.lastError', {
        reason: endOfDayFailureText(t, status.lastError.code),
        time: status.lastErrorAt ? formatDateTime(status.lastErrorAt) : '—',
      })}`;
    else if (status.lastRunAt)
      text += ` ${t('reports.endOfDay.lastRun', { time: formatDateTime(status.lastRunAt), count: status.lastFiles.length })}`;
    else text += ` ${t('reports.endOfDay.neverRun')}`;
  }
  return (
    <p
      className={
        status.enabled && status.lastError ? 'warning-message report-end-of-day' : 'hint report-end-of-day'
      }
      data-testid="end-of-day-status"
      data-enabled={String(status.enabled)}
      data-error-code={status.lastError?.code}
    >
      {text}
    </p>
  );
}
