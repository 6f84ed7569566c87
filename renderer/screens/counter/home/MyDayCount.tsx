import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../../../preload/contract/operations.ts';
import { useApi } from '../../../app/api-context.ts';

type MyDay = OperationResult<'registrations.myDay'>;

/**
 * "Today you approved X, rejected Y": the signed-in officer's own decisions at this counter today
 * (Vietnam time). Asked again whenever sync reports, so a decision sent or a day that turned over
 * shows up; the home is mounted afresh after each verification, which asks again too.
 */
export function MyDayCount() {
  const { t } = useTranslation();
  const api = useApi();
  const [myDay, setMyDay] = useState<MyDay | null>(null);

  useEffect(() => {
    let active = true;
    const load = () =>
      void api.call('registrations.myDay', {}).then((result) => {
        // An unavailable count is left out rather than shown as zero.
        if (active && result.ok) setMyDay(result.value);
      });
    load();
    const stop = api.onEvent((event) => {
      if (event.name === 'sync.status') load();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api]);

  if (!myDay) return null;
  return (
    <p
      className="my-day"
      data-testid="my-day"
      data-approved={myDay.approved}
      data-rejected={myDay.rejected}
      aria-live="polite"
    >
      {t('counterHome.myDay', { approved: myDay.approved, rejected: myDay.rejected })}
    </p>
  );
}
