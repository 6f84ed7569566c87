import { useTranslation } from 'react-i18next';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import { useRouter } from '../../app/router-context.tsx';
import type { ScannedCardsForRoute } from '../../app/routes.ts';
import { formatDateTime, formatIsoDate } from '../../format/format-date.ts';

/**
 * Registrations as rows an officer can tell apart at a glance; each opens its verification, carrying
 * the card scanned for it (when there is one) so the verification can compare it field by field.
 */
export function RegistrationList({
  rows,
  cards,
  caption,
  testId = 'registration-list',
}: {
  rows: WireRegistration[];
  cards: ScannedCardsForRoute | null;
  caption: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  return (
    <table className="registration-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('counterHome.column.fullName')}</th>
          <th scope="col">{t('counterHome.column.dateOfBirth')}</th>
          <th scope="col">{t('counterHome.column.idNumber')}</th>
          <th scope="col">{t('counterHome.column.channel')}</th>
          <th scope="col">{t('counterHome.column.submittedAt')}</th>
          <th scope="col">{t('counterHome.column.status')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('counterHome.column.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ registration, localState }) => {
          return (
            <tr
              key={registration.code}
              data-registration-code={registration.code}
              data-status={registration.status}
            >
              <td className="registration-name" data-label={t('counterHome.column.fullName')}>
                {registration.fullName}
                {registration.guardian && (
                  <span className="registration-tag">{t('counterHome.childTag')}</span>
                )}
                <span className="registration-code">{registration.code}</span>
              </td>
              <td data-label={t('counterHome.column.dateOfBirth')}>
                {formatIsoDate(registration.dateOfBirth) ?? registration.dateOfBirth}
              </td>
              <td className="registration-number" data-label={t('counterHome.column.idNumber')}>
                {registration.idDocument.number}
              </td>
              <td data-label={t('counterHome.column.channel')}>{t(`channel.${registration.channel}`)}</td>
              <td data-label={t('counterHome.column.submittedAt')}>
                {formatDateTime(registration.submittedAt)}
              </td>
              <td data-label={t('counterHome.column.status')}>
                <span className={`registration-status status-${registration.status}`}>
                  {t(`registrationStatus.${registration.status}`)}
                </span>
                {localState !== 'synced' && (
                  <span className="registration-local-state">{t(`localState.${localState}`)}</span>
                )}
              </td>
              <td className="registration-action">
                <button
                  type="button"
                  className="button-primary"
                  data-action="open-registration"
                  aria-label={t('counterHome.openNamed', {
                    name: registration.fullName,
                    code: registration.code,
                  })}
                  // A list page may be old: the verification reads the registration afresh.
                  onClick={() =>
                    navigate({ name: 'verification', registrationCode: registration.code, cards })
                  }
                >
                  {t('counter.open')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
