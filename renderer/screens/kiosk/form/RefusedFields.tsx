import { useTranslation } from 'react-i18next';

// The backend refused the submission for these fields (`invalid-argument`). The ones the citizen
// typed are marked at the field; the ones that came from a card cannot be fixed here.
const typed = ['address', 'phone', 'email', 'socialInsuranceNumber', 'officeCode', 'guardian.relationship'];

export function RefusedFields({ paths }: { paths: string[] }) {
  const { t } = useTranslation();
  if (paths.length === 0) return null;
  const fromCards = paths.filter((path) => !typed.includes(path));
  return (
    <div
      className="kiosk-notice kiosk-notice-problem"
      role="alert"
      data-testid="refused-fields"
      data-fields={paths.join(' ')}
    >
      <p className="kiosk-notice-title">{t('kiosk.form.refusedTitle')}</p>
      {fromCards.length > 0 && <p>{t('kiosk.form.refusedFromCards')}</p>}
    </div>
  );
}
