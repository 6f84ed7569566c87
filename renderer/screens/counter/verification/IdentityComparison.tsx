import { useTranslation } from 'react-i18next';
import type {
  CardSource,
  IdentityComparison as Comparison,
  IdentityRow,
} from '../../../../main/core/identity/compare-identity.ts';
import { DiffValue, differingWords, displayValue } from './DiffValue.tsx';

const outcomeMark: Record<IdentityRow['outcome'], string> = {
  match: '✓',
  mismatch: '✗',
  'not-on-card': '?',
  info: 'i',
};

/**
 * The registration beside the card(s), one row per compared field (REGISTRATION.md, "What the
 * officer compares"): what was registered, what the card says, and the outcome in words.
 */
export function IdentityComparison({
  comparison,
  sources,
}: {
  comparison: Comparison;
  /** The cards scanned: a source without a card says so instead of "not on the card". */
  sources: Record<CardSource, boolean>;
}) {
  const { t } = useTranslation();
  const groups = (['idCard', 'healthCard'] as const)
    .map((source) => ({ source, rows: comparison.rows.filter((row) => row.source === source) }))
    .filter((group) => group.rows.length > 0);
  return (
    <table
      className="identity-comparison"
      data-testid="identity-comparison"
      data-verdict={comparison.verdict}
    >
      <caption className="visually-hidden">{t('verify.comparisonCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('verify.columnField')}</th>
          <th scope="col">{t('verify.columnRegistered')}</th>
          <th scope="col">{t('verify.columnCard')}</th>
          <th scope="col">{t('verify.columnOutcome')}</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.source} data-source={group.source}>
          <tr className="comparison-source">
            <th scope="rowgroup" colSpan={4}>
              {t(`verify.source.${group.source}`)}
              {!sources[group.source] && ` — ${t('verify.noCard')}`}
            </th>
          </tr>
          {group.rows.map((row) => (
            <ComparisonRow key={`${row.source}-${row.field}`} row={row} scanned={sources[row.source]} />
          ))}
        </tbody>
      ))}
      <tfoot>
        <tr>
          <td colSpan={4} className="comparison-legend">
            {t('verify.diffLegend')}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function ComparisonRow({ row, scanned }: { row: IdentityRow; scanned: boolean }) {
  const { t } = useTranslation();
  const sex = (value: string) => t(`value.${value}`, { defaultValue: value });
  const registered = displayValue(row, 'registered', sex);
  const onCard = displayValue(row, 'onCard', sex);
  return (
    <tr
      className={`comparison-row outcome-${row.outcome}`}
      data-field={row.field}
      data-outcome={row.outcome}
      data-source={row.source}
    >
      <th scope="row">{t(`verify.field.${row.field}`)}</th>
      <td className="value-registered">
        {registered === null ? t('value.none') : <DiffValue row={row} side="registered" shown={registered} />}
      </td>
      <td className="value-card">
        {onCard === null ? (
          <span className="value-missing">{scanned ? t('verify.notOnCard') : t('verify.noCardShort')}</span>
        ) : (
          <DiffValue row={row} side="onCard" shown={onCard} />
        )}
      </td>
      <td className="comparison-outcome" data-testid="row-outcome">
        <span className="outcome-mark" aria-hidden="true">
          {outcomeMark[row.outcome]}
        </span>{' '}
        <OutcomeWords row={row} scanned={scanned} />
      </td>
    </tr>
  );
}

function OutcomeWords({ row, scanned }: { row: IdentityRow; scanned: boolean }) {
  const { t } = useTranslation();
  if (row.outcome === 'match') return <>{t('verify.outcome.match')}</>;
  if (row.outcome === 'info') return <>{t('verify.outcome.info')}</>;
  if (row.outcome === 'not-on-card') {
    return <>{scanned ? t('verify.outcome.notOnCard') : t('verify.outcome.noCard')}</>;
  }
  if (row.differsOnlyInDiacritics && row.registered !== null && row.onCard !== null) {
    return (
      <strong data-testid="diacritics-only">
        {t('verify.outcome.diacritics', { words: differingWords(row.registered, row.onCard) })}
      </strong>
    );
  }
  return <strong>{t('verify.outcome.mismatch')}</strong>;
}
