import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import { uiLanguages, type Settings } from '../../../preload/contract/settings-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PrinterSettingsForm } from '../print/PrinterSettingsForm.tsx';

type Saved =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: ApiError };

/**
 * The administrator's screen for this PC: office, counter, central service, language and idle
 * lock, applied without a restart (every screen gets `settings.changed`), the printer, and
 * enrollment with a one-time code. Scanners are set on the scanner test page; the rest of the
 * administration (rejection reasons, backups) comes with the administration work.
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    void api.call('settings.get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else setLoadError(result.error);
    });
  }, [api]);

  return (
    <section className="admin" data-screen="admin">
      <h1>{t('admin.title')}</h1>
      {loadError && <ErrorMessage error={loadError} />}
      {settings && <SettingsForm initial={settings} onSaved={setSettings} />}
      {settings && <PrinterSettingsForm initial={settings.printer} onSaved={setSettings} />}
      <EnrollmentForm />
    </section>
  );
}

function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState({
    officeCode: initial.officeCode,
    counterId: initial.counterId,
    centralUrl: initial.centralUrl ?? '',
    language: initial.language,
    idleLockMinutes: String(initial.security.idleLockMinutes),
  });
  const [saved, setSaved] = useState<Saved>({ state: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved({ state: 'saving' });
    const result = await api.call('settings.set', {
      patch: {
        officeCode: draft.officeCode.trim(),
        counterId: draft.counterId.trim(),
        centralUrl: draft.centralUrl.trim() === '' ? null : draft.centralUrl.trim(),
        language: draft.language,
        security: { idleLockMinutes: Number(draft.idleLockMinutes) },
      },
    });
    if (result.ok) {
      onSaved(result.value);
      setSaved({ state: 'saved' });
    } else setSaved({ state: 'failed', error: result.error });
  };
  const text = (name: 'officeCode' | 'counterId' | 'centralUrl' | 'idleLockMinutes') => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <form className="form-card" onSubmit={(event) => void submit(event)}>
      <h2>{t('admin.settingsTitle')}</h2>
      <label>
        {t('setup.officeCode')}
        <input inputMode="numeric" maxLength={5} required {...text('officeCode')} />
      </label>
      <label>
        {t('setup.counterId')}
        <input maxLength={16} required {...text('counterId')} />
      </label>
      <label>
        {t('admin.centralUrl')}
        <input type="url" placeholder={t('admin.trainingPlaceholder')} {...text('centralUrl')} />
      </label>
      <label>
        {t('admin.language')}
        <select
          name="language"
          value={draft.language}
          onChange={(event) => setDraft({ ...draft, language: event.target.value as Settings['language'] })}
        >
          {uiLanguages.map((code) => (
            <option key={code} value={code}>
              {t(`language.names.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.idleLockMinutes')}
        <input type="number" min={0.05} max={120} step="any" required {...text('idleLockMinutes')} />
      </label>
      {saved.state === 'failed' && <ErrorMessage error={saved.error} />}
      {saved.state === 'saved' && (
        <p role="status" className="ok-message" data-testid="settings-saved">
          {t('admin.saved')}
        </p>
      )}
      <button
        type="submit"
        className="button-primary"
        data-action="save-settings"
        disabled={saved.state === 'saving'}
      >
        {t('admin.save')}
      </button>
    </form>
  );
}

function EnrollmentForm() {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<Saved>({ state: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult({ state: 'saving' });
    const answer = await api.call('sync.enroll', { enrollmentCode: code });
    setResult(answer.ok ? { state: 'saved' } : { state: 'failed', error: answer.error });
    if (answer.ok) setCode('');
  };

  return (
    <form className="form-card" onSubmit={(event) => void submit(event)}>
      <h2>{t('admin.enrollTitle')}</h2>
      <p className="hint">{t('admin.enrollHint')}</p>
      <label>
        {t('setup.enrollmentCode')}
        <input
          name="enrollmentCode"
          autoComplete="off"
          required
          maxLength={64}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      {result.state === 'failed' && <ErrorMessage error={result.error} />}
      {result.state === 'saved' && (
        <p role="status" className="ok-message">
          {t('admin.enrolled')}
        </p>
      )}
      <button
        type="submit"
        className="button-primary"
        data-action="enroll"
        disabled={result.state === 'saving'}
      >
        {t('setup.submit')}
      </button>
    </form>
  );
}
