import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../preload/contract/api-result.ts';

// The codes a citizen can meet at a kiosk, each said in plain words (kiosk.error.<code>); any other
// code gets the same plain sentence, and its code in small print for the staff who come to help.
const explained = new Set(['backend-unavailable', 'kiosk-visit-required']);

/** An API error as a citizen can act on it: what happened, what to do, the code for staff. */
export function KioskErrorMessage({ error, testId }: { error: ApiError; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div
      className="kiosk-notice kiosk-notice-problem"
      role="alert"
      data-code={error.code}
      data-testid={testId ?? 'kiosk-error'}
    >
      <p className="kiosk-notice-title">
        {t(explained.has(error.code) ? `kiosk.error.${error.code}` : 'kiosk.error.generic')}
      </p>
      <p className="kiosk-staff-note">{t('kiosk.error.code', { code: error.code.slice(0, 64) })}</p>
    </div>
  );
}
