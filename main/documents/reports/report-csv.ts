import type { Report } from '../../../preload/contract/areas/reports.ts';
import { figureRows, type FigureValue } from './report-rows.ts';
import type { ReportTexts } from './report-texts.ts';

// The CSV export: what Excel in a Vietnamese office opens correctly by double-click — UTF-8 with a
// byte-order mark (without it Excel reads the file as Windows-1258 and the diacritics break), CRLF
// line ends, every field quoted with inner quotes doubled (names and reasons hold commas), one
// table: section, item, figure, value (report-rows.ts).

function field(value: FigureValue): string {
  const text = value === null ? '' : String(value);
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
