import { useTranslation } from 'react-i18next';
import type { ScanNotice } from './scan-notice.ts';

/**
 * Why a scan was not taken, in plain words, and what to do. A scanner set up wrongly is not the
 * citizen's to fix: they are told to ask staff (or use the camera), and the staff's fix is added
 * in small print for whoever comes to help.
 */
export function ScanNoticeView({ notice }: { notice: ScanNotice }) {
  return (
    <div
      className="kiosk-notice kiosk-notice-problem"
      role="alert"
      data-testid="scan-notice"
      data-kind={notice.kind}
    >
      <NoticeText notice={notice} />
    </div>
  );
}

function NoticeText({ notice }: { notice: ScanNotice }) {
  const { t } = useTranslation();
  switch (notice.kind) {
    case 'damaged':
      return (
        <div data-testid="scan-damage" data-kind={notice.damage.kind}>
          <p className="kiosk-notice-title">{t(`kiosk.scanDamage.${notice.damage.kind}`)}</p>
          <p>{t('kiosk.scanDamage.whatToDo')}</p>
          <p className="kiosk-staff-note" data-testid="scan-fix" data-fix={notice.damage.fix}>
            {t('kiosk.scanDamage.forStaff', { fix: t(`scanFix.${notice.damage.fix}`) })}
          </p>
        </div>
      );
    case 'unreadable':
      return (
        <>
          <p className="kiosk-notice-title" data-code={notice.code}>
            {t(
              notice.code === 'not-an-id-payload' || notice.code === 'payload-too-large'
                ? 'kiosk.cardError.notACard'
                : 'kiosk.cardError.unreadable',
            )}
          </p>
          <p>{t('kiosk.cardError.whatToDo')}</p>
        </>
      );
    case 'health-card-other-person':
      return (
        <>
          <p className="kiosk-notice-title">{t('kiosk.scanNotice.otherPersonTitle')}</p>
          <p>
            {t('kiosk.scanNotice.otherPerson', {
              healthCardName: notice.healthCardName,
              idCardName: notice.idCardName,
            })}
          </p>
        </>
      );
    case 'health-card-dropped':
      return (
        <p className="kiosk-notice-title">
          {t('kiosk.scanNotice.healthCardDropped', { name: notice.healthCardName })}
        </p>
      );
    default:
      return <p className="kiosk-notice-title">{t(`kiosk.scanNotice.${notice.kind}`)}</p>;
  }
}
