import { useTranslation } from 'react-i18next';
import type { KioskVisit } from '../visit/visit-state.ts';
import { KioskTextField } from './KioskTextField.tsx';
import { OfficeSelect } from './OfficeSelect.tsx';
import type { useFormEditing } from './use-form-editing.ts';

type Editing = ReturnType<typeof useFormEditing>;

/**
 * Where the citizen lives now (prefilled from the ID card, which may be old) and which office they
 * go to; first, when no health-insurance card gave it, the social-insurance number.
 */
export function WhereFields({ visit, editing }: { visit: KioskVisit; editing: Editing }) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-form-column" aria-labelledby="kiosk-where-title">
      {!visit.healthCard && (
        <KioskTextField
          label={t('kiosk.field.socialInsuranceNumber')}
          hint={t('kiosk.form.socialInsuranceNumberHint')}
          {...editing.fieldProps('socialInsuranceNumber')}
        />
      )}
      <h2 id="kiosk-where-title">{t('kiosk.form.where')}</h2>
      <KioskTextField
        label={t('kiosk.field.address')}
        hint={t('kiosk.form.addressHint')}
        multiline
        {...editing.fieldProps('address')}
      />
      <OfficeSelect value={visit.form.officeCode} onChange={(officeCode) => editing.edit({ officeCode })} />
    </section>
  );
}
