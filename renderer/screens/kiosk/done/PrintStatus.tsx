import { useTranslation } from 'react-i18next';
import { KioskErrorMessage } from '../layout/KioskErrorMessage.tsx';
import type { PrintProgress } from '../visit/visit-state.ts';

/**
 * The printer at work, or why it did not print in words a citizen understands, and what to do: the
 * form is kept, staff at the counter can print it, and "print again" tries once more.
 */
export function PrintStatus({ progress, onPrintAgain }: { progress: PrintProgress; onPrintAgain(): void }) {
  const { t } = useTranslation();
  switch (progress.state) {
    case 'idle':
    case 'sending':
    case 'printing':
      return (
        <div
          className="kiosk-print kiosk-print-busy"
          role="status"
          aria-busy="true"
          data-testid="print-result"
          data-state="printing"
        >
          <span className="kiosk-spinner" aria-hidden="true" />
          <p>{t('kiosk.print.printing')}</p>
        </div>
      );
    case 'printed':
      return (
        <div
          className="kiosk-print kiosk-print-done"
          role="status"
          data-testid="print-result"
          data-state="done"
        >
          <p className="kiosk-notice-title">{t('kiosk.print.done')}</p>
          <p>{t('kiosk.print.takeIt')}</p>
        </div>
      );
    case 'failed':
    case 'error':
      return (
        <div className="kiosk-print kiosk-print-failed" data-testid="print-result" data-state="failed">
          {progress.state === 'failed' ? (
            <div className="kiosk-notice kiosk-notice-problem" role="alert" data-code={progress.failure}>
              <p className="kiosk-notice-title">{t('kiosk.print.failed')}</p>
              <p>{t(`kiosk.printFailure.${progress.failure}`)}</p>
            </div>
          ) : (
            <KioskErrorMessage error={progress.error} testId="print-error" />
          )}
          <p>{t('kiosk.print.askCounter')}</p>
          <button type="button" className="kiosk-button" data-action="print-again" onClick={onPrintAgain}>
            {t('kiosk.print.again')}
          </button>
        </div>
      );
  }
}
