import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../preload/contract/api-result.ts';
import type { OperationResult } from '../../../../preload/contract/operations.ts';
import { useApi } from '../../../app/api-context.ts';
import { KioskErrorMessage } from '../layout/KioskErrorMessage.tsx';

type Offices = OperationResult<'kiosk.offices'>;
type Loading =
  { state: 'loading' } | { state: 'ready'; offices: Offices } | { state: 'failed'; error: ApiError };

/**
 * The BHXH office whose counter the citizen will go to, by name; this kiosk's own office is chosen
 * until they pick another.
 */
export function OfficeSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange(officeCode: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const chosenAlready = value !== null;
  const choose = useCallback((officeCode: string) => onChange(officeCode), [onChange]);
  useEffect(() => {
    let cancelled = false;
    void api.call('kiosk.offices', {}).then((answer) => {
      if (cancelled) return;
      if (!answer.ok) return setLoading({ state: 'failed', error: answer.error });
      setLoading({ state: 'ready', offices: answer.value });
      if (!chosenAlready) choose(answer.value.defaultOfficeCode);
    });
    return () => {
      cancelled = true;
    };
    // The list is asked for once per visit of the form (and again on "try again"), not on each choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, attempt]);

  return (
    <div className="kiosk-field" data-field="officeCode">
      <label htmlFor="field-officeCode" className="kiosk-label">
        {t('kiosk.form.office')}
      </label>
      <span className="kiosk-hint">{t('kiosk.form.officeHint')}</span>
      {loading.state === 'failed' ? (
        <>
          <KioskErrorMessage error={loading.error} testId="offices-error" />
          <button
            type="button"
            className="kiosk-button"
            data-action="retry-offices"
            onClick={() => setAttempt(attempt + 1)}
          >
            {t('kiosk.tryAgain')}
          </button>
        </>
      ) : (
        <select
          id="field-officeCode"
          name="officeCode"
          value={value ?? ''}
          disabled={loading.state === 'loading'}
          onChange={(event) => onChange(event.target.value)}
        >
          {loading.state === 'loading' && <option value="">{t('kiosk.loading')}</option>}
          {loading.state === 'ready' &&
            loading.offices.offices.map((office) => (
              <option key={office.officeCode} value={office.officeCode}>
                {office.name}
              </option>
            ))}
        </select>
      )}
    </div>
  );
}
