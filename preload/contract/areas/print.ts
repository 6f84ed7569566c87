import { z } from 'zod';
import { anyStaff, caseworkers } from '../access.ts';
import type { EventTable, OperationTable } from '../operation-definition.ts';

// Declaration forms and the printers they go to. A form is rendered by the backend (pdfkit) and
// handed to the operating system's spooler (CUPS's lp, or SumatraPDF on Windows), never printed
// through the page. Every print is a job in the local store: it survives a restart, and one that
// failed waits for a retry with the printer's own reason.

/** The languages a kiosk citizen may read a one-page summary in, stapled behind the Vietnamese form. */
export const summaryLanguages = ['en', 'zh', 'ko', 'ja'] as const;

/** Why a print did not happen. The spooler's own words travel beside the code, in `reason`. */
export const printFailureCodes = [
  'no-spooler',
  'printer-not-found',
  'no-default-printer',
  'printer-stopped',
  'printer-not-accepting',
  'job-failed',
  'timeout',
  'spooler-error',
  /** The app stopped while the job was with the spooler, and the spooler no longer knows it. */
  'interrupted',
] as const;

export const printJobStates = ['pending', 'printing', 'done', 'failed', 'cancelled'] as const;

const isoTimestamp = z.iso.datetime({ offset: true });

export const printJobSchema = z.object({
  jobId: z.string(),
  document: z.enum(['declaration', 'test-page']),
  /** Null for a test page, and for callers who may not see registrations (an administrator). */
  registrationCode: z.string().nullable(),
  citizenName: z.string().nullable(),
  summaryLanguage: z.enum(summaryLanguages).nullable(),
  /** Null: the system's default printer. */
  printerName: z.string().nullable(),
  copies: z.number().int().min(1),
  state: z.enum(printJobStates),
  attempts: z.number().int().min(0),
  failure: z.object({ code: z.enum(printFailureCodes), reason: z.string() }).nullable(),
  requestedAt: isoTimestamp,
  updatedAt: isoTimestamp,
  finishedAt: isoTimestamp.nullable(),
});

export const printerInfoSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  state: z.enum(['idle', 'printing', 'stopped', 'unknown']),
  /** The spooler's words, e.g. why the printer is stopped. */
  stateReason: z.string().nullable(),
  acceptingJobs: z.boolean(),
});

/** Which declaration template rendered the form, and what was wrong with an administrator's one. */
export const formTemplateStatusSchema = z.object({
  source: z.enum(['default', 'override']),
  revision: z.string(),
  problem: z
    .object({
      code: z.enum(['form-template-invalid', 'form-template-unreadable']),
      path: z.string(),
      issues: z.array(z.string()),
    })
    .nullable(),
});

const formRequestSchema = z
  .object({
    registrationCode: z.string().trim().min(1).max(64),
    summaryLanguage: z.enum(summaryLanguages).nullable().default(null),
  })
  .strict();

const jobReference = z.object({ jobId: z.string().min(1).max(64) }).strict();
const noArguments = z.object({}).strict();

export type PrintJob = z.output<typeof printJobSchema>;
export type PrinterInfo = z.output<typeof printerInfoSchema>;
export type PrintFailureCode = (typeof printFailureCodes)[number];
export type SummaryLanguage = (typeof summaryLanguages)[number];
export type FormTemplateStatus = z.output<typeof formTemplateStatusSchema>;

export const printOperations = {
  /** The form as it will print: the PDF itself (the page previews it, and offers it as a download). */
  'forms.preview': {
    args: formRequestSchema,
    result: z.object({
      fileName: z.string(),
      pdfBase64: z.string(),
      bytes: z.number().int().positive(),
      pages: z.number().int().positive(),
      template: formTemplateStatusSchema,
    }),
    errors: ['registration-not-found', 'form-render-failed'],
    access: { counter: caseworkers },
  },
  /** The machine's printers, and the one this PC's settings chose (null: the system default). */
  'printers.list': {
    args: noArguments,
    result: z.object({
      spooler: z.enum(['cups', 'windows', 'none']),
      printers: z.array(printerInfoSchema),
      /** Why no printer can be listed (no spooler, spooler not running), in the spooler's words. */
      unavailable: z.string().nullable(),
      chosen: z.string().nullable(),
    }),
    errors: [],
    access: { counter: anyStaff },
  },
  /** Renders the registration's form and prints it; answers once the spooler has a result. */
  'print.submit': {
    args: formRequestSchema,
    result: printJobSchema,
    errors: ['registration-not-found', 'form-render-failed'],
    access: { counter: caseworkers },
  },
  /** A sample form marked as a test, with no citizen's data: for setting a printer up. */
  'print.testPage': {
    args: z.object({ printerName: z.string().min(1).max(200).nullable() }).strict(),
    result: printJobSchema,
    errors: ['form-render-failed'],
    access: { counter: anyStaff },
  },
  /** Jobs waiting, printing or failed, and the last ones done, newest first. */
  'print.jobs': {
    args: noArguments,
    result: z.object({ jobs: z.array(printJobSchema) }),
    errors: [],
    access: { counter: anyStaff },
  },
  'print.retry': {
    args: jobReference,
    result: printJobSchema,
    errors: ['print-job-not-found', 'print-job-not-retryable'],
    access: { counter: anyStaff },
  },
  'print.cancel': {
    args: jobReference,
    result: printJobSchema,
    errors: ['print-job-not-found', 'print-job-not-retryable'],
    access: { counter: anyStaff },
  },
} as const satisfies OperationTable;

export const printQueueSummarySchema = z.object({
  waiting: z.number().int().min(0),
  failed: z.number().int().min(0),
});

export const printEvents = {
  /** A job changed: the header's queue badge and the queue screen refresh. */
  'print.queueChanged': { payload: printQueueSummarySchema, access: { counter: anyStaff } },
} as const satisfies EventTable;
