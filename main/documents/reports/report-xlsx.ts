import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node';
import type { Report } from '../../../preload/contract/areas/reports.ts';
import type { AuditExcerpt } from '../../store/audit-log.ts';
import { displayDay, figureRows, vietnamDateAndTime } from './report-rows.ts';
import type { ReportTexts } from './report-texts.ts';

// The XLSX export (write-excel-file: a maintained writer; the registry's `xlsx` is frozen with known
// CVEs). Sheets: the figures (the CSV's table), per officer, per counter, per hour, per day, and the
// audit trail of the range with each entry's hash. Numbers are number cells, so the sheet sums them;
// ids and codes are text cells ("@"), so Excel never turns a counter "01" into 1.

const header = (titles: readonly string[]): Row =>
  titles.map((value) => ({ value, fontWeight: 'bold' as const, type: String }));
const text = (value: string | null) => ({ value: value ?? '', type: String, format: '@' });
const number = (value: number | null) => (value === null ? null : { value, type: Number });

export async function reportXlsx(report: Report, audit: AuditExcerpt, texts: ReportTexts): Promise<Buffer> {
  const { figures: f, sections: s } = texts;
  const figures: SheetData = [
    header([texts.columns.section, texts.columns.item, texts.columns.figure, texts.columns.value]),
    ...figureRows(report, texts).map((row) => [
      text(row.section),
      text(row.item),
      text(row.figure),
      typeof row.value === 'number' ? number(row.value) : text(row.value),
    ]),
  ];
  const officers: SheetData = [
    header([texts.officer, f.fullName, f.approved, f.rejected, f.overrides, f.medianScanToDecision]),
    ...report.byOfficer.map((one) => [
      text(one.officerId),
      text(one.fullName),
      number(one.approved),
      number(one.rejected),
      number(one.overrides),
      number(one.medianScanToDecisionSeconds),
    ]),
  ];
  const counters: SheetData = [
    header([texts.counter, f.approved, f.rejected, f.overrides]),
    ...report.byCounter.map((one) => [
      text(one.counterId),
      number(one.approved),
      number(one.rejected),
      number(one.overrides),
    ]),
  ];
  const hours: SheetData = [
    header([texts.hour, f.received, f.decided]),
    ...report.byHour.map((one) => [
      text(texts.hourLabel(one.hour)),
      number(one.received),
      number(one.decided),
    ]),
  ];
  const days: SheetData = [
    header([texts.date, f.received, f.approved, f.rejected]),
    ...report.byDay.map((one) => [
      text(displayDay(one.date)),
      number(one.received),
      number(one.approved),
      number(one.rejected),
    ]),
  ];
  const a = texts.audit;
  const trail: SheetData = [
    header([a.id, a.at, a.actor, a.action, a.subject, a.details, a.hash]),
    // Plain values, not cell objects: a month's trail has thousands of rows and a cell object costs
    // the writer a style lookup each (about a third of the time); none of these texts looks like a number.
    ...audit.entries.map((entry) => [
      entry.id,
      vietnamDateAndTime(entry.at),
      entry.actor,
      entry.action,
      entry.subject ?? '',
      JSON.stringify(entry.details),
      entry.hash ?? '',
    ]),
  ];
  if (audit.total > audit.entries.length) trail.push([text(a.truncated(audit.entries.length, audit.total))]);
  trail.push([
    text(a.chainHead),
    text(audit.head === null ? a.none : `#${audit.head.id}`),
    text(audit.head?.hash ?? a.noChainHead),
  ]);

  const widths = (...columns: number[]) => columns.map((width) => ({ width }));
  return writeXlsxFile(
    [
      { data: figures, sheet: sheetName(s.summary), columns: widths(28, 22, 48, 18), stickyRowsCount: 1 },
      {
        data: officers,
        sheet: sheetName(s.officers),
        columns: widths(16, 28, 12, 12, 12, 20),
        stickyRowsCount: 1,
      },
      { data: counters, sheet: sheetName(s.counters), columns: widths(14, 12, 12, 12), stickyRowsCount: 1 },
      { data: hours, sheet: sheetName(s.hours), columns: widths(10, 14, 14), stickyRowsCount: 1 },
      { data: days, sheet: sheetName(s.days), columns: widths(14, 14, 12, 12), stickyRowsCount: 1 },
      {
        data: trail,
        sheet: sheetName(s.audit),
        columns: widths(8, 18, 14, 28, 24, 60, 66),
        stickyRowsCount: 1,
      },
    ],
    { fontFamily: 'Arial', fontSize: 11 },
  ).toBuffer();
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
