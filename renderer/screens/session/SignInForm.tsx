import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import { useSession } from '../../app/session-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** Staff id and password, checked offline against the synced staff directory. */
export function SignInForm({ autoFocus = true }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await signIn(username, password);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setPassword('');
    }
  };

  return (
    <form className="form-card" onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <label>
        {t('signIn.username')}
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus={autoFocus}
          required
          maxLength={64}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
      </label>
      <label>
        {t('signIn.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {error && <ErrorMessage error={error} />}
      <button type="submit" className="button-primary" data-action="sign-in" disabled={busy}>
        {busy ? t('signIn.checking') : t('signIn.submit')}
      </button>
    </form>
  );
}
