import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import { useApi } from '../../app/api-context.ts';
import { useDisplaySettings } from '../../app/display-settings-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/**
 * A PC that was never enrolled has no staff directory, so nobody can sign in on it yet: this first
 * set-up takes the central's one-time enrollment code as the credential, together with where the
 * central service is and which office and counter this PC is. Nothing is kept unless the code
 * enrolls the PC (sync-handlers.ts).
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { settings } = useDisplaySettings();
  const [fields, setFields] = useState({
    centralUrl: '',
    officeCode: settings.officeCode,
    counterId: settings.counterId,
    enrollmentCode: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await api.call('sync.enroll', {
      enrollmentCode: fields.enrollmentCode,
      officeCode: fields.officeCode.trim(),
      counterId: fields.counterId.trim(),
      ...(fields.centralUrl.trim() ? { centralUrl: fields.centralUrl.trim() } : {}),
    });
    setBusy(false);
    // On success the backend announces `settings.changed` (enrolled): the sign-in screen follows.
    if (!result.ok) setError(result.error);
  };

  return (
    <section className="session-screen" data-screen="setup">
      <h1>{t('setup.title')}</h1>
      <p className="hint">{t('setup.hint')}</p>
      <form className="form-card" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label>
          {t('setup.centralUrl')}
          <input type="url" placeholder="https://" required autoFocus {...field('centralUrl')} />
        </label>
        <label>
          {t('setup.officeCode')}
          <input inputMode="numeric" pattern="\d{5}" maxLength={5} required {...field('officeCode')} />
        </label>
        <label>
          {t('setup.counterId')}
          <input maxLength={16} required {...field('counterId')} />
        </label>
        <label>
          {t('setup.enrollmentCode')}
          <input autoComplete="off" spellCheck={false} required maxLength={64} {...field('enrollmentCode')} />
        </label>
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button-primary" data-action="enroll" disabled={busy}>
          {busy ? t('setup.enrolling') : t('setup.submit')}
        </button>
      </form>
    </section>
  );
}
