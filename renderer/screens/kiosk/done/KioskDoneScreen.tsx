import { useTranslation } from 'react-i18next';
import { InstallVssid } from '../install/InstallVssid.tsx';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import { useOpenVisit } from '../visit/kiosk-visit-context.tsx';
import { PrintStatus } from './PrintStatus.tsx';
import { usePrintOnArrival } from './use-print-on-arrival.ts';
import { useReceiptCode } from './use-receipt-code.ts';

/**
 * Step 4: the form is filed. The code (the central's, or this kiosk's reference while it is
 * offline, replaced as soon as the code arrives), the ticket number, what to do next, the print,
 * and the VssID app, where the approval will arrive. "Finish" ends the visit.
 */
export function KioskDoneScreen() {
  const { t } = useTranslation();
  const { visit } = useOpenVisit();
  const { printAgain } = usePrintOnArrival();
  useReceiptCode();
  const receipt = visit.receipt;
  if (!receipt) return null;
  const code = receipt.registrationCode ?? receipt.reference;
  const office = receipt.officeName ?? receipt.officeCode;
  const unprinted = visit.print.state === 'failed' || visit.print.state === 'error';
  return (
    <KioskScreen name="kiosk-done" title={t('kiosk.done.title')} step="done" finish>
      <div className="kiosk-done-grid">
        <div className="kiosk-done-main">
          <div className="kiosk-code-box">
            <p>{receipt.registrationCode ? t('kiosk.done.codeLabel') : t('kiosk.done.referenceLabel')}</p>
            <strong className="kiosk-code" data-registration-code={code} data-testid="registration-code">
              {code}
            </strong>
            {visit.print.state === 'printed' && visit.print.formCode !== code && (
              // Printed offline, numbered since: the paper's reference and the code are one form.
              <p className="kiosk-hint" data-testid="paper-reference">
                {t('kiosk.done.paperReference', { reference: visit.print.formCode })}
              </p>
            )}
            {!receipt.registrationCode && receipt.syncState === 'pending' && (
              <p className="kiosk-hint" data-testid="offline-note">
                {t('kiosk.done.offline')}
              </p>
            )}
            {receipt.syncState === 'invalid' && (
              <p className="kiosk-notice kiosk-notice-problem" role="alert" data-testid="sync-invalid">
                {t('kiosk.done.invalid')}
              </p>
            )}
          </div>
          <div className="kiosk-ticket" data-testid="ticket-number" data-ticket={receipt.ticketNumber}>
            <span>{t('kiosk.done.ticket')}</span>
            <strong>{receipt.ticketNumber}</strong>
          </div>
          {unprinted && <p className="kiosk-hint">{t('kiosk.done.rememberTicket')}</p>}
          <h2>{t('kiosk.done.nextTitle')}</h2>
          {/* Without paper the steps are the counter's: nothing to take from the printer or sign here. */}
          {unprinted ? (
            <p data-testid="next-steps">{t('kiosk.done.stepCounterUnprinted', { office })}</p>
          ) : (
            <ol className="kiosk-next-steps" data-testid="next-steps">
              <li>{t('kiosk.done.stepTake')}</li>
              <li>{t('kiosk.done.stepSign')}</li>
              <li>{t('kiosk.done.stepCounter', { office })}</li>
            </ol>
          )}
          {receipt.sendDeclarationCopy && receipt.email && (
            <p data-testid="email-copy">{t('kiosk.done.emailCopy', { email: receipt.email })}</p>
          )}
        </div>
        <div className="kiosk-done-side">
          <PrintStatus progress={visit.print} onPrintAgain={printAgain} />
          <InstallVssid compact />
        </div>
      </div>
    </KioskScreen>
  );
}
