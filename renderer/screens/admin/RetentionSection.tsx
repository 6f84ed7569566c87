import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { OperationResult } from '../../../preload/contract/operations.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveBar } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

type Retention = OperationResult<'admin.retention'>;
const fields = [
  'registrationRetentionDays',
  'kioskPayloadRetentionDays',
  'finishedOutboxRetentionDays',
  'printJobRetentionDays',
] as const satisfies ReadonlyArray<keyof Retention>;

/** How long personal data stays on this PC, each setting explained in plain words. */
export function RetentionSection() {
  const { t } = useTranslation();
  const api = useApi();
  const { saveState, run } = useSaveState();
  const [draft, setDraft] = useState<Record<keyof Retention, string> | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    void api.call('admin.retention', {}).then((result) => {
      if (result.ok) setDraft(asDraft(result.value));
      else setLoadError(result.error);
    });
  }, [api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const patch = Object.fromEntries(fields.map((name) => [name, Number(draft[name])])) as Retention;
    const saved = await run(() => api.call('admin.setRetention', { patch }));
    if (saved) setDraft(asDraft(saved));
  };

  return (
    <AdminSectionFrame section="retention" hint={t('admin.retention.hint')}>
      {loadError && <ErrorMessage error={loadError} />}
      {draft && (
        <form className="admin-form" data-testid="admin-retention" onSubmit={(event) => void submit(event)}>
          {fields.map((name) => (
            <div key={name} className="admin-explained-field">
              <label>
                {t(`admin.retention.${name}`)}
                <span className="admin-input-unit">
                  <input
                    name={name}
                    type="number"
                    required
                    min={1}
                    max={3650}
                    step={1}
                    aria-describedby={`${name}-explained`}
                    value={draft[name]}
                    onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
                  />
                  {t('admin.retention.days')}
                </span>
              </label>
              <p className="hint" id={`${name}-explained`}>
                {t(`admin.retention.${name}Explained`)}
              </p>
            </div>
          ))}
          <SaveBar saveState={saveState} testId="retention-saved" action="save-retention" />
        </form>
      )}
    </AdminSectionFrame>
  );
}

function asDraft(retention: Retention): Record<keyof Retention, string> {
  return Object.fromEntries(fields.map((name) => [name, String(retention[name])])) as Record<
    keyof Retention,
    string
  >;
}
