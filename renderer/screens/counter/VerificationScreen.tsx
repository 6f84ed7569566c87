import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../preload/contract/areas/registrations.ts';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, formatIsoDate } from '../../format/format-date.ts';
import { FormPrintActions } from '../print/FormPrintActions.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';

type Loaded =
  | { state: 'loading' }
  | { state: 'loaded'; stored: WireRegistration }
  | { state: 'missing' }
  | { state: 'failed'; error: ApiError };

/**
 * One registration and the officer's decision on it. The decision is the signed-in officer's (the
 * backend takes it from the session); a registration decided elsewhere shows who decided what, when.
 */
export function VerificationScreen({ registrationCode }: { registrationCode: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void api.call('registrations.search', { query: registrationCode }).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setLoaded({ state: 'failed', error: result.error });
      const stored = result.value.find((row) => row.registration.code === registrationCode);
      setLoaded(stored ? { state: 'loaded', stored } : { state: 'missing' });
    });
    return () => {
      cancelled = true;
    };
  }, [api, registrationCode]);

  return (
    <section className="verification" data-screen="verification" data-registration-code={registrationCode}>
      <button
        type="button"
        className="button-link"
        data-action="home"
        onClick={() => navigate({ name: 'counter-home' })}
      >
        {t('verification.back')}
      </button>
      <h1>{t('verification.title', { code: registrationCode })}</h1>
      {loaded.state === 'loading' && <p aria-busy="true">{t('verification.loading')}</p>}
      {loaded.state === 'failed' && <ErrorMessage error={loaded.error} />}
      {loaded.state === 'missing' && <p role="alert">{t('verification.missing')}</p>}
      {loaded.state === 'loaded' && (
        <>
          <RegistrationDetails stored={loaded.stored} />
          <FormPrintActions registrationCode={registrationCode} />
          <DecisionPanel
            stored={loaded.stored}
            onDecided={(stored) => setLoaded({ state: 'loaded', stored })}
          />
        </>
      )}
    </section>
  );
}

function RegistrationDetails({ stored }: { stored: WireRegistration }) {
  const { t } = useTranslation();
  const registration = stored.registration;
  const rows: Array<[string, string]> = [
    ['fullName', registration.fullName],
    ['dateOfBirth', formatIsoDate(registration.dateOfBirth) ?? registration.dateOfBirth],
    ['sex', t(`value.${registration.sex}`)],
    [
      'idDocument',
      `${t(`idDocumentType.${registration.idDocument.type}`)} ${registration.idDocument.number}`,
    ],
    ['socialInsuranceNumber', registration.socialInsuranceNumber],
    ['address', registration.address],
    ['phone', registration.phone ?? t('value.none')],
    ['email', registration.email ?? t('value.none')],
    ['channel', t(`channel.${registration.channel}`)],
    ['submittedAt', formatDateTime(registration.submittedAt)],
    ['status', t(`registrationStatus.${registration.status}`)],
  ];
  if (registration.guardian) {
    rows.push([
      'guardian',
      `${registration.guardian.fullName} (${registration.guardian.relationship}, ${registration.guardian.idNumber})`,
    ]);
  }
  return (
    <dl className="field-list registration-details">
      {rows.map(([name, value]) => (
        <div key={name} className="field-row" data-field={name}>
          <dt>{t(`registrationField.${name}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
