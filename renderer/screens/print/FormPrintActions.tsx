import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintAttemptResult, type PrintAttempt } from './PrintAttemptResult.tsx';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import { PrintDialog } from './PrintDialog.tsx';

/**
 * The registration's declaration form: reprint it in one action (a citizen came without it), or
 * open the preview first. A failed print says why and where the job waits for a retry.
 */
export function FormPrintActions({ registrationCode }: { registrationCode: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const [previewing, setPreviewing] = useState(false);
  const [reprint, setReprint] = useState<PrintAttempt>({ state: 'idle' });

  const print = async () => {
    setReprint({ state: 'printing' });
    const answer = await api.call('print.submit', { registrationCode });
    setReprint(
      answer.ok ? { state: 'finished', job: answer.value } : { state: 'error', error: answer.error },
    );
  };

  return (
    <section className="form-print" aria-label={t('print.sectionLabel')}>
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          data-action="reprint"
          disabled={reprint.state === 'printing' || previewing}
          onClick={() => void print()}
        >
          {reprint.state === 'printing' ? t('print.printing') : t('print.reprint')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-action="preview-form"
          disabled={reprint.state === 'printing'}
          onClick={() => setPreviewing(true)}
        >
          {t('print.preview')}
        </button>
      </div>
      <PrintAttemptResult
        attempt={reprint}
        testId="print-result"
        doneText={(job) => t('print.done', { printer: job.printerName ?? t('print.defaultPrinter') })}
        afterFailure={
          <p>
            {t('print.keptForRetry')}{' '}
            <button
              type="button"
              className="button-link"
              data-action="print-queue"
              onClick={() => navigate({ name: 'print-queue' })}
            >
              {t('nav.print-queue')}
            </button>
          </p>
        }
      />
      {previewing && (
        <PrintDialog
          registrationCode={registrationCode}
          onClose={() => setPreviewing(false)}
          // A form printed from the preview is the result this section shows too, so nobody presses
          // reprint for a form that already came out.
          onPrinted={(job) => setReprint({ state: 'finished', job })}
        />
      )}
    </section>
  );
}
