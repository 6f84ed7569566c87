import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityVerdict } from '../../../main/core/identity/compare-identity.ts';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import { readErrorDetails } from '../../../preload/contract/error-codes.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime } from '../../format/format-date.ts';

type Reason = { code: string; labelVi: string; noteRequired: boolean };
type Draft =
  | { outcome: 'approved'; override: false }
  | { outcome: 'approved'; override: true; note: string }
  | { outcome: 'rejected'; reasonCode: string; note: string };
type Open =
  | { form: 'none' }
  /** Approve was pressed while something does not match: refused, and why. */
  | { form: 'refused' }
  | { form: 'override'; note: string }
  | { form: 'reject'; reasonCode: string; note: string };

/**
 * Approve (one action when everything matches; an override with a written note when something
 * does not, REGISTRATION.md), or reject with one of the office's reasons; confirm; then the result
 * in words. The officer is the session's: no argument names one.
 */
export function DecisionPanel({
  stored,
  verdict,
  onDecided,
}: {
  stored: WireRegistration;
  verdict: IdentityVerdict;
  /** A decision was recorded (`stored`), or another counter's came first (`null`). */
  onDecided: (stored: WireRegistration | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [open, setOpen] = useState<Open>({ form: 'none' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusWhenShown = useCallback((element: HTMLDivElement | null) => {
    element?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    void api.call('registrations.reasons', {}).then((result) => {
      if (result.ok) setReasons(result.value);
    });
  }, [api]);

  const decision = stored.localDecision ?? stored.registration.decision;
  const finished = decision !== null || error !== null;
  // After a decision the result takes the focus (and is announced): the task has moved on.
  useEffect(() => {
    if (finished) resultRef.current?.focus();
  }, [finished]);

  if (decision) {
    const reason = reasons.find((entry) => entry.code === decision.reasonCode);
    return (
      <div className="decision-outcome" ref={resultRef} tabIndex={-1} aria-live="polite">
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
        <dl className="decision-facts">
          {decision.override && (
            <div>
              <dt>{t('verify.overrideRecorded')}</dt>
              <dd>{decision.note}</dd>
            </div>
          )}
          {decision.outcome === 'rejected' && decision.reasonCode && (
            <div>
              <dt>{t('verification.reason')}</dt>
              <dd>{reason ? reasonLabel(reason) : decision.reasonCode}</dd>
            </div>
          )}
          {decision.outcome === 'rejected' && decision.note && (
            <div>
              <dt>{t('verify.noteLabel')}</dt>
              <dd>{decision.note}</dd>
            </div>
          )}
        </dl>
      </div>
    );
  }
  if (error) {
    const existing = readErrorDetails(error, 'already-decided')?.existing ?? null;
    return (
      <div
        className="decision-outcome decision-result decision-conflict"
        ref={resultRef}
        tabIndex={-1}
        role="alert"
        aria-live="assertive"
        data-decision={error.code === 'already-decided' ? 'conflict' : 'failed'}
      >
        <h2>{existing ? t('verify.conflictTitle') : t('verify.failedTitle')}</h2>
        <ErrorMessage error={error} testId="decision-error" />
        {existing && <p>{t('verify.conflictHint')}</p>}
        {error.code !== 'already-decided' && error.code !== 'registration-not-pending' && (
          // Nothing was recorded (the store or the connection failed): the officer may decide again.
          <button
            type="button"
            className="button-secondary"
            data-action="retry-decision"
            onClick={() => setError(null)}
          >
            {t('verify.retryDecision')}
          </button>
        )}
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

  function reasonLabel(reason: Reason): string {
    return i18n.exists(`rejectionReason.${reason.code}`)
      ? t(`rejectionReason.${reason.code}`)
      : reason.labelVi;
  }
  const chosen =
    open.form === 'reject' ? reasons.find((reason) => reason.code === open.reasonCode) : undefined;
  const rejectReady =
    open.form === 'reject' && chosen !== undefined && (!chosen.noteRequired || open.note.trim() !== '');
  const overrideReady = open.form === 'override' && open.note.trim() !== '';

  // An approval chosen while everything matched does not survive a card scanned since that shows a
  // mismatch: it would otherwise be sent without the override and its note.
  const pending = draft?.outcome === 'approved' && !draft.override && verdict !== 'all-match' ? null : draft;

  const confirm = async () => {
    const draft = pending;
    if (!draft || busy) return;
    setBusy(true);
    const note = 'note' in draft && draft.note.trim() ? draft.note.trim() : null;
    const result = await api.call('registrations.decide', {
      registrationCode: stored.registration.code,
      outcome: draft.outcome,
      reasonCode: draft.outcome === 'rejected' ? draft.reasonCode : null,
      note,
      override: draft.outcome === 'approved' && draft.override,
    });
    setBusy(false);
    setDraft(null);
    if (result.ok) onDecided(result.value);
    else {
      setError(result.error);
      if (result.error.code === 'already-decided') onDecided(null);
    }
  };

  if (pending) {
    const draft = pending;
    return (
      <div
        className="decision-confirm"
        role="dialog"
        aria-label={t('verification.confirmTitle')}
        data-testid="decision-confirm"
        tabIndex={-1}
        // The focus comes here (not onto a button): an Enter still held from the press that opened
        // this step must not confirm it (the shortcut ignores repeats; a focused button would not).
        ref={focusWhenShown}
      >
        <p>
          {draft.outcome === 'rejected'
            ? t('verification.confirmReject', { reason: chosen ? reasonLabel(chosen) : '' })
            : draft.override
              ? t('verify.confirmOverride', { note: draft.note.trim() })
              : t('verification.confirmApprove')}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            data-action="confirm"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {t('verification.confirm')} <kbd aria-hidden="true">Enter</kbd>
          </button>
          {/* Once sent, a decision cannot be called back: nothing may look as if it had been. */}
          <CancelButton disabled={busy} onCancel={() => setDraft(null)} />
        </div>
      </div>
    );
  }

  const approve = () => {
    if (verdict === 'all-match') setDraft({ outcome: 'approved', override: false });
    else setOpen({ form: 'refused' });
  };

  return (
    <div className="decision-panel" data-verdict={verdict}>
      <div className="button-row decision-buttons">
        <button
          type="button"
          className={verdict === 'all-match' ? 'button-approve' : 'button-approve button-blocked'}
          data-action="approve"
          aria-disabled={verdict !== 'all-match'}
          aria-describedby={verdict !== 'all-match' ? 'approve-blocked' : undefined}
          onClick={approve}
        >
          {t('verification.approve')} <kbd aria-hidden="true">F8</kbd>
        </button>
        {verdict !== 'all-match' && (
          <button
            type="button"
            className="button-override"
            data-action="override"
            onClick={() => setOpen(open.form === 'override' ? open : { form: 'override', note: '' })}
          >
            {t('verify.override')} <kbd aria-hidden="true">F4</kbd>
          </button>
        )}
        <button
          type="button"
          className="button-reject"
          data-action="reject"
          onClick={() =>
            setOpen(open.form === 'reject' ? open : { form: 'reject', reasonCode: '', note: '' })
          }
        >
          {t('verification.reject')} <kbd aria-hidden="true">F9</kbd>
        </button>
      </div>
      {verdict !== 'all-match' && (
        <p
          id="approve-blocked"
          className={open.form === 'refused' ? 'approve-blocked error-message' : 'approve-blocked'}
          role={open.form === 'refused' ? 'alert' : undefined}
          data-testid="approve-blocked"
        >
          {t('verify.approveBlocked')}
        </p>
      )}
      {open.form === 'override' && (
        <form
          className="override-form"
          aria-label={t('verify.override')}
          onSubmit={(event) => {
            event.preventDefault();
            if (overrideReady) setDraft({ outcome: 'approved', override: true, note: open.note });
          }}
        >
          <label>
            {t('verify.overrideNote')}
            <textarea
              name="note"
              required
              maxLength={2000}
              autoFocus
              value={open.note}
              onChange={(event) => setOpen({ form: 'override', note: event.target.value })}
            />
          </label>
          <p className="hint">{t('verify.overrideHint')}</p>
          <div className="button-row">
            <button
              type="submit"
              className="button-override"
              data-action="override"
              disabled={!overrideReady}
            >
              {t('verify.overrideSubmit')}
            </button>
            <CancelButton onCancel={() => setOpen({ form: 'none' })} />
          </div>
        </form>
      )}
      {open.form === 'reject' && (
        <form
          className="reject-form"
          aria-label={t('verification.reject')}
          onSubmit={(event) => {
            event.preventDefault();
            if (rejectReady) setDraft({ outcome: 'rejected', reasonCode: open.reasonCode, note: open.note });
          }}
        >
          <label>
            {t('verification.reason')}
            <select
              name="reasonCode"
              required
              autoFocus
              value={open.reasonCode}
              onChange={(event) => setOpen({ ...open, reasonCode: event.target.value })}
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
              required={chosen?.noteRequired ?? false}
              value={open.note}
              onChange={(event) => setOpen({ ...open, note: event.target.value })}
            />
          </label>
          <div className="button-row">
            <button type="submit" className="button-reject" data-action="reject" disabled={!rejectReady}>
              {t('verification.reject')}
            </button>
            <CancelButton onCancel={() => setOpen({ form: 'none' })} />
          </div>
        </form>
      )}
    </div>
  );
}

/** Cancel (Esc) of the confirm step and of the reject and override forms. */
function CancelButton({ onCancel, disabled = false }: { onCancel: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-secondary"
      data-action="cancel"
      disabled={disabled}
      onClick={onCancel}
    >
      {t('verification.cancel')} <kbd aria-hidden="true">Esc</kbd>
    </button>
  );
}
