import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { PrintJob } from '../../../preload/contract/areas/print.ts';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PrintDialog } from './PrintDialog.tsx';
import { printFailureText } from './print-failure-text.ts';

type Reprint =
  | { state: 'idle' }
  | { state: 'printing' }
  | { state: 'finished'; job: PrintJob }
  | { state: 'error'; error: ApiError };

/**
 * The registration's declaration form: reprint it in one action (a citizen came without it), or
 * open the preview first. A failed print says why and where the job waits for a retry.
 */
export function FormPrintActions({ registrationCode }: { registrationCode: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const [previewing, setPreviewing] = useState(false);
  const [reprint, setReprint] = useState<Reprint>({ state: 'idle' });

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
      {reprint.state === 'finished' && reprint.job.state === 'done' && (
        <p role="status" className="ok-message" data-testid="print-result" data-state="done">
          {t('print.done', { printer: reprint.job.printerName ?? t('print.defaultPrinter') })}
        </p>
      )}
      {reprint.state === 'finished' && reprint.job.failure && (
        <div role="alert" className="error-message" data-testid="print-result" data-state="failed">
          <p>{printFailureText(t, reprint.job.failure)}</p>
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
        </div>
      )}
      {reprint.state === 'error' && <ErrorMessage error={reprint.error} />}
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
