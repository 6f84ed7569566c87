import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import { useSession } from '../../app/session-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SignInForm } from './SignInForm.tsx';

/**
 * The screen after the idle lock (or "lock now"): no personal data, only who is signed in. The
 * officer unlocks with the PIN (or the password); another officer may sign in instead, which signs
 * the first one out.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const { session, unlock } = useSession();
  const [usePassword, setUsePassword] = useState(!session?.pinSet);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [otherOfficer, setOtherOfficer] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secret === '') return;
    setBusy(true);
    const result = await unlock(usePassword ? { password: secret } : { pin: secret });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setSecret('');
    }
  };

  return (
    <section className="session-screen" data-screen="lock">
      <h1>{t('lock.title')}</h1>
      <p className="hint" data-testid="lock-user">
        {t('lock.signedIn', { name: session?.fullName ?? '', id: session?.staffId ?? '' })}
      </p>
      {otherOfficer ? (
        <>
          <p className="hint">{t('lock.otherOfficerHint')}</p>
          <SignInForm />
          <button type="button" className="button-link" onClick={() => setOtherOfficer(false)}>
            {t('lock.back')}
          </button>
        </>
      ) : (
        <>
          <form className="form-card" onSubmit={(event) => void submit(event)}>
            <label>
              {usePassword ? t('lock.password') : t('lock.pin')}
              <input
                key={usePassword ? 'password' : 'pin'}
                name={usePassword ? 'password' : 'pin'}
                type="password"
                inputMode={usePassword ? undefined : 'numeric'}
                autoComplete="off"
                autoFocus
                maxLength={usePassword ? 256 : 6}
                value={secret}
                onChange={(event) =>
                  setSecret(usePassword ? event.target.value : event.target.value.replace(/\D/g, ''))
                }
              />
            </label>
            {error && <ErrorMessage error={error} />}
            <button type="submit" className="button-primary" data-action="unlock" disabled={busy}>
              {t('lock.unlock')}
            </button>
          </form>
          {session?.pinSet && (
            <button
              type="button"
              className="button-link"
              data-action={usePassword ? 'use-pin' : 'use-password'}
              onClick={() => {
                setUsePassword(!usePassword);
                setSecret('');
                setError(null);
              }}
            >
              {usePassword ? t('lock.usePin') : t('lock.usePassword')}
            </button>
          )}
          <button
            type="button"
            className="button-link"
            data-action="sign-in-other"
            onClick={() => setOtherOfficer(true)}
          >
            {t('lock.otherOfficer')}
          </button>
        </>
      )}
    </section>
  );
}
