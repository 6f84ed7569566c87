import { z } from 'zod';
import { reportReaders } from '../access.ts';
import type { OperationTable } from '../operation-definition.ts';
import { uiLanguages } from '../settings-schema.ts';

// The office's day for supervisors (and administrators): computed on this PC from what sync brought
// (the registrations of the office and every counter's decisions on them) plus this PC's own decisions
// not pushed yet, so it works offline and says as of when. Exports are files the page saves; each
// one is written to the audit trail.

const vietnamDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD');
const isoTimestamp = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** The longest range one report covers (a quarter). */
export const maxReportDays = 93;

export const reportFilterFields = {
  /** First Vietnam day of the range, inclusive. */
  from: vietnamDate,
  /** Last Vietnam day of the range, inclusive. */
  to: vietnamDate,
  /**
   * Only this officer's decisions (a staff id; received counts are the office's whatever the
   * filter). Named `officer`, not `officerId`: it filters, it never says who is calling.
   */
  officer: z.string().trim().min(1).max(64).nullable().default(null),
  /** Only the decisions taken at this counter (a counter id). */
  counter: z.string().trim().min(1).max(16).nullable().default(null),
};

export const reportFilterSchema = z.object(reportFilterFields).strict();
export type ReportFilter = z.output<typeof reportFilterSchema>;

const channelCounts = z.object({ portal: count, app: count, kiosk: count });
const seconds = z.number().min(0).nullable();

export const reportSchema = z.object({
  filter: z.object({
    from: vietnamDate,
    to: vietnamDate,
    officer: z.string().nullable(),
    counter: z.string().nullable(),
  }),
  officeCode: z.string(),
  generatedAt: isoTimestamp,
  /** The last successful sync: other counters' work after it is not in the figures yet. */
  asOf: isoTimestamp.nullable(),
  received: z.object({ total: count, byChannel: channelCounts }),
  approved: count,
  rejected: count,
  /** Approvals despite a mismatch (the officer's override), included in `approved`. */
  overrides: count,
  rejectedByReason: z.array(
    z.object({ reasonCode: z.string(), labelVi: z.string().nullable(), count: count }),
  ),
  /** The office's backlog now (not limited to the range), by age since submission. */
  pending: z.object({
    count: count,
    oldestSubmittedAt: isoTimestamp.nullable(),
    byAge: z.object({
      underOneDay: count,
      oneToThreeDays: count,
      threeToSevenDays: count,
      overSevenDays: count,
    }),
  }),
  /** Median time from the card scan to the decision (decisions taken after a scan at a counter). */
  medianScanToDecisionSeconds: seconds,
  byOfficer: z.array(
    z.object({
      officerId: z.string(),
      fullName: z.string().nullable(),
      approved: count,
      rejected: count,
      overrides: count,
      medianScanToDecisionSeconds: seconds,
    }),
  ),
  byCounter: z.array(z.object({ counterId: z.string(), approved: count, rejected: count, overrides: count })),
  /** Hours of the Vietnam day (0–23), summed over the range: always 24 entries. */
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), received: count, decided: count })),
  /** One entry per day of the range. */
  byDay: z.array(z.object({ date: vietnamDate, received: count, approved: count, rejected: count })),
  /** Declaration forms printed (done print jobs) at this PC in the range. */
  formsPrinted: count,
  /** Registrations made at a kiosk, received in the range, and what became of them. */
  kiosk: z.object({ received: count, approved: count, rejected: count, pending: count }),
  sync: z.object({
    lastSuccessAt: isoTimestamp.nullable(),
    backlog: count,
    oldestPendingAt: isoTimestamp.nullable(),
    openConflicts: count,
    /** Events the central refused for good (they need someone to look at them). */
    refusedEvents: count,
  }),
});
export type Report = z.infer<typeof reportSchema>;

export const reportFormats = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportExportSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  bytes: count,
  /** The file itself (reports are small: a month is well under a megabyte). */
  contentBase64: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReportExport = z.infer<typeof reportExportSchema>;

/**
 * Why a scheduled end-of-day run failed, each translated by the screens
 * (`reports.endOfDay.failure.<code>`): the folder is not there, it cannot be written, its disk is
 * full, writing failed otherwise, the report could not be made, or its audit entry could not be
 * written (the file is then not left in the folder).
 */
export const endOfDayFailureCodes = [
  'folder-missing',
  'folder-not-writable',
  'disk-full',
  'write-failed',
  'report-failed',
  'audit-failed',
] as const;
export type EndOfDayFailureCode = (typeof endOfDayFailureCodes)[number];

export const endOfDayStatusSchema = z.object({
  enabled: z.boolean(),
  folder: z.string().nullable(),
  /** Vietnam time, HH:MM. */
  time: z.string(),
  formats: z.array(z.enum(reportFormats)),
  lastRunDay: vietnamDate.nullable(),
  lastRunAt: isoTimestamp.nullable(),
  /** Files written by the last run (names only). */
  lastFiles: z.array(z.string()),
  /** The last failure since the last success (null once a run succeeds); `message` is for the log. */
  lastError: z.object({ code: z.enum(endOfDayFailureCodes), message: z.string() }).nullable(),
  /** When that failure happened (lastRunAt is the last success). */
  lastErrorAt: isoTimestamp.nullable(),
});
export type EndOfDayStatus = z.infer<typeof endOfDayStatusSchema>;

const noArguments = z.object({}).strict();
const readers = { counter: reportReaders } as const;

export const reportOperations = {
  'reports.daily': {
    args: reportFilterSchema,
    result: reportSchema,
    errors: ['report-range-invalid'],
    access: readers,
  },
  /** The officers and counters the filters offer: those with decisions, and the staff directory. */
  'reports.filters': {
    args: noArguments,
    result: z.object({
      officers: z.array(z.object({ officerId: z.string(), fullName: z.string().nullable() })),
      counters: z.array(z.string()),
    }),
    errors: [],
    access: readers,
  },
  /** The report as a file; XLSX and PDF carry the audit trail of the range too. Audited. */
  'reports.export': {
    args: z
      .object({
        filter: reportFilterSchema,
        format: z.enum(reportFormats),
        language: z.enum(uiLanguages).default('vi'),
      })
      .strict(),
    result: reportExportSchema,
    errors: ['report-range-invalid', 'report-export-failed'],
    access: readers,
  },
  /** The scheduled end-of-day export (set in the administration screen) and how its last run went. */
  'reports.endOfDayStatus': {
    args: noArguments,
    result: endOfDayStatusSchema,
    errors: [],
    access: readers,
  },
} as const satisfies OperationTable;
