import { useTranslation } from 'react-i18next';
import type { IdParseResult } from '../../../main/core/id-card/id-card-types.ts';
import { formatIsoDate } from '../../format/format-date.ts';

type ParsedCard = Extract<IdParseResult, { ok: true }>;

const cccdRows = [
  'idNumber',
  'oldIdNumber',
  'fullName',
  'dateOfBirth',
  'sex',
  'address',
  'issueDate',
  'fatherName',
  'motherName',
] as const;
const bhytRows = [
  'cardNumber',
  'socialInsuranceNumber',
  'fullName',
  'dateOfBirth',
  'sex',
  'address',
  'beneficiaryGroup',
  'benefitLevel',
  'facility',
  'validFrom',
  'validTo',
  'issueDate',
  'managementCode',
  'guardian',
  'residenceArea',
  'fiveYearDate',
  'issuer',
] as const;
const dateFields = new Set(['dateOfBirth', 'issueDate', 'validFrom', 'validTo', 'fiveYearDate']);

/** The card field by field, with its warnings; values exactly as read, dates as dd/MM/yyyy. */
export function CardDetails({ card }: { card: ParsedCard }) {
  const { t } = useTranslation();
  const fields = card.fields as unknown as Record<string, unknown>;
  const rows = card.kind === 'cccd' ? cccdRows : bhytRows;

  const show = (name: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') {
      return name === 'validTo' && card.kind === 'bhyt' ? t('value.noEndDate') : t('value.none');
    }
    if (name === 'sex') return value === 'male' ? t('value.male') : t('value.female');
    if (name === 'facility' && typeof value === 'object') {
      const facility = value as { province: string; code: string };
      return `${facility.province} - ${facility.code}`;
    }
    if (dateFields.has(name) && typeof value === 'string') return formatIsoDate(value) ?? value;
    return String(value);
  };

  return (
    <section
      className="card-details"
      data-testid="card-details"
      data-kind={card.kind}
      data-format={card.format}
    >
      <header>
        <h2 data-testid="card-kind">{card.kind === 'cccd' ? t('card.kindCccd') : t('card.kindBhyt')}</h2>
        <p className="card-format" data-testid="card-format">
          {t(`card.format.${card.format}`)}
        </p>
      </header>
      <WarningList warnings={card.warnings} />
      <dl className="field-list">
        {rows
          .filter((name) => name in fields)
          .map((name) => (
            <div key={name} className="field-row" data-testid={`field-${name}`}>
              <dt>{t(`field.${name}`)}</dt>
              <dd data-testid={`value-${name}`}>{show(name, fields[name])}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

function WarningList({ warnings }: { warnings: ParsedCard['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) {
    return (
      <p className="no-warnings" data-testid="no-warnings">
        {t('counter.noWarnings')}
      </p>
    );
  }
  return (
    <div className="warnings" role="alert" data-testid="card-warnings">
      <h3>{t('counter.warningsTitle')}</h3>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.code} data-testid={`warning-${warning.code}`}>
            {t(`cardWarning.${warning.code}`, { defaultValue: warning.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}
