import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/format-date.ts';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import { useOpenVisit } from '../visit/kiosk-visit-context.tsx';
import { StatusInWords } from './StatusInWords.tsx';

/**
 * The person already has a registration that waits for them: a second one would only be refused
 * at the counter. Its code, when it was made, where it stands, and what to do now.
 */
export function KioskExistingScreen() {
  const { t } = useTranslation();
  const { visit } = useOpenVisit();
  const existing = visit.existing;
  const code = existing ? (existing.registrationCode ?? existing.reference) : null;
  return (
    <KioskScreen name="kiosk-existing" title={t('kiosk.existing.title')} finish>
      {existing && (
        <div className="kiosk-existing">
          <p className="kiosk-lead">{t('kiosk.existing.intro')}</p>
          <dl className="kiosk-existing-facts">
            {code && (
              <div>
                <dt>{t('kiosk.existing.code')}</dt>
                <dd className="kiosk-code" data-registration-code={code}>
                  {code}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('kiosk.existing.submittedOn')}</dt>
              <dd>{formatDateTime(existing.submittedAt)}</dd>
            </div>
            {existing.officeName && (
              <div>
                <dt>{t('kiosk.existing.office')}</dt>
                <dd>{existing.officeName}</dd>
              </div>
            )}
          </dl>
          <StatusInWords
            status={existing.status}
            waitingForSync={existing.waitingForSync}
            reasonCode={null}
          />
          <p>{t('kiosk.existing.noNewForm')}</p>
        </div>
      )}
    </KioskScreen>
  );
}
