import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../../../../main/core/registration/registration.ts';

/**
 * Where a registration stands, as the citizen needs to hear it: waiting for them at the counter,
 * approved, refused (and why), or not yet at the central service because this kiosk is offline.
 */
export function StatusInWords({
  status,
  waitingForSync,
  reasonCode,
}: {
  status: RegistrationStatus;
  waitingForSync: boolean;
  reasonCode: string | null;
}) {
  const { t } = useTranslation();
  const key = waitingForSync && status === 'pending' ? 'notSent' : status;
  return (
    <div className={`kiosk-status-words kiosk-status-${key}`} data-testid="status-words" data-status={key}>
      <p className="kiosk-status-title">{t(`kiosk.status.word.${key}`)}</p>
      {status === 'rejected' && reasonCode && (
        <p data-testid="rejection-reason" data-reason={reasonCode}>
          {t('kiosk.status.reason', {
            reason: t(`rejectionReason.${reasonCode}`, { defaultValue: t('rejectionReason.other') }),
          })}
        </p>
      )}
      <p>{t(`kiosk.status.todo.${key}`)}</p>
    </div>
  );
}
