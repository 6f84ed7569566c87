import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../preload/contract/areas/reports.ts';
import { formatIsoDate } from '../../format/format-date.ts';
import { durationText, reasonText } from './report-text.ts';

// The report's breakdowns as tables: the charts draw the same numbers, but the tables are what a
// screen reader reads and what a supervisor copies from. Cells carry `data-column` so a test can
// read one figure of one row. A table alone in its section keeps its caption for screen readers
// only (the section's heading already says it).

export function OfficerTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <ReportTable
      testId="report-by-officer"
      caption={t('reports.table.byOfficer')}
      headers={[
        t('reports.table.officer'),
        t('reports.series.approved'),
        t('reports.series.rejected'),
        t('reports.figures.overrides'),
        t('reports.table.median'),
      ]}
      empty={report.byOfficer.length === 0}
    >
      {report.byOfficer.map((officer) => (
        <tr key={officer.officerId} data-officer-id={officer.officerId}>
          <th scope="row">
            {officer.fullName ?? officer.officerId}
            {officer.fullName && <span className="report-id"> {officer.officerId}</span>}
          </th>
          <Figure column="approved">{officer.approved}</Figure>
          <Figure column="rejected">{officer.rejected}</Figure>
          <Figure column="overrides">{officer.overrides}</Figure>
          <Figure column="median">{durationText(t, officer.medianScanToDecisionSeconds)}</Figure>
        </tr>
      ))}
    </ReportTable>
  );
}

export function CounterTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <ReportTable
      testId="report-by-counter"
      caption={t('reports.table.byCounter')}
      headers={[
        t('reports.table.counter'),
        t('reports.series.approved'),
        t('reports.series.rejected'),
        t('reports.figures.overrides'),
      ]}
      empty={report.byCounter.length === 0}
    >
      {report.byCounter.map((counter) => (
        <tr key={counter.counterId} data-counter-id={counter.counterId}>
          <th scope="row">{counter.counterId}</th>
          <Figure column="approved">{counter.approved}</Figure>
          <Figure column="rejected">{counter.rejected}</Figure>
          <Figure column="overrides">{counter.overrides}</Figure>
        </tr>
      ))}
    </ReportTable>
  );
}

export function ReasonTable({ report, captionHidden = false }: { report: Report; captionHidden?: boolean }) {
  const { t, i18n } = useTranslation();
  const total = report.rejectedByReason.reduce((sum, reason) => sum + reason.count, 0);
  return (
    <ReportTable
      testId="report-by-reason"
      caption={t('reports.table.byReason')}
      captionHidden={captionHidden}
      headers={[t('reports.table.reason'), t('reports.table.count'), t('reports.table.share')]}
      empty={report.rejectedByReason.length === 0}
    >
      {report.rejectedByReason.map((reason) => (
        <tr key={reason.reasonCode} data-reason-code={reason.reasonCode}>
          <th scope="row">{reasonText(t, i18n, reason)}</th>
          <Figure column="count">{reason.count}</Figure>
          <Figure>{total > 0 ? `${Math.round((reason.count / total) * 100)} %` : '—'}</Figure>
        </tr>
      ))}
    </ReportTable>
  );
}

const ageBuckets = ['underOneDay', 'oneToThreeDays', 'threeToSevenDays', 'overSevenDays'] as const;

export function PendingAgeTable({
  report,
  captionHidden = false,
}: {
  report: Report;
  captionHidden?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ReportTable
      testId="report-pending-age"
      caption={t('reports.table.pendingByAge')}
      captionHidden={captionHidden}
      headers={[t('reports.table.age'), t('reports.table.count')]}
      footer={
        <tr>
          <th scope="row">{t('reports.table.total')}</th>
          <Figure>{report.pending.count}</Figure>
        </tr>
      }
    >
      {ageBuckets.map((bucket) => (
        <tr key={bucket} data-age={bucket}>
          <th scope="row">{t(`reports.age.${bucket}`)}</th>
          <Figure column="count">{report.pending.byAge[bucket]}</Figure>
        </tr>
      ))}
    </ReportTable>
  );
}

/** The hours with something received or decided (the chart shows the quiet ones). */
export function HourTable({ report, captionHidden = false }: { report: Report; captionHidden?: boolean }) {
  const { t } = useTranslation();
  const active = report.byHour.filter((entry) => entry.received > 0 || entry.decided > 0);
  return (
    <ReportTable
      testId="report-by-hour"
      caption={t('reports.table.byHour')}
      captionHidden={captionHidden}
      compact
      headers={[t('reports.table.hour'), t('reports.series.received'), t('reports.series.decided')]}
      empty={active.length === 0}
    >
      {active.map((entry) => (
        <tr key={entry.hour} data-hour={entry.hour}>
          <th scope="row">{t('reports.table.hourRange', { from: entry.hour, to: entry.hour + 1 })}</th>
          <Figure column="received">{entry.received}</Figure>
          <Figure column="decided">{entry.decided}</Figure>
        </tr>
      ))}
    </ReportTable>
  );
}

export function DayTable({ report, captionHidden = false }: { report: Report; captionHidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <ReportTable
      testId="report-by-day"
      caption={t('reports.table.byDay')}
      captionHidden={captionHidden}
      compact
      headers={[
        t('reports.table.day'),
        t('reports.series.received'),
        t('reports.series.approved'),
        t('reports.series.rejected'),
      ]}
    >
      {report.byDay.map((day) => (
        <tr key={day.date} data-day={day.date}>
          <th scope="row">{formatIsoDate(day.date)}</th>
          <Figure column="received">{day.received}</Figure>
          <Figure column="approved">{day.approved}</Figure>
          <Figure column="rejected">{day.rejected}</Figure>
        </tr>
      ))}
    </ReportTable>
  );
}

/**
 * The scaffolding every breakdown shares: caption, a header row whose first column labels the
 * rows and whose others are figures (right-aligned), the body, a line when there is nothing.
 */
function ReportTable({
  testId,
  caption,
  captionHidden = false,
  compact = false,
  headers,
  empty = false,
  footer,
  children,
}: {
  testId: string;
  caption: string;
  captionHidden?: boolean;
  compact?: boolean;
  headers: readonly [string, ...string[]];
  empty?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [rowsTitle, ...figureTitles] = headers;
  return (
    <table
      className={compact ? 'data-table report-table report-table-compact' : 'data-table report-table'}
      data-testid={testId}
    >
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowsTitle}</th>
          {figureTitles.map((title) => (
            <th key={title} scope="col" className="number">
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {empty && (
          <tr>
            <td colSpan={headers.length} className="hint">
              {t('reports.table.none')}
            </td>
          </tr>
        )}
        {children}
      </tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}

/** A figure cell; `column` names it for tests and scripts (`data-column`). */
function Figure({ column, children }: { column?: string; children: ReactNode }) {
  return (
    <td className="number" data-column={column}>
      {children}
    </td>
  );
}
