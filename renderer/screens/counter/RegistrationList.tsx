import { useTranslation } from 'react-i18next';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import { useRouter } from '../../app/router-context.tsx';
import { formatIsoDate } from '../../format/format-date.ts';

/** The registrations a scan or a search found; each opens its verification. */
export function RegistrationList({ query, rows }: { query: string; rows: WireRegistration[] }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  if (rows.length === 0) {
    return (
      <p className="lookup-none" role="status" data-testid="lookup-none">
        {t('counter.noMatch', { query })}
      </p>
    );
  }
  return (
    <section className="registration-list" data-testid="registration-list">
      <h2>{t('counter.matches', { count: rows.length })}</h2>
      <ul>
        {rows.map(({ registration, localState }) => (
          <li
            key={registration.code}
            data-registration-code={registration.code}
            data-status={registration.status}
          >
            <span className="registration-name">{registration.fullName}</span>
            <span>{formatIsoDate(registration.dateOfBirth)}</span>
            <span>{registration.idDocument.number}</span>
            <span className={`registration-status status-${registration.status}`}>
              {t(`registrationStatus.${registration.status}`)}
              {localState !== 'synced' && ` · ${t(`localState.${localState}`)}`}
            </span>
            <button
              type="button"
              className="button-secondary"
              data-action="open-registration"
              onClick={() => navigate({ name: 'verification', registrationCode: registration.code })}
            >
              {t('counter.open')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
