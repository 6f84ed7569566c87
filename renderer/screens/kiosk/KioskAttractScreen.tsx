import { useTranslation } from 'react-i18next';

/** The self-service kiosk's first screen; the citizen's registration flow builds on it (kiosk work). */
export function KioskAttractScreen() {
  const { t } = useTranslation();
  return (
    <section className="kiosk-welcome" data-screen="kiosk-attract" data-testid="kiosk-welcome">
      <h1>{t('kiosk.welcome')}</h1>
      <p>{t('kiosk.hint')}</p>
    </section>
  );
}
