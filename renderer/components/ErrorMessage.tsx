import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../preload/contract/api-result.ts';
import { errorText } from '../errors/error-text.ts';

/** An API error in the reader's language, with what its details add (errors/error-text.ts). */
export function ErrorMessage({ error, testId }: { error: ApiError; testId?: string }) {
  const { t } = useTranslation();
  return (
    <p className="error-message" role="alert" data-code={error.code} data-testid={testId ?? 'error-message'}>
      {errorText(t, error)}
    </p>
  );
}
