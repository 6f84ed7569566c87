import { useTranslation } from 'react-i18next';
import type { kioskFieldSources } from '../../../../preload/contract/areas/kiosk.ts';
import { formatIsoDate } from '../../../format/format-date.ts';
import type { KioskVisit } from '../visit/visit-state.ts';

type FieldSource = (typeof kioskFieldSources)[number];

interface Fact {
  field: string;
  label: string;
  value: string;
  source: FieldSource;
}

/**
 * What the cards gave, read-only, each with the card it came from: the citizen checks it and
 * knows that a mistake here is on the card (the counter corrects it), not something to retype.
 */
export function CardFacts({ visit }: { visit: KioskVisit }) {
  const { t } = useTranslation();
  const idCard = visit.idCard?.fields;
  if (!idCard) return null;
  const facts: Fact[] = [
    { field: 'fullName', label: t('kiosk.field.fullName'), value: idCard.fullName, source: 'id-card' },
    {
      field: 'dateOfBirth',
      label: t('kiosk.field.dateOfBirth'),
      value: formatIsoDate(idCard.dateOfBirth) ?? idCard.dateOfBirth,
      source: 'id-card',
    },
    { field: 'sex', label: t('kiosk.field.sex'), value: t(`kiosk.sex.${idCard.sex}`), source: 'id-card' },
    {
      field: 'idDocument.number',
      label: t('kiosk.field.idNumber'),
      value: idCard.idNumber,
      source: 'id-card',
    },
  ];
  const healthCard = visit.healthCard?.fields;
  if (healthCard) {
    facts.push({
      field: 'socialInsuranceNumber',
      label: t('kiosk.field.socialInsuranceNumber'),
      value: healthCard.socialInsuranceNumber,
      source: 'health-card',
    });
  }
  return (
    <section className="kiosk-facts" aria-labelledby="kiosk-facts-title">
      <h2 id="kiosk-facts-title">{t('kiosk.form.fromCards')}</h2>
      <dl>
        {facts.map((fact) => (
          <FactRow key={fact.field} fact={fact} />
        ))}
      </dl>
      <p className="kiosk-hint">{t('kiosk.form.fromCardsHint')}</p>
    </section>
  );
}

export function FactRow({ fact }: { fact: Fact }) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-fact" data-field={fact.field} data-source={fact.source}>
      <dt>{fact.label}</dt>
      <dd>
        <span className="kiosk-fact-value">{fact.value}</span>
        <span className={`kiosk-badge kiosk-badge-${fact.source}`} data-testid="source-badge">
          {t(`kiosk.source.${fact.source}`)}
        </span>
      </dd>
    </div>
  );
}
