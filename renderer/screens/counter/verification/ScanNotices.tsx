import { useTranslation } from 'react-i18next';
import type { SourcedCardWarning } from '../../../../main/core/identity/compare-identity.ts';
import { ScanDamage } from '../../../scan/ScanDamage.tsx';
import type { ScanJoin } from './scanned-cards.ts';

/** The cards' own warnings (ID digits vs birth year/sex, unknown province, lost accents, expiry). */
export function CardWarnings({ warnings }: { warnings: SourcedCardWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="warnings" role="alert" data-testid="card-warnings">
      <h3>{t('counter.warningsTitle')}</h3>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.source}-${warning.code}`} data-testid={`warning-${warning.code}`}>
            <strong>{t(`verify.source.${warning.source}`)}:</strong>{' '}
            {t(`cardWarning.${warning.code}`, { defaultValue: warning.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What became of the last scan received on this screen when it did not simply join. */
export function ScanNotice({ join }: { join: ScanJoin | null }) {
  const { t } = useTranslation();
  if (join === null || join.kind === 'added') return null;
  if (join.kind === 'same') {
    return (
      <p className="ok-message" role="status" data-testid="scan-notice" data-kind="same">
        {t('verify.sameCard')}
      </p>
    );
  }
  if (join.kind === 'unreadable') {
    return (
      <div className="error-message" role="alert" data-testid="scan-notice" data-kind="unreadable">
        <p>
          {t('verify.unreadable')}{' '}
          {!join.scan.result.ok &&
            t(`cardError.${join.scan.result.error.code}`, { defaultValue: join.scan.result.error.message })}
        </p>
        {join.scan.damage && <ScanDamage damage={join.scan.damage} />}
      </div>
    );
  }
  const person = (scan: typeof join.held) =>
    scan.result.kind === 'cccd'
      ? `${scan.result.fields.fullName} (${scan.result.fields.idNumber})`
      : `${scan.result.fields.fullName} (${scan.result.fields.socialInsuranceNumber})`;
  return (
    <div className="warnings other-person" role="alert" data-testid="scan-notice" data-kind="other-person">
      <h3>{t('verify.otherPersonTitle')}</h3>
      <p>{t('verify.otherPerson', { scanned: person(join.scan), held: person(join.held) })}</p>
    </div>
  );
}
