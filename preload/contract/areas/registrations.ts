import { z } from 'zod';
import { conflictWinnerSchema } from '../../../main/core/registration/conflict-winner.ts';
import { decisionSchema, registrationSchema } from '../../../main/core/registration/registration.ts';
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
