import { useTranslation } from 'react-i18next';
import { useRouter } from '../../../app/router-context.tsx';
import { KioskLanguageSwitch } from '../layout/KioskLanguageSwitch.tsx';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import { useKioskVisit } from '../visit/kiosk-visit-context.tsx';

/** Five large buttons, each language in its own name and script; the choice goes to the cards. */
export function KioskLanguageScreen() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { language, chooseLanguage } = useKioskVisit();
  return (
    <KioskScreen name="kiosk-language" title={t('kiosk.language.title')} languages={false}>
      <p className="kiosk-lead">{t('kiosk.language.lead')}</p>
      <KioskLanguageSwitch
        current={language}
        large
        onChoose={(chosen) => {
          chooseLanguage(chosen);
          navigate({ name: 'kiosk-scan' });
        }}
      />
    </KioskScreen>
  );
}
