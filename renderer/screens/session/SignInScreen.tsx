import { useTranslation } from 'react-i18next';
import { useDisplaySettings } from '../../app/display-settings-context.tsx';
import { SignInForm } from './SignInForm.tsx';

export function SignInScreen() {
  const { t } = useTranslation();
  const { settings } = useDisplaySettings();
  return (
    <section className="session-screen" data-screen="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="hint">{t('signIn.hint', { office: settings.officeCode, counter: settings.counterId })}</p>
      <SignInForm />
    </section>
  );
}
