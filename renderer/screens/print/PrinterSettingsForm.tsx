import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { OperationResult } from '../../../preload/contract/operations.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { PrintAttemptResult, type PrintAttempt } from './PrintAttemptResult.tsx';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** Sentinel option value for "the system's default printer" (a real printer name is never empty). */
const systemDefault = '';

type Saved =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: ApiError };

/**
 * The administrator chooses this PC's printer from the ones the OS spooler lists (or the system
 * default), the paper and the copies, and prints a test page to see the real result before the
 * first citizen's form depends on it.
 */
export function PrinterSettingsForm({
  initial,
  onSaved,
}: {
  initial: Settings['printer'];
  onSaved: (settings: Settings) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [listed, setListed] = useState<OperationResult<'printers.list'> | null>(null);
  const [draft, setDraft] = useState({
    printerName: initial.printerName ?? systemDefault,
    paperSize: initial.paperSize,
    copies: String(initial.copies),
  });
  const [saved, setSaved] = useState<Saved>({ state: 'idle' });
  const [test, setTest] = useState<PrintAttempt>({ state: 'idle' });

  const load = useCallback(
    () =>
      api.call('printers.list', {}).then((answer) => {
        if (answer.ok) setListed(answer.value);
      }),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const refresh = () => {
    setListed(null);
    void load();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved({ state: 'saving' });
    const answer = await api.call('settings.set', {
      patch: {
        printer: {
          printerName: draft.printerName === systemDefault ? null : draft.printerName,
          paperSize: draft.paperSize,
          copies: Number(draft.copies),
        },
      },
    });
    if (answer.ok) {
      onSaved(answer.value);
      setSaved({ state: 'saved' });
    } else setSaved({ state: 'failed', error: answer.error });
  };

  const printTest = async () => {
    setTest({ state: 'printing' });
    const answer = await api.call('print.testPage', {
      printerName: draft.printerName === systemDefault ? null : draft.printerName,
    });
    setTest(answer.ok ? { state: 'finished', job: answer.value } : { state: 'error', error: answer.error });
    void load();
  };

  const printers = listed?.printers ?? [];
  const defaultPrinter = printers.find((printer) => printer.isDefault)?.name ?? null;
  const chosenMissing =
    draft.printerName !== systemDefault &&
    listed !== null &&
    !printers.some((p) => p.name === draft.printerName);

  return (
    <form className="form-card" data-testid="printer-settings" onSubmit={(event) => void submit(event)}>
      <h2>{t('printerSettings.title')}</h2>
      {listed === null && <p aria-busy="true">{t('print.lookingForPrinter')}</p>}
      {listed?.unavailable && (
        <p className="warning-message" data-testid="spooler-unavailable">
          {t('printerSettings.unavailable', { reason: listed.unavailable })}
        </p>
      )}
      <label>
        {t('printerSettings.printer')}
        <select
          name="printerName"
          value={draft.printerName}
          onChange={(event) => setDraft({ ...draft, printerName: event.target.value })}
        >
          <option value={systemDefault}>
            {defaultPrinter
              ? t('printerSettings.systemDefaultNamed', { printer: defaultPrinter })
              : t('printerSettings.systemDefault')}
          </option>
          {printers.map((printer) => (
            <option key={printer.name} value={printer.name}>
              {printer.description && printer.description !== printer.name
                ? `${printer.name} — ${printer.description}`
                : printer.name}
              {printer.state === 'stopped' || !printer.acceptingJobs
                ? ` (${t('printerSettings.stopped')})`
                : ''}
            </option>
          ))}
          {chosenMissing && (
            <option
              value={draft.printerName}
            >{`${draft.printerName} (${t('printerSettings.missing')})`}</option>
          )}
        </select>
      </label>
      <button type="button" className="button-link" data-action="refresh-printers" onClick={refresh}>
        {t('printerSettings.refresh')}
      </button>
      <label>
        {t('printerSettings.paperSize')}
        <select
          name="paperSize"
          value={draft.paperSize}
          onChange={(event) => setDraft({ ...draft, paperSize: event.target.value as 'A4' | 'A5' })}
        >
          <option value="A4">A4</option>
          <option value="A5">A5</option>
        </select>
      </label>
      <label>
        {t('printerSettings.copies')}
        <input
          name="copies"
          type="number"
          min={1}
          max={5}
          required
          value={draft.copies}
          onChange={(event) => setDraft({ ...draft, copies: event.target.value })}
        />
      </label>
      {saved.state === 'failed' && <ErrorMessage error={saved.error} />}
      {saved.state === 'saved' && (
        <p role="status" className="ok-message" data-testid="printer-settings-saved">
          {t('admin.saved')}
        </p>
      )}
      {test.state === 'printing' && (
        <p role="status" aria-busy="true">
          {t('print.printing')}
        </p>
      )}
      <PrintAttemptResult
        attempt={test}
        testId="test-page-result"
        doneText={(job) =>
          t('printerSettings.testDone', {
            printer: job.printerName ?? defaultPrinter ?? t('print.defaultPrinter'),
          })
        }
      />
      <div className="button-row">
        <button
          type="submit"
          className="button-primary"
          data-action="save-printer-settings"
          disabled={saved.state === 'saving'}
        >
          {t('admin.save')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-action="print-test-page"
          disabled={test.state === 'printing' || listed === null || listed.spooler === 'none'}
          onClick={() => void printTest()}
        >
          {t('printerSettings.testPage')}
        </button>
      </div>
    </form>
  );
}
