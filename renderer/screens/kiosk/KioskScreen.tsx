import { useTranslation } from 'react-i18next';

/** The self-service kiosk's welcome screen; the registration flow builds on it (kiosk issue). */
export function KioskScreen() {
  const { t } = useTranslation();
  return (
    <section className="kiosk-welcome" data-testid="kiosk-welcome">
      <h1>{t('kiosk.welcome')}</h1>
      <p>{t('kiosk.hint')}</p>
    </section>
  );
}
