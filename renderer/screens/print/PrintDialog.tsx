import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { FormTemplateStatus, PrintJob, SummaryLanguage } from '../../../preload/contract/areas/print.ts';
import type { OperationResult } from '../../../preload/contract/operations.ts';
import { PrintAttemptResult, type PrintAttempt } from './PrintAttemptResult.tsx';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { downloadPdf, pdfBytesFromBase64 } from '../../print/pdf-bytes.ts';
import { releasePageImages, renderPdfPages, type PageImage } from '../../print/render-pdf-pages.ts';
import { printerTarget } from './printer-target.ts';

type Preview =
  | { state: 'loading' }
  | {
      state: 'ready';
      pdf: Uint8Array<ArrayBuffer>;
      fileName: string;
      pages: PageImage[] | null;
      template: FormTemplateStatus;
    }
  | { state: 'failed'; error: ApiError };

export type PageRenderer = (pdf: Uint8Array, cssWidth: number) => Promise<PageImage[]>;

const previewWidth = 560;

/**
 * The form as it will print, and the printing itself: the officer sees the pages, which printer
 * takes them (and whether it is ready), prints, and sees the spooler's real result — or downloads
 * the PDF when this PC has no printer. A failed job stays in the queue for a retry.
 */
export function PrintDialog({
  registrationCode,
  summaryLanguage = null,
  onClose,
  onPrinted,
  renderPages = renderPdfPages,
}: {
  registrationCode: string;
  summaryLanguage?: SummaryLanguage | null;
  onClose: () => void;
  /** Told of every print's final job (done or failed). */
  onPrinted?: (job: PrintJob) => void;
  renderPages?: PageRenderer;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [printers, setPrinters] = useState<OperationResult<'printers.list'> | null>(null);
  const [printersError, setPrintersError] = useState<ApiError | null>(null);
  const [printing, setPrinting] = useState<PrintAttempt>({ state: 'idle' });
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let images: PageImage[] = [];
    void (async () => {
      const answer = await api.call('forms.preview', { registrationCode, summaryLanguage });
      if (cancelled) return;
      if (!answer.ok) return setPreview({ state: 'failed', error: answer.error });
      const pdf = pdfBytesFromBase64(answer.value.pdfBase64);
      const ready = {
        state: 'ready',
        pdf,
        fileName: answer.value.fileName,
        template: answer.value.template,
      } as const;
      setPreview({ ...ready, pages: null });
      try {
        images = await renderPages(pdf.slice(), previewWidth);
      } catch {
        images = [];
      }
      if (cancelled) return releasePageImages(images);
      setPreview({ ...ready, pages: images });
    })();
    void api.call('printers.list', {}).then((answer) => {
      if (cancelled) return;
      if (answer.ok) setPrinters(answer.value);
      else setPrintersError(answer.error);
    });
    return () => {
      cancelled = true;
      releasePageImages(images);
    };
  }, [api, registrationCode, summaryLanguage, renderPages]);

  // Focus goes into the dialog when it opens and back to what opened it when it closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => opener?.focus();
  }, []);

  const target = printers ? printerTarget(printers) : null;
  // A stopped or unlisted printer is shown as such but not refused: the spooler's answer is the truth,
  // and a failed job waits in the queue for a retry.
  const canPrint =
    preview.state === 'ready' && target !== null && target.state !== 'none' && printing.state !== 'printing';

  const print = async (retryJobId: string | null) => {
    setPrinting({ state: 'printing' });
    // The pressed button is disabled while printing: keep the focus in the dialog (Escape, Tab).
    dialog.current?.focus();
    const answer = retryJobId
      ? await api.call('print.retry', { jobId: retryJobId })
      : await api.call('print.submit', { registrationCode, summaryLanguage });
    setPrinting(
      answer.ok ? { state: 'finished', job: answer.value } : { state: 'error', error: answer.error },
    );
    const listed = await api.call('printers.list', {});
    if (listed.ok) setPrinters(listed.value);
    if (answer.ok) onPrinted?.(answer.value);
  };
  const failedJob = printing.state === 'finished' && printing.job.state === 'failed' ? printing.job : null;

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog print-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="print-dialog-title"
        tabIndex={-1}
        data-screen="print-preview"
        data-registration-code={registrationCode}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && printing.state !== 'printing') onClose();
          if (event.key === 'Tab') keepFocusInside(event, dialog.current);
        }}
      >
        <h2 id="print-dialog-title">{t('print.previewTitle', { code: registrationCode })}</h2>
        <div className="print-dialog-body">
          <div
            className="print-pages"
            aria-busy={preview.state === 'loading' || (preview.state === 'ready' && preview.pages === null)}
          >
            {preview.state === 'loading' && <p>{t('print.rendering')}</p>}
            {preview.state === 'failed' && <ErrorMessage error={preview.error} />}
            {preview.state === 'ready' && preview.pages === null && <p>{t('print.drawingPages')}</p>}
            {preview.state === 'ready' && preview.pages?.length === 0 && (
              <p className="hint">{t('print.previewUnavailable')}</p>
            )}
            {preview.state === 'ready' &&
              preview.pages?.map((page, index) => (
                <img
                  key={page.url}
                  className="print-page"
                  src={page.url}
                  width={previewWidth}
                  height={Math.round((page.height / page.width) * previewWidth)}
                  alt={t('print.pageAlt', { page: index + 1, pages: preview.pages?.length ?? 0 })}
                  data-testid="print-page"
                />
              ))}
          </div>
          <aside className="print-side">
            {preview.state === 'ready' && preview.template.problem && (
              <p className="warning-message" role="status" data-testid="template-problem">
                {t('print.templateProblem')}
              </p>
            )}
            {printersError ? <ErrorMessage error={printersError} /> : <PrinterLine target={target} />}
            {printing.state === 'printing' && (
              <p role="status" aria-busy="true" data-testid="print-progress">
                {t('print.printing')}
              </p>
            )}
            <PrintAttemptResult
              attempt={printing}
              testId="print-result"
              doneText={(job) => t('print.done', { printer: job.printerName ?? t('print.defaultPrinter') })}
              afterFailure={<p>{t('print.keptForRetry')}</p>}
            />
            <div className="button-column">
              {failedJob ? (
                <button
                  type="button"
                  className="button-primary"
                  data-action="retry-print"
                  disabled={!canPrint}
                  onClick={() => void print(failedJob.jobId)}
                >
                  {t('print.retry')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button-primary"
                  data-action="print-form"
                  disabled={!canPrint || (printing.state === 'finished' && printing.job.state === 'done')}
                  onClick={() => void print(null)}
                >
                  {t('print.print')}
                </button>
              )}
              <button
                type="button"
                className={target?.state === 'ready' ? 'button-secondary' : 'button-primary'}
                data-action="download-form"
                disabled={preview.state !== 'ready'}
                onClick={() => preview.state === 'ready' && downloadPdf(preview.pdf, preview.fileName)}
              >
                {t('print.download')}
              </button>
              <button
                type="button"
                className="button-secondary"
                data-action="close-preview"
                disabled={printing.state === 'printing'}
                onClick={onClose}
              >
                {t('print.close')}
              </button>
            </div>
          </aside>
        </div>
      </div>
    </div>
  );
}

/** Tab and Shift+Tab cycle through the dialog's enabled controls, never out to the page behind. */
function keepFocusInside(event: KeyboardEvent<HTMLDivElement>, container: HTMLDivElement | null): void {
  if (!container) return;
  const controls = [
    ...container.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], select, input'),
  ];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return event.preventDefault();
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

function PrinterLine({ target }: { target: ReturnType<typeof printerTarget> | null }) {
  const { t } = useTranslation();
  if (target === null) return <p aria-busy="true">{t('print.lookingForPrinter')}</p>;
  if (target.state === 'none') {
    return (
      <p className="warning-message" data-testid="printer-line" data-state="none">
        {t('print.noPrinter')}
      </p>
    );
  }
  return (
    <p
      className={target.state === 'ready' ? 'printer-line' : 'warning-message'}
      data-testid="printer-line"
      data-state={target.state}
    >
      {t(`print.target.${target.state}`, { printer: target.name, reason: target.reason ?? '' })}
    </p>
  );
}
