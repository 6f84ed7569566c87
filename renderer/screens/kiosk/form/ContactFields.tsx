import { useTranslation } from 'react-i18next';
import type { KioskVisit } from '../visit/visit-state.ts';
import { emailIsValid } from './email-address.ts';
import { KioskTextField } from './KioskTextField.tsx';
import type { useFormEditing } from './use-form-editing.ts';

type Editing = ReturnType<typeof useFormEditing>;

/**
 * How BHXH reaches the citizen: the mobile number (the account's password goes there), and an
 * optional e-mail with a copy of the declaration.
 */
export function ContactFields({ visit, editing }: { visit: KioskVisit; editing: Editing }) {
  const { t } = useTranslation();
  const form = visit.form;
  const emailWorks = emailIsValid(form.email);
  return (
    <section className="kiosk-form-column" aria-labelledby="kiosk-contact-title">
      <h2 id="kiosk-contact-title">{t('kiosk.form.yourDetails')}</h2>
      <KioskTextField
        label={t('kiosk.field.phone')}
        hint={t('kiosk.form.phoneHint')}
        {...editing.fieldProps('phone')}
      />
      <KioskTextField
        label={t('kiosk.field.email')}
        hint={t('kiosk.form.emailHint')}
        {...editing.fieldProps('email')}
      />
      <label className={emailWorks ? 'kiosk-check' : 'kiosk-check kiosk-check-disabled'}>
        <input
          type="checkbox"
          name="sendDeclarationCopy"
          checked={form.sendDeclarationCopy && emailWorks}
          disabled={!emailWorks}
          onChange={(event) => editing.edit({ sendDeclarationCopy: event.target.checked })}
        />
        <span>
          {t('kiosk.form.sendCopy')}
          {!emailWorks && <span className="kiosk-hint"> {t('kiosk.form.sendCopyNeedsEmail')}</span>}
        </span>
      </label>
    </section>
  );
}
