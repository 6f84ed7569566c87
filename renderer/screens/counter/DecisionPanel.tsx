import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/format-date.ts';

type Reason = { code: string; labelVi: string; noteRequired: boolean };
type Draft = { outcome: 'approved' } | { outcome: 'rejected'; reasonCode: string; note: string };

/** Approve, or reject with one of the office's reasons; confirm; then the result in words. */
export function DecisionPanel({
  stored,
  onDecided,
}: {
  stored: WireRegistration;
  onDecided: (stored: WireRegistration) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [rejecting, setRejecting] = useState<{ reasonCode: string; note: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('registrations.reasons', {}).then((result) => {
      if (result.ok) setReasons(result.value);
    });
  }, [api]);

  const decision = stored.localDecision ?? stored.registration.decision;
  if (decision) {
    return (
      <div
        className={`decision-result decision-${decision.outcome}`}
        role="status"
        data-decision={decision.outcome}
      >
        {t('verification.decided', {
          outcome: t(`outcomeVerb.${decision.outcome}`),
          officer: decision.officerId,
          counter: decision.counterId,
          time: formatDateTime(decision.decidedAt),
        })}
      </div>
    );
  }
  if (stored.registration.status !== 'pending') {
    return (
      <p role="status">
        {t('verification.notPending', { status: t(`registrationStatus.${stored.registration.status}`) })}
      </p>
    );
  }

  const reasonLabel = (reason: Reason) =>
    i18n.exists(`rejectionReason.${reason.code}`) ? t(`rejectionReason.${reason.code}`) : reason.labelVi;
  const chosen = reasons.find((reason) => reason.code === rejecting?.reasonCode);
  const rejectReady =
    rejecting !== null && chosen !== undefined && (!chosen.noteRequired || rejecting.note.trim() !== '');

  const confirm = async () => {
    if (!draft || busy) return;
    setBusy(true);
    const result = await api.call('registrations.decide', {
      registrationCode: stored.registration.code,
      outcome: draft.outcome,
      reasonCode: draft.outcome === 'rejected' ? draft.reasonCode : null,
      note: draft.outcome === 'rejected' && draft.note.trim() ? draft.note.trim() : null,
      override: false,
    });
    setBusy(false);
    setDraft(null);
    if (result.ok) onDecided(result.value);
    else setError(result.error);
  };

  if (error) {
    return (
      <div
        className="decision-result decision-conflict"
        data-decision={error.code === 'already-decided' ? 'conflict' : 'failed'}
      >
        <ErrorMessage error={error} testId="decision-error" />
      </div>
    );
  }
  if (draft) {
    return (
      <div className="decision-confirm" role="dialog" aria-label={t('verification.confirmTitle')}>
        <p>
          {draft.outcome === 'approved'
            ? t('verification.confirmApprove')
            : t('verification.confirmReject', { reason: chosen ? reasonLabel(chosen) : '' })}
        </p>
        <button
          type="button"
          className="button-primary"
          data-action="confirm"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {t('verification.confirm')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-action="cancel"
          onClick={() => setDraft(null)}
        >
          {t('verification.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="decision-panel">
      <button
        type="button"
        className="button-approve"
        data-action="approve"
        onClick={() => setDraft({ outcome: 'approved' })}
      >
        {t('verification.approve')}
      </button>
      {rejecting === null ? (
        <button
          type="button"
          className="button-reject"
          data-action="reject"
          onClick={() => setRejecting({ reasonCode: '', note: '' })}
        >
          {t('verification.reject')}
        </button>
      ) : (
        <form
          className="reject-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (rejectReady)
              setDraft({ outcome: 'rejected', reasonCode: rejecting.reasonCode, note: rejecting.note });
          }}
        >
          <label>
            {t('verification.reason')}
            <select
              name="reasonCode"
              required
              value={rejecting.reasonCode}
              onChange={(event) => setRejecting({ ...rejecting, reasonCode: event.target.value })}
            >
              <option value="">{t('verification.chooseReason')}</option>
              {reasons.map((reason) => (
                <option key={reason.code} value={reason.code}>
                  {reasonLabel(reason)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {chosen?.noteRequired ? t('verification.noteRequired') : t('verification.note')}
            <textarea
              name="note"
              maxLength={2000}
              value={rejecting.note}
              onChange={(event) => setRejecting({ ...rejecting, note: event.target.value })}
            />
          </label>
          <button type="submit" className="button-reject" data-action="reject" disabled={!rejectReady}>
            {t('verification.reject')}
          </button>
        </form>
      )}
    </div>
  );
}
