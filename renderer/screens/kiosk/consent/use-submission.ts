import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../preload/contract/api-result.ts';
import type { KioskReceipt, KioskSubmission } from '../../../../preload/contract/areas/kiosk.ts';
import { readErrorDetails } from '../../../../preload/contract/error-codes.ts';
import { useApi } from '../../../app/api-context.ts';
import type { ExistingRegistration } from '../visit/visit-state.ts';

export type SubmitOutcome =
  | { kind: 'received'; receipt: KioskReceipt }
  | { kind: 'exists'; existing: ExistingRegistration }
  | { kind: 'refused'; paths: string[] }
  | { kind: 'failed'; error: ApiError };

/**
 * Sends the visit's form once at a time: a second tap while it is on its way does nothing, and a
 * retry sends the same submission (the same `submissionId`), so the backend files it only once.
 * A visit the backend has forgotten (nobody called it for longer than its idle time, while the
 * citizen was reading or typing) is begun again and the same form sent with it: the citizen is
 * right here, pressing "send".
 */
export function useSubmission(onOutcome: (outcome: SubmitOutcome) => void): {
  sending: boolean;
  error: ApiError | null;
  submit(submission: KioskSubmission): void;
} {
  const api = useApi();
  const inFlight = useRef(false);
  const mounted = useRef(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const outcome = useRef(onOutcome);
  useEffect(() => {
    outcome.current = onOutcome;
  }, [onOutcome]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback(
    (submission: KioskSubmission) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSending(true);
      setError(null);
      void (async () => {
        let answer: ApiResult<KioskReceipt> = await api.call('kiosk.submit', submission);
        // The backend forgot the visit (it restarted): begin again and send the same form — but not
        // when the citizen left meanwhile (start over, the idle wipe): that would file a form they
        // walked away from, and take over the next person's visit.
        if (!answer.ok && answer.error.code === 'kiosk-visit-required' && mounted.current) {
          const begun = await api.call('kiosk.begin', { language: submission.language });
          if (begun.ok) answer = await api.call('kiosk.submit', submission);
        }
        inFlight.current = false;
        if (!mounted.current) return;
        setSending(false);
        const result = submitOutcome(answer);
        if (result.kind === 'failed') setError(result.error);
        outcome.current(result);
      })();
    },
    [api],
  );
  return { sending, error, submit };
}

function submitOutcome(answer: ApiResult<KioskReceipt>): SubmitOutcome {
  if (answer.ok) return { kind: 'received', receipt: answer.value };
  const exists = readErrorDetails(answer.error, 'kiosk-registration-exists');
  if (exists) {
    return {
      kind: 'exists',
      existing: {
        registrationCode: exists.registrationCode,
        reference: exists.reference,
        status: 'pending',
        submittedAt: exists.submittedAt,
        waitingForSync: exists.waitingForSync,
        officeName: exists.officeName,
      },
    };
  }
  const invalid = readErrorDetails(answer.error, 'invalid-argument');
  if (invalid && invalid.issues.length > 0)
    return { kind: 'refused', paths: invalid.issues.map((issue) => issue.path) };
  return { kind: 'failed', error: answer.error };
}
