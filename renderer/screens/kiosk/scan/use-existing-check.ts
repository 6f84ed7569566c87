import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskStatusEntry } from '../../../../preload/contract/areas/kiosk.ts';
import type { OperationArgs } from '../../../../preload/contract/operations.ts';
import { useApi } from '../../../app/api-context.ts';
import type { ExistingRegistration } from '../visit/visit-state.ts';

export function existingFromEntry(entry: KioskStatusEntry): ExistingRegistration {
  return {
    registrationCode: entry.registrationCode,
    reference: entry.reference,
    status: entry.status,
    submittedAt: entry.submittedAt,
    waitingForSync: entry.waitingForSync,
    officeName: entry.officeName,
  };
}

/**
 * Asks whether the person on the cards already has a registration waiting, after each card read,
 * so that nobody fills in a form for nothing. Only the last question's answer counts, and none
 * once the screen is gone. A failed question lets them go on: the submission is checked again.
 */
export function useExistingCheck(onPending: (existing: ExistingRegistration) => void): {
  checking: boolean;
  check(numbers: OperationArgs<'kiosk.existing'>): void;
} {
  const api = useApi();
  const [checking, setChecking] = useState(false);
  const latest = useRef(0);
  const mounted = useRef(false);
  const pending = useRef(onPending);
  useEffect(() => {
    pending.current = onPending;
  }, [onPending]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const check = useCallback(
    (numbers: OperationArgs<'kiosk.existing'>) => {
      const asked = ++latest.current;
      setChecking(true);
      void api.call('kiosk.existing', numbers).then((answer) => {
        if (!mounted.current || latest.current !== asked) return;
        setChecking(false);
        if (answer.ok && answer.value.pending) pending.current(existingFromEntry(answer.value.pending));
      });
    },
    [api],
  );
  return { checking, check };
}
