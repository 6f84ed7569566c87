import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultChartStyle,
  reportCharts,
  type ReportChart,
  type ReportChartStyle,
} from '../../../main/core/reports/report-charts.ts';
import { vietnamDateTime, vietnamToday } from '../../../main/core/time/vietnam-time.ts';
import type { Report, ReportExport, ReportFilter } from '../../../preload/contract/areas/reports.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatIsoDate } from '../../format/format-date.ts';
import { AuditSection } from './AuditSection.tsx';
import { EndOfDayLine } from './EndOfDayLine.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { chartLabels, chartSummary } from './report-chart-labels.ts';
import { syncFreshness } from './report-text.ts';
import { ReportChartView } from './ReportChartView.tsx';
import { ReportFilters, useFilterChoices } from './ReportFilters.tsx';
import {
  CounterTable,
  DayTable,
  HourTable,
  OfficerTable,
  PendingAgeTable,
  ReasonTable,
} from './ReportTables.tsx';
import { shown, useReport } from './use-report.ts';

/**
 * The supervisor's reports (issue #12): the office's figures for a range of days, computed on this
 * PC from what the last sync brought (so it works offline, and says as of when), with the officer
 * and counter filters, charts beside their tables, the exports, and the audit trail's check.
 */
export function ReportsScreen({ saveFile }: { saveFile?: (file: ReportExport) => void } = {}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ReportFilter>(() => {
    const today = vietnamToday();
    return { from: today, to: today, officer: null, counter: null };
  });
  const [refreshKey, setRefreshKey] = useState(0);
  const [auditKey, setAuditKey] = useState(0);
  const choices = useFilterChoices();
  const state = useReport(filter, refreshKey);
  const report = shown(state);
  const names = useMemo(
    () =>
      new Map(
        choices.officers.flatMap((officer) =>
          officer.fullName ? [[officer.officerId, officer.fullName] as const] : [],
        ),
      ),
    [choices],
  );

  return (
    <section className="reports" data-screen="reports">
      <header className="report-header">
        <div>
          <h1>{t('reports.title')}</h1>
          {report && <AsOfLine report={report} />}
        </div>
        <ExportButtons
          filter={filter}
          disabled={state.state !== 'ready'}
          onExported={() => setAuditKey((key) => key + 1)}
          {...(saveFile ? { save: saveFile } : {})}
        />
      </header>

      <ReportFilters
        filter={filter}
        choices={choices}
        onChange={setFilter}
        onRefresh={() => setRefreshKey((key) => key + 1)}
        busy={state.state === 'loading'}
      />

      <div aria-live="polite">
        {state.state === 'loading' && (
          <p className="report-loading" data-testid="report-loading" aria-busy="true">
            {t('reports.loading')}
          </p>
        )}
      </div>
      {state.state === 'failed' && <ErrorMessage error={state.error} testId="report-error" />}

      {report && (
        <div
          className={state.state === 'loading' ? 'report-body report-stale' : 'report-body'}
          data-testid="report"
          data-report-from={report.filter.from}
          data-report-to={report.filter.to}
          data-report-officer={report.filter.officer ?? ''}
          data-report-counter={report.filter.counter ?? ''}
          aria-busy={state.state === 'loading'}
        >
          <KeyFigures report={report} />
          <ReportBreakdowns report={report} />
        </div>
      )}

      <AuditSection from={filter.from} to={filter.to} names={names} refreshKey={auditKey} />
      <EndOfDayLine />
    </section>
  );
}

/** "Số liệu tính đến lần đồng bộ lúc 14:05 30/11/2026", in the warning style when that is long ago or never. */
function AsOfLine({ report }: { report: Report }) {
  const { t } = useTranslation();
  const freshness = syncFreshness(report.asOf, Date.parse(report.generatedAt));
  const range =
    report.filter.from === report.filter.to
      ? formatIsoDate(report.filter.from)
      : t('reports.range', { from: formatIsoDate(report.filter.from), to: formatIsoDate(report.filter.to) });
  return (
    <>
      <p className="report-subtitle">{t('reports.subtitle', { office: report.officeCode, range })}</p>
      <p
        className={freshness === 'fresh' ? 'report-as-of' : 'report-as-of warning-message'}
        data-testid="report-as-of"
        data-freshness={freshness}
      >
        {report.asOf === null
          ? t('reports.asOfNever')
          : t('reports.asOf', { time: vietnamDateTime(report.asOf) })}
        {freshness === 'old' && ` ${t('reports.asOfOld')}`}
      </p>
    </>
  );
}

function ReportBreakdowns({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const labels = useMemo(() => chartLabels(t, i18n), [t, i18n]);
  const charts = useMemo(() => reportCharts(report, labels, screenChartStyle()), [report, labels]);
  const chart = (id: ReportChart['id']) => {
    const found = charts.find((one) => one.id === id);
    return found ? <ReportChartView chart={found} summary={chartSummary(t, found, report, labels)} /> : null;
  };
  return (
    <div className="report-breakdowns">
      {report.byDay.length > 1 && (
        <section className="report-section report-section-wide" aria-labelledby="report-per-day">
          <h2 id="report-per-day">{t('reports.section.perDay')}</h2>
          <div className="report-pair">
            {chart('per-day')}
            <DayTable report={report} captionHidden />
          </div>
        </section>
      )}
      <section className="report-section report-section-wide" aria-labelledby="report-per-hour">
        <h2 id="report-per-hour">{t('reports.section.perHour')}</h2>
        <div className="report-pair">
          {chart('per-hour')}
          <HourTable report={report} captionHidden />
        </div>
      </section>
      <section className="report-section report-section-wide" aria-labelledby="report-per-officer">
        <h2 id="report-per-officer">{t('reports.section.perOfficer')}</h2>
        <div className="report-pair">
          <div className="report-tables">
            <OfficerTable report={report} />
            <CounterTable report={report} />
          </div>
          {chart('per-officer')}
        </div>
      </section>
      <section className="report-section" aria-labelledby="report-by-reason">
        <h2 id="report-by-reason">{t('reports.section.byReason')}</h2>
        <ReasonTable report={report} captionHidden />
        {chart('by-reason')}
      </section>
      <section className="report-section" aria-labelledby="report-pending">
        <h2 id="report-pending">{t('reports.section.pending')}</h2>
        <PendingAgeTable report={report} captionHidden />
      </section>
    </div>
  );
}

/** The charts speak in the screen's fonts (Vietnamese and CJK), at the tables' size. */
function screenChartStyle(): ReportChartStyle {
  const family = getComputedStyle(document.documentElement).fontFamily;
  return { fontFamily: family || defaultChartStyle.fontFamily, fontSize: 13 };
}
