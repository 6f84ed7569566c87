import { z } from 'zod';
import { conflictWinnerSchema } from '../../../main/core/registration/conflict-winner.ts';
import {
  decisionSchema,
  registrationChannels,
  registrationSchema,
  registrationStatuses,
} from '../../../main/core/registration/registration.ts';
import { caseworkers } from '../access.ts';
import type { OperationTable } from '../operation-definition.ts';

// Registrations of the office and the officers' decisions on them. The deciding officer is always
// the session's: no argument names an officer.

export const storedRegistrationSchema = z.object({
  registration: registrationSchema,
  localState: z.enum(['synced', 'decided-locally', 'conflict']),
  /** This counter's decision while the central's version does not show it yet. */
  localDecision: decisionSchema.nullable(),
});

export const conflictSchema = z.object({
  id: z.number().int(),
  registrationCode: z.string(),
  ours: decisionSchema,
  winner: conflictWinnerSchema,
  detectedAt: z.string(),
});

export const decideArgumentsSchema = z
  .object({
    registrationCode: z.string().min(1).max(64),
    outcome: z.enum(['approved', 'rejected']),
    reasonCode: z.string().min(1).max(64).nullable(),
    note: z.string().max(2000).nullable(),
    override: z.boolean(),
  })
  .strict()
  .refine((value) => value.outcome === 'approved' || value.reasonCode !== null, {
    message: 'từ chối phải có lý do',
    path: ['reasonCode'],
  })
  .refine((value) => !value.override || (value.note ?? '').trim().length > 0, {
    message: 'duyệt khi có sai lệch phải ghi chú lý do',
    path: ['note'],
  });

export const rejectionReasonSchema = z.object({
  code: z.string(),
  /** The office's wording (an administrator may add reasons); known codes are translated on screen. */
  labelVi: z.string(),
  noteRequired: z.boolean(),
});

/** The counter home's list: the office's registrations (pending by default), filtered and paged. */
export const listArgumentsSchema = z
  .object({
    /** Free text: ID numbers, social-insurance number, phone, registration code or a name (diacritics optional). */
    query: z.string().trim().max(100).nullable().default(null),
    status: z.enum(registrationStatuses).nullable().default('pending'),
    channel: z.enum(registrationChannels).nullable().default(null),
    /** `child`: registered with a guardian (under 18 on the submission day); `adult`: the others. */
    age: z.enum(['child', 'adult']).nullable().default(null),
    page: z.number().int().min(0).max(100_000).default(0),
    pageSize: z.number().int().min(5).max(100).default(20),
  })
  .strict();

/** The numbers on a scanned card that registrations are found by (a CCCD's old 9-digit number too). */
export const cardNumbersSchema = z
  .object({
    idNumber: z
      .string()
      .regex(/^\d{12}$/)
      .nullable(),
    oldIdNumber: z
      .string()
      .regex(/^\d{9}$/)
      .nullable(),
    socialInsuranceNumber: z
      .string()
      .regex(/^\d{10}$/)
      .nullable(),
  })
  .strict();

/** A card lookup: at least one of the numbers. */
export const cardLookupArgumentsSchema = cardNumbersSchema.refine(
  (value) => value.idNumber ?? value.oldIdNumber ?? value.socialInsuranceNumber,
  {
    message: 'cần ít nhất một số để tìm',
  },
);

export type ListArguments = z.output<typeof listArgumentsSchema>;
export type DecideArguments = z.output<typeof decideArgumentsSchema>;
export type WireConflict = z.output<typeof conflictSchema>;
export type WireRegistration = z.output<typeof storedRegistrationSchema>;

const noArguments = z.object({}).strict();

export const registrationOperations = {
  'registrations.search': {
    args: z.object({ query: z.string().trim().min(1).max(100) }).strict(),
    result: z.array(storedRegistrationSchema),
    errors: [],
    access: { counter: caseworkers },
  },
  /** Newest submitted first; `total` counts every match, for paging. */
  'registrations.list': {
    args: listArgumentsSchema,
    result: z.object({
      rows: z.array(storedRegistrationSchema),
      total: z.number().int().min(0),
      page: z.number().int().min(0),
      pageSize: z.number().int().min(1),
    }),
    errors: [],
    access: { counter: caseworkers },
  },
  /** Registrations of a scanned card: by ID number and old ID number (CCCD), social-insurance number (BHYT). */
  'registrations.byCard': {
    args: cardLookupArgumentsSchema,
    result: z.array(storedRegistrationSchema),
    errors: [],
    access: { counter: caseworkers },
  },
  /** What the signed-in officer decided today (Vietnam time) at this counter. */
  'registrations.myDay': {
    args: noArguments,
    result: z.object({ approved: z.number().int().min(0), rejected: z.number().int().min(0) }),
    errors: [],
    access: { counter: caseworkers },
  },
  'registrations.decide': {
    args: decideArgumentsSchema,
    result: storedRegistrationSchema,
    errors: ['registration-not-found', 'already-decided', 'registration-not-pending'],
    access: { counter: caseworkers },
  },
  /** The office's rejection reasons, as the administrator set them (REGISTRATION.md's list by default). */
  'registrations.reasons': {
    args: noArguments,
    result: z.array(rejectionReasonSchema),
    errors: [],
    access: { counter: caseworkers },
  },
  'conflicts.list': {
    args: noArguments,
    result: z.array(conflictSchema),
    errors: [],
    access: { counter: caseworkers },
  },
  'conflicts.acknowledge': {
    args: z.object({ conflictId: z.number().int().positive() }).strict(),
    result: z.array(conflictSchema),
    errors: ['conflict-not-found'],
    access: { counter: caseworkers },
  },
} as const satisfies OperationTable;
