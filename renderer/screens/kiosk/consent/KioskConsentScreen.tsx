import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../../app/router-context.tsx';
import { KioskErrorMessage } from '../layout/KioskErrorMessage.tsx';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import { useOpenVisit } from '../visit/kiosk-visit-context.tsx';
import { buildSubmission } from './build-submission.ts';
import { ConsentNotice } from './ConsentNotice.tsx';
import { useSubmission, type SubmitOutcome } from './use-submission.ts';

/**
 * Step 3: what happens to the citizen's data, in plain words (Decree 13/2023/NĐ-CP), their consent,
 * and sending the form. While it is on its way nothing can send it twice; a failure says so and
 * offers to send the same form again; fields the service refused send them back to the form.
 */
export function KioskConsentScreen() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { visit, language, dispatch } = useOpenVisit();
  const onOutcome = useCallback(
    (outcome: SubmitOutcome) => {
      switch (outcome.kind) {
        case 'received':
          dispatch({ type: 'receipt', receipt: outcome.receipt });
          return navigate({ name: 'kiosk-done' });
        case 'exists':
          dispatch({ type: 'existing', existing: outcome.existing });
          return navigate({ name: 'kiosk-existing' });
        case 'refused':
          dispatch({ type: 'refused-fields', paths: outcome.paths });
          return navigate({ name: 'kiosk-form' });
        case 'failed':
          return;
      }
    },
    [dispatch, navigate],
  );
  const { sending, error, submit } = useSubmission(onOutcome);
  const consent = visit.form.consent;
  const submission = consent ? buildSubmission(visit, language) : null;

  return (
    <KioskScreen
      name="kiosk-consent"
      title={t('kiosk.consent.title')}
      step="consent"
      // The agreement stays in sight under the notice, however long the notice is in a language.
      dock={
        <label className="kiosk-check kiosk-consent-check">
          <input
            type="checkbox"
            name="consent"
            checked={consent}
            disabled={sending}
            onChange={(event) => dispatch({ type: 'form', patch: { consent: event.target.checked } })}
          />
          <span>{t('kiosk.consent.agree')}</span>
        </label>
      }
      actions={
        <>
          <button
            type="button"
            className="kiosk-button"
            data-action="back"
            disabled={sending}
            onClick={() => navigate({ name: 'kiosk-form' })}
          >
            {t('kiosk.back')}
          </button>
          <span className="kiosk-actions-reason" role="status">
            {sending ? t('kiosk.consent.sending') : consent ? null : t('kiosk.consent.tickFirst')}
          </span>
          <button
            type="button"
            className={sending ? 'kiosk-button kiosk-primary kiosk-busy' : 'kiosk-button kiosk-primary'}
            data-action="submit"
            disabled={!submission || sending}
            aria-busy={sending}
            onClick={() => submission && submit(submission)}
          >
            {sending
              ? t('kiosk.consent.sendingShort')
              : error
                ? t('kiosk.consent.sendAgain')
                : t('kiosk.consent.send')}
          </button>
        </>
      }
    >
      <ConsentNotice guardian={visit.guardianCard !== null} />
      {error && (
        <div data-testid="submit-failed">
          <KioskErrorMessage error={error} testId="submit-error" />
          <p>{t('kiosk.consent.failedKept')}</p>
        </div>
      )}
    </KioskScreen>
  );
}
