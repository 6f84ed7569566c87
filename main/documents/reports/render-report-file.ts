import type { Report, ReportFormat } from '../../../preload/contract/areas/reports.ts';
import type { AuditExcerpt } from '../../store/audit-log.ts';
import { reportCsv } from './report-csv.ts';
import { reportPdf } from './report-pdf.ts';
import { reportTexts, type ReportLanguage } from './report-texts.ts';
import { reportXlsx } from './report-xlsx.ts';

// One entry for the three formats: the export operation, the end-of-day export and the CLI all
// write the same files.

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export const reportMimeTypes: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * `bao-cao-<office>-<counter>-<day>.<ext>` ("báo cáo" = report), or `…-<from>-den-<to>` for a range;
 * only characters every file system takes.
 */
export function reportFileName(
  report: Pick<Report, 'officeCode' | 'filter'>,
  counterId: string,
  format: ReportFormat,
): string {
  const { from, to } = report.filter;
  const days = from === to ? from : `${from}-den-${to}`;
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_');
  return `bao-cao-${safe(report.officeCode)}-${safe(counterId)}-${days}.${format}`;
}

export async function renderReportFile(input: {
  report: Report;
  audit: AuditExcerpt;
  format: ReportFormat;
  language: ReportLanguage;
  counterId: string;
}): Promise<ReportFile> {
  const texts = reportTexts[input.language];
  const bytes =
    input.format === 'csv'
      ? reportCsv(input.report, texts)
      : input.format === 'xlsx'
        ? await reportXlsx(input.report, input.audit, texts)
        : await reportPdf({ report: input.report, audit: input.audit, texts, language: input.language });
  return {
    fileName: reportFileName(input.report, input.counterId, input.format),
    mimeType: reportMimeTypes[input.format],
    bytes,
  };
}
