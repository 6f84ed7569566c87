import { z } from 'zod';
import { conflictWinnerSchema } from '../../main/core/registration/conflict-winner.ts';
import { decisionSchema, registrationSchema } from '../../main/core/registration/registration.ts';

// What the renderer learns about the link to the central service and about conflicts.

export const syncStatusSchema = z.object({
  state: z.enum(['not-started', 'syncing', 'online', 'offline', 'needs-attention']),
  trainingMode: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  backlog: z.number().int().min(0),
  oldestPendingAt: z.string().nullable(),
  openConflicts: z.number().int().min(0),
  pulledInRound: z.number().int().min(0),
  clockOffsetMs: z.number(),
  clockWarning: z.boolean(),
  error: z
    .object({
      kind: z.enum(['network', 'timeout', 'server', 'auth', 'clock', 'schema', 'conflict']),
      code: z.string(),
      message: z.string(),
    })
    .nullable(),
});

export type SyncStatusWire = z.infer<typeof syncStatusSchema>;

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
    officerId: z.string().min(1).max(64),
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
