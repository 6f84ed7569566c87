import { useTranslation } from 'react-i18next';
import { QrSymbol } from './QrSymbol.tsx';
import { vssidStoreCodes, type VssidStore } from './vssid-store-codes.ts';

const stores: readonly VssidStore[] = ['googlePlay', 'appStore'];

/**
 * The two store pages of VssID as QR codes to scan with the citizen's phone, and the steps after
 * the install. The approval of a registration reaches the citizen in the app.
 */
export function InstallVssid({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <section
      className={compact ? 'kiosk-install kiosk-install-compact' : 'kiosk-install'}
      aria-labelledby="kiosk-install-title"
    >
      <h2 id="kiosk-install-title">{t('kiosk.install.title')}</h2>
      <div className="kiosk-install-codes">
        {stores.map((store) => (
          <figure
            key={store}
            className="kiosk-install-code"
            data-store={store}
            data-url={vssidStoreCodes[store].url}
          >
            <QrSymbol modules={vssidStoreCodes[store].modules} label={t(`kiosk.install.${store}Label`)} />
            <figcaption>{t(`kiosk.install.${store}`)}</figcaption>
          </figure>
        ))}
      </div>
      {!compact && (
        <ol className="kiosk-install-steps">
          <li>{t('kiosk.install.step1')}</li>
          <li>{t('kiosk.install.step2')}</li>
          <li>{t('kiosk.install.step3')}</li>
        </ol>
      )}
      {compact && <p className="kiosk-hint">{t('kiosk.install.afterApproval')}</p>}
    </section>
  );
}
