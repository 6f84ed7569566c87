import { useEffect } from 'react';
import { useApi } from '../../../app/api-context.ts';
import { useOpenVisit } from '../visit/kiosk-visit-context.tsx';

const pollMs = 2000;

/**
 * The central's registration code arrives after the form reached it (at once when online, later
 * when the kiosk was offline): the done screen asks for the receipt every 2 s until it has it.
 */
export function useReceiptCode(): void {
  const api = useApi();
  const { visit, dispatch } = useOpenVisit();
  const waiting =
    visit.receipt !== null &&
    visit.receipt.registrationCode === null &&
    visit.receipt.syncState !== 'invalid';
  useEffect(() => {
    if (!waiting) return;
    let stopped = false;
    const timer = setInterval(() => {
      void api.call('kiosk.receipt', {}).then((answer) => {
        if (!stopped && answer.ok) dispatch({ type: 'receipt', receipt: answer.value });
      });
    }, pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, dispatch, waiting]);
}
