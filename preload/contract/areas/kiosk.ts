import { z } from 'zod';
import {
  guardianSchema,
  idDocumentSchema,
  registrationStatuses,
} from '../../../main/core/registration/registration.ts';
import { vietnamDay } from '../../../main/core/time/vietnam-time.ts';
import { printFailureCodes, printJobStates } from './print.ts';
import { cardLookupArgumentsSchema, cardNumbersSchema } from './registrations.ts';
import type { OperationTable } from '../operation-definition.ts';

// The self-service kiosk: a walk-in citizen registers by scanning their cards, in their language,
// and leaves with a printed declaration and a ticket for the counter. Nobody signs in at a kiosk,
// so what a caller may touch is bounded by the visit instead: `kiosk.begin` starts one (and wipes
// the one before), a submission and its prints belong to the visit that made them, and
// `kiosk.end` (start over, the idle timeout, the done screen's time-out) forgets it. The backend
// also ends a visit nobody touched for longer than the idle timeout. No operation here returns
// another citizen's personal data: the status lookup answers with the status, the code and a
// masked name only.

export const kioskLanguages = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
export type KioskLanguage = (typeof kioskLanguages)[number];

/**
 * A Vietnamese mobile number as the kiosk stores it: 10 digits, 0 then a mobile prefix (03, 05,
 * 07, 08, 09 since the 2018 renumbering). The screen accepts +84 / 84 and spaces, and sends this.
 */
export const vietnameseMobilePattern = /^0[35789]\d{8}$/;

/** The kiosk's own reference of a form, printed (and in its QR code) until the code is known. */
export { kioskReferencePattern } from '../../../main/core/registration/kiosk-reference.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const isoTimestamp = z.iso.datetime({ offset: true });

/** Where a field of the form came from: a scanned card, or the citizen's own typing. */
export const kioskFieldSources = ['id-card', 'health-card', 'guardian-card', 'typed', 'office'] as const;

export const kioskSubmissionSchema = z
  .object({
    /**
     * Made once by the kiosk screen when the form is first shown: the idempotency key. A second
     * submit with it (a double tap, a retry after a lost answer) answers with the first receipt.
     */
    submissionId: z.uuid(),
    language: z.enum(kioskLanguages),
    socialInsuranceNumber: z.string().regex(/^\d{10}$/),
    fullName: z.string().trim().min(1).max(200),
    dateOfBirth: isoDate.refine(isPastCalendarDate, 'ngày sinh không phải một ngày đã qua'),
    sex: z.enum(['male', 'female']),
    idDocument: idDocumentSchema,
    address: z.string().trim().min(1).max(500),
    phone: z.string().regex(vietnameseMobilePattern),
    email: z.email().max(254).nullable(),
    officeCode: z.string().min(1).max(16),
    guardian: guardianSchema.nullable(),
    /** The citizen asked for a copy of the declaration by e-mail (needs `email`). */
    sendDeclarationCopy: z.boolean(),
    /** Consent to the processing of personal data (Decree 13/2023/NĐ-CP), given on the consent screen. */
    consent: z.literal(true),
  })
  .strict()
  .refine((value) => !value.sendDeclarationCopy || value.email !== null, {
    message: 'cần địa chỉ e-mail để gửi bản tờ khai',
    path: ['email'],
  })
  .refine((value) => value.guardian !== null || !isMinorToday(value.dateOfBirth), {
    message: 'người dưới 18 tuổi cần người giám hộ đăng ký cùng',
    path: ['guardian'],
  });

/** A real calendar date (no 31 February), not after today in Vietnam. */
function isPastCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === date &&
    date <= vietnamDay(Date.now())
  );
}

/** Under 18 today (Vietnam time): a child registers with a guardian (REGISTRATION.md). */
function isMinorToday(dateOfBirth: string): boolean {
  const today = vietnamDay(Date.now());
  const eighteenth = `${String(Number(dateOfBirth.slice(0, 4)) + 18).padStart(4, '0')}${dateOfBirth.slice(4)}`;
  return eighteenth > today;
}

export type KioskSubmission = z.output<typeof kioskSubmissionSchema>;

/** What the citizen is told about their submission: enough for the done screen and the ticket. */
export const kioskReceiptSchema = z.object({
  reference: z.string(),
  /** The central's code, once the kiosk has heard it (null while offline). */
  registrationCode: z.string().nullable(),
  syncState: z.enum(['pending', 'synced', 'invalid']),
  submittedAt: isoTimestamp,
  officeCode: z.string(),
  officeName: z.string().nullable(),
  /** The queue number on the ticket, e.g. "K1-007": this kiosk's counter id and the day's number. */
  ticketNumber: z.string(),
  email: z.string().nullable(),
  sendDeclarationCopy: z.boolean(),
});
export type KioskReceipt = z.output<typeof kioskReceiptSchema>;

