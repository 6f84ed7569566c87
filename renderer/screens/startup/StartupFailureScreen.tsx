import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import { readErrorDetails } from '../../../preload/contract/error-codes.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { errorText } from '../../errors/error-text.ts';
import { formatDateTime } from '../../format/format-date.ts';

export type StartupProblem =
  { kind: 'no-token' } | { kind: 'unreachable' } | { kind: 'backend'; error: ApiError };

/**
 * The app could not start: what happened and what to do, in words and in the reader's language,
 * instead of a blank window. The backend stays as it is (nothing is repaired behind anyone's back);
 * after the fix, the app is started again.
 */
export function StartupFailureScreen({ problem }: { problem: StartupProblem }) {
  const { t } = useTranslation();
  const code = problem.kind === 'backend' ? problem.error.code : problem.kind;
  return (
    <div className="startup startup-failed" role="alert" data-screen="startup-failure" data-code={code}>
      <LanguageSwitch />
      <h1>{t('startupFailure.title')}</h1>
      {problem.kind === 'no-token' && <p>{t('app.startupNoToken')}</p>}
      {problem.kind === 'unreachable' && <p>{t('startupFailure.unreachable')}</p>}
      {problem.kind === 'backend' && <BackendFailure error={problem.error} />}
      <p className="startup-restart">{t('startupFailure.restart')}</p>
    </div>
  );
}

function BackendFailure({ error }: { error: ApiError }) {
  const { t, i18n } = useTranslation();
  // zod's message is Vietnamese (written by the backend); other languages get the issue's kind.
  const issueText = (issue: { code: string; message: string }) =>
    i18n.language === 'vi'
      ? issue.message
      : t(`fieldIssue.${issue.code}`, { defaultValue: t('fieldIssue.custom') });
  const config = readErrorDetails(error, 'config-invalid');
  const corrupt = readErrorDetails(error, 'store-corrupt');
  const newer = readErrorDetails(error, 'store-from-newer-version');
  const locked = readErrorDetails(error, 'data-directory-locked');
  const unwritable = readErrorDetails(error, 'data-directory-unwritable');
  return (
    <>
      <p data-testid="startup-failure-reason">{errorText(t, error)}</p>
      <h2>{t('startupFailure.whatToDo')}</h2>
      {config && (
        <div data-testid="startup-failure-fix">
          <p>{t('startupFailure.fixConfig', { file: config.file })}</p>
          {config.issues.length > 0 && (
            <ul>
              {config.issues.map((issue) => (
                <li key={issue.path}>
                  <code>{issue.path}</code>: {issueText(issue)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {corrupt && (
        <div data-testid="startup-failure-fix">
          <p>{t('startupFailure.restoreBackup', { file: corrupt.databasePath })}</p>
          <pre className="startup-command">{corrupt.restoreCommand}</pre>
        </div>
      )}
      {newer && (
        <p data-testid="startup-failure-fix">
          {t('startupFailure.installNewer', { found: newer.found, known: newer.known })}
        </p>
      )}
      {locked && (
        <p data-testid="startup-failure-fix">
          {t('startupFailure.closeOther', {
            pid: locked.pid,
            host: locked.hostname,
            time: formatDateTime(locked.startedAt),
            file: locked.lockFile,
          })}
        </p>
      )}
      {unwritable && (
        <p data-testid="startup-failure-fix">
          {t('startupFailure.checkFolder', { folder: unwritable.dataDirectory })}
        </p>
      )}
      {!config && !corrupt && !newer && !locked && !unwritable && (
        <p data-testid="startup-failure-fix">{t(`startupFailure.generic`)}</p>
      )}
    </>
  );
}
