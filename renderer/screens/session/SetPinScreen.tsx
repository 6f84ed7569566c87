import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import { useSession } from '../../app/session-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

const pinPattern = /^\d{4,6}$/;

/** First sign-in on this PC: the officer picks the PIN that will unlock an idle-locked screen. */
export function SetPinScreen() {
  const { t } = useTranslation();
  const { session, setPin } = useSession();
  const [pin, setPinText] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<'format' | 'mismatch' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!pinPattern.test(pin)) return setProblem('format');
    if (pin !== confirm) return setProblem('mismatch');
    setProblem(null);
    setBusy(true);
    const result = await setPin(pin);
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <section className="session-screen" data-screen="set-pin">
      <h1>{t('setPin.title', { name: session?.fullName ?? '' })}</h1>
      <p className="hint">{t('setPin.hint')}</p>
      <form className="form-card" onSubmit={(event) => void submit(event)}>
        <label>
          {t('setPin.pin')}
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            maxLength={6}
            value={pin}
            onChange={(event) => setPinText(event.target.value.replace(/\D/g, ''))}
          />
        </label>
        <label>
          {t('setPin.confirm')}
          <input
            name="pinConfirm"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={confirm}
            onChange={(event) => setConfirm(event.target.value.replace(/\D/g, ''))}
          />
        </label>
        {problem && (
          <p className="error-message" role="alert" data-code={`pin-${problem}`}>
            {t(`setPin.${problem}`)}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button-primary" data-action="set-pin" disabled={busy}>
          {t('setPin.submit')}
        </button>
      </form>
    </section>
  );
}
