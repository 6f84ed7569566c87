import { useTranslation } from 'react-i18next';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import { InstallVssid } from './InstallVssid.tsx';

/** How to get the VssID app: the store codes, and what to do once it is installed. */
export function KioskInstallScreen() {
  const { t } = useTranslation();
  return (
    <KioskScreen name="kiosk-install" title={t('kiosk.install.screenTitle')} finish>
      <p className="kiosk-lead">{t('kiosk.install.intro')}</p>
      <InstallVssid />
    </KioskScreen>
  );
}
