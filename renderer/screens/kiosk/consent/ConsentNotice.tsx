import { useTranslation } from 'react-i18next';

const parts = ['who', 'what', 'why', 'howLong', 'rights'] as const;

/**
 * The notice on the processing of personal data (Decree 13/2023/NĐ-CP, art. 13): who processes it,
 * what data, why, how long this kiosk keeps it, and the citizen's rights, in short plain sentences.
 */
export function ConsentNotice({ guardian }: { guardian: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-consent-notice" data-testid="consent-notice">
      <p className="kiosk-lead">{t('kiosk.consent.intro')}</p>
      <dl>
        {parts.map((part) => (
          <div key={part} className="kiosk-consent-part" data-part={part}>
            <dt>{t(`kiosk.consent.${part}Title`)}</dt>
            <dd>
              {t(`kiosk.consent.${part}`)}
              {part === 'what' && guardian && ` ${t('kiosk.consent.whatGuardian')}`}
            </dd>
          </div>
        ))}
        <div className="kiosk-consent-law">
          <dt>{t('kiosk.consent.lawTitle')}</dt>
          <dd>{t('kiosk.consent.law')}</dd>
        </div>
      </dl>
    </div>
  );
}
