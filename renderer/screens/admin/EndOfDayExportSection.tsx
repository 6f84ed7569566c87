import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndOfDayStatus } from '../../../preload/contract/areas/reports.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { formatDateTime, formatIsoDate } from '../../format/format-date.ts';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveBar } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

type Export = Settings['reports']['endOfDayExport'];
const formats = ['csv', 'xlsx', 'pdf'] as const;

/** The day's report written to a folder every day at a set time, and how the last run went. */
export function EndOfDayExportSection({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { saveState, run } = useSaveState();
  const [draft, setDraft] = useState<Export>(settings.reports.endOfDayExport);
  const [status, setStatus] = useState<EndOfDayStatus | null | 'unavailable'>(null);

  const refreshStatus = useCallback(
    () =>
      api
        .call('reports.endOfDayStatus', {})
        .then((result) => setStatus(result.ok ? result.value : 'unavailable')),
    [api],
  );
  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const folder = draft.folder?.trim() ?? '';
    const saved = await run(() =>
      api.call('settings.set', {
        patch: {
          reports: {
            endOfDayExport: {
              enabled: draft.enabled,
              folder: folder === '' ? null : folder,
              time: draft.time,
              formats: draft.formats,
            },
          },
        },
      }),
    );
    if (saved) {
      onSaved(saved);
      void refreshStatus();
    }
  };
  const toggleFormat = (format: (typeof formats)[number], on: boolean) =>
    setDraft({
      ...draft,
      formats: formats.filter((each) => (each === format ? on : draft.formats.includes(each))),
    });

  return (
    <AdminSectionFrame section="end-of-day" hint={t('admin.endOfDay.hint')}>
      <form className="admin-form" data-testid="admin-end-of-day" onSubmit={(event) => void submit(event)}>
        <label className="checkbox">
          <input
            type="checkbox"
            name="enabled"
            checked={draft.enabled}
            onChange={(event) => setDraft({ ...draft, enabled: event.target.checked })}
          />
          {t('admin.endOfDay.enabled')}
        </label>
        <div className="admin-fields">
          <label className="admin-field-wide">
            {t('admin.endOfDay.folder')}
            <input
              name="folder"
              placeholder={t('admin.endOfDay.folderPlaceholder')}
              required={draft.enabled}
              value={draft.folder ?? ''}
              onChange={(event) => setDraft({ ...draft, folder: event.target.value })}
            />
          </label>
          <label>
            {t('admin.endOfDay.time')}
            {/* Text, not type="time": that shows the browser's 12-hour clock on an English OS. */}
            <input
              name="time"
              required
              inputMode="numeric"
              pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
              placeholder="17:30"
              maxLength={5}
              value={draft.time}
              onChange={(event) => setDraft({ ...draft, time: event.target.value })}
            />
          </label>
        </div>
        <fieldset className="admin-checkbox-group">
          <legend>{t('admin.endOfDay.formats')}</legend>
          {formats.map((format) => (
            <label key={format} className="checkbox">
              <input
                type="checkbox"
                name="formats"
                value={format}
                checked={draft.formats.includes(format)}
                disabled={draft.formats.length === 1 && draft.formats.includes(format)}
                onChange={(event) => toggleFormat(format, event.target.checked)}
              />
              {format.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <SaveBar saveState={saveState} testId="end-of-day-saved" action="save-end-of-day" />
      </form>
      <LastRun status={status} />
    </AdminSectionFrame>
  );
}

function LastRun({ status }: { status: EndOfDayStatus | null | 'unavailable' }) {
  const { t } = useTranslation();
  if (status === null) return null;
  let text: string;
  let tone = 'hint';
  if (status === 'unavailable') text = t('admin.endOfDay.statusUnavailable');
  else if (status.lastError) {
    tone = 'error-message';
    text = t('admin.endOfDay.lastFailed', {
      time: status.lastErrorAt ? formatDateTime(status.lastErrorAt) : '—',
      reason: t(`reports.endOfDay.failure.${status.lastError.code}`),
    });
  } else if (status.lastRunAt) {
    text = t('admin.endOfDay.lastRun', {
      day: formatIsoDate(status.lastRunDay) ?? '',
      time: formatDateTime(status.lastRunAt),
      files: status.lastFiles.join(', '),
    });
  } else text = t('admin.endOfDay.neverRun');
  return (
    <p className={`admin-last-run ${tone}`} data-testid="end-of-day-status">
      {text}
    </p>
  );
}
