import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveBar } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

const fields = [
  { name: 'idleLockMinutes', min: 0.05, max: 120, step: 'any' },
  { name: 'maxFailedSignIns', min: 1, max: 20, step: '1' },
  { name: 'lockoutMinutes', min: 0.05, max: 24 * 60, step: 'any' },
] as const;
type Field = (typeof fields)[number]['name'];

/** The idle lock and the lockout after failed sign-ins, applied to the session at once. */
export function SecuritySection({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { saveState, run } = useSaveState();
  const [draft, setDraft] = useState<Record<Field, string>>({
    idleLockMinutes: String(settings.security.idleLockMinutes),
    maxFailedSignIns: String(settings.security.maxFailedSignIns),
    lockoutMinutes: String(settings.security.lockoutMinutes),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await run(() =>
      api.call('settings.set', {
        patch: {
          security: {
            idleLockMinutes: Number(draft.idleLockMinutes),
            maxFailedSignIns: Number(draft.maxFailedSignIns),
            lockoutMinutes: Number(draft.lockoutMinutes),
          },
        },
      }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <AdminSectionFrame section="security" hint={t('admin.security.hint')}>
      <form className="admin-form" data-testid="admin-security" onSubmit={(event) => void submit(event)}>
        <div className="admin-fields">
          {fields.map(({ name, min, max, step }) => (
            <label key={name}>
              {t(`admin.security.${name}`)}
              <input
                name={name}
                type="number"
                required
                min={min}
                max={max}
                step={step}
                value={draft[name]}
                onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
              />
            </label>
          ))}
        </div>
        <SaveBar saveState={saveState} testId="security-saved" action="save-security" />
      </form>
    </AdminSectionFrame>
  );
}
