import type { Report } from '../../../preload/contract/areas/reports.ts';
import { figureRows, type FigureValue } from './report-rows.ts';
import type { ReportTexts } from './report-texts.ts';

// The CSV export: what Excel in a Vietnamese office opens correctly by double-click — UTF-8 with a
// byte-order mark (without it Excel reads the file as Windows-1258 and the diacritics break), CRLF
// line ends, every field quoted with inner quotes doubled (names and reasons hold commas), one
// table: section, item, figure, value (report-rows.ts).
//
// Formula injection (OWASP "CSV injection"): Excel runs a cell that starts with = + - @ (or a tab or
// CR, which it skips before looking) as a formula, and reason labels and staff names are typed by
// people. Such text gets a leading single quote, which Excel shows as text and does not run.
// Numbers are written from numbers, so a negative figure stays a number.

const formulaStart = /^[=+\-@\t\r]/;

/** A text cell Excel will not run: a leading ' before a character that starts a formula. */
export function inertCsvText(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function field(value: FigureValue): string {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : inertCsvText(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function reportCsv(report: Report, texts: ReportTexts): Buffer {
  const { columns } = texts;
  const lines = [[columns.section, columns.item, columns.figure, columns.value].map(field).join(',')];
  for (const row of figureRows(report, texts)) {
    lines.push([row.section, row.item, row.figure, row.value].map(field).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
