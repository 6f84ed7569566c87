import type { i18n as I18n, TFunction } from 'i18next';
import type { ReportChart, ReportChartLabels } from '../../../main/core/reports/report-charts.ts';
import { visibleHours } from '../../../main/core/reports/report-charts.ts';
import type { Report } from '../../../preload/contract/areas/reports.ts';
import { reasonText } from './report-text.ts';

/** The charts' texts in the screen's language. */
export function chartLabels(t: TFunction, i18n: Pick<I18n, 'exists'>): ReportChartLabels {
  return {
    perHourTitle: t('reports.chart.perHour'),
    perOfficerTitle: t('reports.chart.perOfficer'),
    byReasonTitle: t('reports.chart.byReason'),
    perDayTitle: t('reports.chart.perDay'),
    received: t('reports.series.received'),
    decided: t('reports.series.decided'),
    approved: t('reports.series.approved'),
    rejected: t('reports.series.rejected'),
    hourLabel: (hour) => t('reports.chart.hour', { hour }),
    reasonLabel: (reason) => reasonText(t, i18n, reason),
  };
}

/**
 * What a screen reader says for a chart: its busiest points in a sentence (the whole series is in
 * the table beside it).
 */
export function chartSummary(
  t: TFunction,
  chart: ReportChart,
  report: Report,
  labels: ReportChartLabels,
): string {
  switch (chart.id) {
    case 'per-hour': {
      const busiest = [...visibleHours(report.byHour)].sort(
        (left, right) => right.received - left.received,
      )[0];
      return busiest && busiest.received > 0
        ? t('reports.chartSummary.perHour', { hour: labels.hourLabel(busiest.hour), count: busiest.received })
        : t('reports.chartSummary.empty');
    }
    case 'per-officer':
      return report.byOfficer
        .map((officer) =>
          t('reports.chartSummary.officer', {
            name: officer.fullName ?? officer.officerId,
            approved: officer.approved,
            rejected: officer.rejected,
          }),
        )
        .join('; ');
    case 'by-reason':
      return report.rejectedByReason
        .map((reason) => `${labels.reasonLabel?.(reason) ?? reason.reasonCode}: ${reason.count}`)
        .join('; ');
    case 'per-day':
      return t('reports.chartSummary.perDay', {
        days: report.byDay.length,
        received: report.received.total,
        approved: report.approved,
        rejected: report.rejected,
      });
  }
}
