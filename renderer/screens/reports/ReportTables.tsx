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
    <table className="data-table report-table" data-testid="report-by-officer">
      <caption>{t('reports.table.byOfficer')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.table.officer')}</th>
          <th scope="col" className="number">
            {t('reports.series.approved')}
          </th>
          <th scope="col" className="number">
            {t('reports.series.rejected')}
          </th>
          <th scope="col" className="number">
            {t('reports.figures.overrides')}
          </th>
          <th scope="col" className="number">
            {t('reports.table.median')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.byOfficer.length === 0 && <EmptyRow columns={5} />}
        {report.byOfficer.map((officer) => (
          <tr key={officer.officerId} data-officer-id={officer.officerId}>
            <th scope="row">
              {officer.fullName ?? officer.officerId}
              {officer.fullName && <span className="report-id"> {officer.officerId}</span>}
            </th>
            <td className="number" data-column="approved">
              {officer.approved}
            </td>
            <td className="number" data-column="rejected">
              {officer.rejected}
            </td>
            <td className="number" data-column="overrides">
              {officer.overrides}
            </td>
            <td className="number" data-column="median">
              {durationText(t, officer.medianScanToDecisionSeconds)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CounterTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <table className="data-table report-table" data-testid="report-by-counter">
      <caption>{t('reports.table.byCounter')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.table.counter')}</th>
          <th scope="col" className="number">
            {t('reports.series.approved')}
          </th>
          <th scope="col" className="number">
            {t('reports.series.rejected')}
          </th>
          <th scope="col" className="number">
            {t('reports.figures.overrides')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.byCounter.length === 0 && <EmptyRow columns={4} />}
        {report.byCounter.map((counter) => (
          <tr key={counter.counterId} data-counter-id={counter.counterId}>
            <th scope="row">{counter.counterId}</th>
            <td className="number" data-column="approved">
              {counter.approved}
            </td>
            <td className="number" data-column="rejected">
              {counter.rejected}
            </td>
            <td className="number" data-column="overrides">
              {counter.overrides}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReasonTable({ report, captionHidden = false }: { report: Report; captionHidden?: boolean }) {
  const { t, i18n } = useTranslation();
  const total = report.rejectedByReason.reduce((sum, reason) => sum + reason.count, 0);
  return (
    <table className="data-table report-table" data-testid="report-by-reason">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>
        {t('reports.table.byReason')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.table.reason')}</th>
          <th scope="col" className="number">
            {t('reports.table.count')}
          </th>
          <th scope="col" className="number">
            {t('reports.table.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.rejectedByReason.length === 0 && <EmptyRow columns={3} />}
        {report.rejectedByReason.map((reason) => (
          <tr key={reason.reasonCode} data-reason-code={reason.reasonCode}>
            <th scope="row">{reasonText(t, i18n, reason)}</th>
            <td className="number" data-column="count">
              {reason.count}
            </td>
            <td className="number">{total > 0 ? `${Math.round((reason.count / total) * 100)} %` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
    <table className="data-table report-table" data-testid="report-pending-age">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>
        {t('reports.table.pendingByAge')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.table.age')}</th>
          <th scope="col" className="number">
            {t('reports.table.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {ageBuckets.map((bucket) => (
          <tr key={bucket} data-age={bucket}>
            <th scope="row">{t(`reports.age.${bucket}`)}</th>
            <td className="number" data-column="count">
              {report.pending.byAge[bucket]}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('reports.table.total')}</th>
          <td className="number">{report.pending.count}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The hours with something received or decided (the chart shows the quiet ones). */
export function HourTable({ report, captionHidden = false }: { report: Report; captionHidden?: boolean }) {
  const { t } = useTranslation();
  const active = report.byHour.filter((entry) => entry.received > 0 || entry.decided > 0);
  return (
    <table className="data-table report-table report-table-compact" data-testid="report-by-hour">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{t('reports.table.byHour')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.table.hour')}</th>
          <th scope="col" className="number">
            {t('reports.series.received')}
          </th>
          <th scope="col" className="number">
            {t('reports.series.decided')}
          </th>
        </tr>
      </thead>
      <tbody>
        {active.length === 0 && <EmptyRow columns={3} />}
        {active.map((entry) => (
          <tr key={entry.hour} data-hour={entry.hour}>
            <th scope="row">{t('reports.table.hourRange', { from: entry.hour, to: entry.hour + 1 })}</th>
            <td className="number" data-column="received">
              {entry.received}
            </td>
            <td className="number" data-column="decided">
              {entry.decided}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DayTable({ report, captionHidden = false }: { report: Report; captionHidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="data-table report-table report-table-compact" data-testid="report-by-day">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{t('reports.table.byDay')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.table.day')}</th>
          <th scope="col" className="number">
            {t('reports.series.received')}
          </th>
          <th scope="col" className="number">
            {t('reports.series.approved')}
          </th>
          <th scope="col" className="number">
            {t('reports.series.rejected')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.byDay.map((day) => (
          <tr key={day.date} data-day={day.date}>
            <th scope="row">{formatIsoDate(day.date)}</th>
            <td className="number" data-column="received">
              {day.received}
            </td>
            <td className="number" data-column="approved">
              {day.approved}
            </td>
            <td className="number" data-column="rejected">
              {day.rejected}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EmptyRow({ columns }: { columns: number }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td colSpan={columns} className="hint">
        {t('reports.table.none')}
      </td>
    </tr>
  );
}
