import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { ReportExport, ReportFilter, ReportFormat } from '../../../preload/contract/areas/reports.ts';
import { uiLanguages } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { saveExportFile } from './save-export-file.ts';

const formats: readonly ReportFormat[] = ['csv', 'xlsx', 'pdf'];

type ExportState =
  | { state: 'idle' }
  | { state: 'exporting'; format: ReportFormat }
  | { state: 'saved'; fileName: string }
  | { state: 'failed'; error: ApiError };

/**
 * The report of the current filters as a file, in the screen's language. The backend writes each
 * export to the audit trail; the page only saves what it gets.
 */
export function ExportButtons({
  filter,
  disabled,
  onExported,
  save = saveExportFile,
}: {
  filter: ReportFilter;
  disabled: boolean;
  /** After a file was made (the audit list then shows its entry). */
  onExported?: () => void;
  /** Where the file goes: a download (tests pass their own). */
  save?: (file: ReportExport) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<ExportState>({ state: 'idle' });
  const language = uiLanguages.find((one) => one === i18n.language) ?? 'vi';

  const exportAs = async (format: ReportFormat) => {
    setState({ state: 'exporting', format });
    const answer = await api.call('reports.export', { filter, format, language });
    if (!answer.ok) {
      setState({ state: 'failed', error: answer.error });
      return;
    }
    save(answer.value);
    setState({ state: 'saved', fileName: answer.value.fileName });
    onExported?.();
  };

  return (
    <div className="report-exports">
      <div className="button-row" role="group" aria-label={t('reports.export.label')}>
        {formats.map((format) => {
          const busy = state.state === 'exporting' && state.format === format;
          return (
            <button
              key={format}
              type="button"
              className="button-secondary"
              data-action={`export-${format}`}
              aria-busy={busy || undefined}
              disabled={disabled || state.state === 'exporting'}
              onClick={() => void exportAs(format)}
            >
              {busy ? t('reports.export.working') : t(`reports.export.${format}`)}
            </button>
          );
        })}
      </div>
      <div aria-live="polite">
        {state.state === 'saved' && (
          <p className="ok-message" data-testid="export-done">
            {t('reports.export.done', { name: state.fileName })}
          </p>
        )}
      </div>
      {state.state === 'failed' && <ErrorMessage error={state.error} testId="export-error" />}
    </div>
  );
}