/** A registration as the kiosk may show it to whoever stands in front of it. */
export const kioskStatusEntrySchema = z.object({
  registrationCode: z.string().nullable(),
  reference: z.string().nullable(),
  status: z.enum(registrationStatuses),
  /** Not yet at the central: submitted at this kiosk while it was offline. */
  waitingForSync: z.boolean(),
  submittedAt: isoTimestamp,
  decidedAt: isoTimestamp.nullable(),
  reasonCode: z.string().nullable(),
  officeCode: z.string(),
  officeName: z.string().nullable(),
  /** "N***n T*** H**": the person can recognise it, a passer-by learns nothing. */
  maskedName: z.string(),
});
export type KioskStatusEntry = z.output<typeof kioskStatusEntrySchema>;

export const kioskPrintJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(printJobStates),
  failure: z.object({ code: z.enum(printFailureCodes), reason: z.string() }).nullable(),
});

const statusQuery = z.union([
  cardLookupArgumentsSchema,
  z.object({ formCode: z.string().trim().min(4).max(64) }).strict(),
]);

const noArguments = z.object({}).strict();
const kiosk = { kiosk: ['public'] } as const;

export const kioskOperations = {
  /** Starts a citizen's visit (the attract screen's start): forgets any visit before it. */
  'kiosk.begin': {
    args: z.object({ language: z.enum(kioskLanguages) }).strict(),
    result: z.object({
      visitId: z.string(),
      idleTimeoutSeconds: z.number().int().positive(),
      idleWarningSeconds: z.number().int().positive(),
    }),
    errors: [],
    access: kiosk,
  },
  /**
   * The citizen is still at it (typing, touching): keeps the backend's copy of the visit alive while
   * no other call is made. The page sends it at most every 15 s, only after input.
   */
  'kiosk.activity': {
    args: noArguments,
    result: z.object({}),
    errors: ['kiosk-visit-required'],
    access: kiosk,
  },
  /** Ends the visit: start over, the idle timeout, or the done screen's time-out. Idempotent. */
  'kiosk.end': { args: noArguments, result: z.object({}), errors: [], access: kiosk },
  /** The receiving offices the citizen may choose, this one first as the default. */
  'kiosk.offices': {
    args: noArguments,
    result: z.object({
      defaultOfficeCode: z.string(),
      offices: z.array(z.object({ officeCode: z.string(), name: z.string() })),
    }),
    errors: [],
    access: kiosk,
  },
  /**
   * A pending registration of the person on the scanned card (from the central's copy or this
   * kiosk's own unsynced forms): shown instead of letting them file a second one.
   */
  'kiosk.existing': {
    args: cardNumbersSchema,
    result: z.object({ pending: kioskStatusEntrySchema.nullable() }),
    errors: ['kiosk-visit-required'],
    access: kiosk,
  },
  /** Files the visit's form (queued locally, pushed to the central at once when it is reachable). */
  'kiosk.submit': {
    args: kioskSubmissionSchema,
    result: kioskReceiptSchema,
    errors: ['kiosk-visit-required', 'kiosk-registration-exists'],
    access: kiosk,
  },
  /** The visit's receipt as it is now (the code arrives when the central has the form). */
  'kiosk.receipt': {
    args: noArguments,
    result: kioskReceiptSchema,
    errors: ['kiosk-visit-required', 'kiosk-nothing-submitted'],
    access: kiosk,
  },
  /**
   * Prints the visit's declaration (with the summary in the visit's language and the ticket slip),
   * or prints again the jobs of the visit that failed. A printed job is never printed twice.
   */
  'kiosk.print': {
    args: noArguments,
    result: z.object({
      jobs: z.array(kioskPrintJobSchema),
      /** What the paper carries (text and QR): the central's code, or the kiosk reference. */
      formCode: z.string(),
    }),
    errors: ['kiosk-visit-required', 'kiosk-nothing-submitted', 'form-render-failed'],
    access: kiosk,
  },
  /** Has the citizen's registration been decided? By card numbers or by the form's code/reference. */
  'kiosk.status': {
    args: statusQuery,
    result: z.object({ entries: z.array(kioskStatusEntrySchema) }),
    errors: ['kiosk-visit-required'],
    access: kiosk,
  },
} as const satisfies OperationTable;
