import { createHash } from 'node:crypto';
import type {
  Report,
  ReportExport,
  ReportFilter,
  ReportFormat,
} from '../../../preload/contract/areas/reports.ts';
import { renderReportFile, type ReportFile } from '../../documents/reports/render-report-file.ts';
import type { ReportLanguage } from '../../documents/reports/report-texts.ts';
import { appendAudit, auditRangeTotals, listAuditBetween, type AuditExcerpt } from '../../store/audit-log.ts';
import { computeReport, reportFilterChoices, type ReportFilterChoices } from '../../store/report-queries.ts';
import type { Store } from '../../store/store.ts';
import { AppError } from '../app-error.ts';
import { checkReportRange } from './report-range.ts';

// The reports area's work, shared by the operations, the end-of-day export and the command line:
// check the range, compute the figures, render a file, and write the export to the audit trail.

/** The XLSX's audit sheet holds at most this many entries (a quarter of a busy office stays under it). */
export const auditRowsPerExport = 50_000;

export interface ReportScope {
  officeCode: string;
  /** This PC's counter (in the file names). */
  counterId: string;
  now: Date;
}

export function dailyReport(store: Store, filter: ReportFilter, scope: ReportScope): Report {
  checkReportRange(filter);
  return computeReport(store, filter, { officeCode: scope.officeCode, now: scope.now });
}

export function filterChoices(store: Store, scope: ReportScope): ReportFilterChoices {
  return reportFilterChoices(store, { officeCode: scope.officeCode, now: scope.now });
}

/** The report of `filter` as a file in `format`, with the audit entries of its range. Not audited. */
export async function renderReport(
  store: Store,
  request: { filter: ReportFilter; format: ReportFormat; language: ReportLanguage },
  scope: ReportScope,
): Promise<ReportFile> {
  const report = dailyReport(store, request.filter, scope);
  try {
    // Inside the try: a trail the export cannot read (a damaged row, a locked file) is the
    // export's failure, told as 'report-export-failed', never a raw error.
    const audit = auditExcerpt(store, checkReportRange(request.filter));
    return await renderReportFile({
      report,
      audit,
      format: request.format,
      language: request.language,
      counterId: scope.counterId,
    });
  } catch (error) {
    throw new AppError('report-export-failed', 'Không tạo được tệp báo cáo.', {
      cause: error,
      details: { format: request.format },
    });
  }
}

/** The range's first entries (oldest first, as a reader goes through them), their count, the head. */
function auditExcerpt(store: Store, range: { start: string; end: string }): AuditExcerpt {
  return {
    entries: listAuditBetween(store, { ...range, order: 'asc', limit: auditRowsPerExport }),
    ...auditRangeTotals(store, range),
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every export is written to the audit trail: who, which range and filters, which file (its SHA-256). */
export function auditExport(
  store: Store,
  actor: string,
  request: { filter: ReportFilter; format: ReportFormat },
  file: { fileName: string; sha256: string },
  extra: Record<string, unknown> = {},
): void {
  store.transaction(() =>
    appendAudit(store, {
      actor,
      action: 'report.exported',
      subject: file.fileName,
      details: {
        format: request.format,
        from: request.filter.from,
        to: request.filter.to,
        officer: request.filter.officer,
        counter: request.filter.counter,
        sha256: file.sha256,
        ...extra,
      },
    }),
  );
}

/** reports.export: the file for the page to save, audited with the session's staff id. */
export async function exportReport(
  store: Store,
  request: { filter: ReportFilter; format: ReportFormat; language: ReportLanguage },
  scope: ReportScope & { actor: string },
): Promise<ReportExport> {
  const file = await renderReport(store, request, scope);
  const sha256 = sha256Hex(file.bytes);
  auditExport(store, scope.actor, request, { fileName: file.fileName, sha256 });
  return {
    fileName: file.fileName,
    mimeType: file.mimeType,
    bytes: file.bytes.length,
    contentBase64: file.bytes.toString('base64'),
    sha256,
  };
}
