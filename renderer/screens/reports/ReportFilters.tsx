import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../preload/contract/areas/reports.ts';
import { useApi } from '../../app/api-context.ts';
import { DayInput } from './DayInput.tsx';

export interface FilterChoices {
  officers: Array<{ officerId: string; fullName: string | null }>;
  counters: string[];
}

/** What the officer and counter selects offer (empty until the backend answers: "all" still works). */
export function useFilterChoices(): FilterChoices {
  const api = useApi();
  const [choices, setChoices] = useState<FilterChoices>({ officers: [], counters: [] });
  useEffect(() => {
    let cancelled = false;
    void api.call('reports.filters', {}).then((answer) => {
      if (!cancelled && answer.ok) setChoices(answer.value);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);
  return choices;
}

/**
 * The range and the officer and counter filters. Inputs are named as the filter's fields; a day
 * being typed changes the filter only once it is a whole, real date (DayInput).
 */
export function ReportFilters({
  filter,
  choices,
  onChange,
  onRefresh,
  busy,
}: {
  filter: ReportFilter;
  choices: FilterChoices;
  onChange: (filter: ReportFilter) => void;
  onRefresh: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="report-filters"
      aria-label={t('reports.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onRefresh();
      }}
    >
      <label>
        {t('reports.filters.from')}
        <DayInput name="from" value={filter.from} onChange={(iso) => onChange({ ...filter, from: iso })} />
      </label>
      <label>
        {t('reports.filters.to')}
        <DayInput name="to" value={filter.to} onChange={(iso) => onChange({ ...filter, to: iso })} />
      </label>
      <label>
        {t('reports.filters.officer')}
        <select
          name="officer"
          value={filter.officer ?? ''}
          onChange={(event) => onChange({ ...filter, officer: event.target.value || null })}
        >
          <option value="">{t('reports.filters.allOfficers')}</option>
          {choices.officers.map((officer) => (
            <option key={officer.officerId} value={officer.officerId}>
              {officer.fullName ? `${officer.fullName} (${officer.officerId})` : officer.officerId}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.filters.counter')}
        <select
          name="counter"
          value={filter.counter ?? ''}
          onChange={(event) => onChange({ ...filter, counter: event.target.value || null })}
        >
          <option value="">{t('reports.filters.allCounters')}</option>
          {choices.counters.map((counter) => (
            <option key={counter} value={counter}>
              {counter}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button-secondary" data-action="refresh-report" disabled={busy}>
        {t('reports.filters.refresh')}
      </button>
    </form>
  );
}
