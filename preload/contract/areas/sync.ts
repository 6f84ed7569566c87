import { z } from 'zod';
import { administrators, everyone } from '../access.ts';
import type { EventTable, OperationTable } from '../operation-definition.ts';

// The link to the central service, in words for the status bar, and this PC's enrollment.

export const syncErrorKinds = [
  'network',
  'timeout',
  'server',
  'auth',
  'clock',
  'schema',
  'conflict',
  'local',
] as const;

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
  error: z.object({ kind: z.enum(syncErrorKinds), code: z.string(), message: z.string() }).nullable(),
});

export type SyncStatusWire = z.infer<typeof syncStatusSchema>;

const noArguments = z.object({}).strict();

export const syncOperations = {
  'sync.status': { args: noArguments, result: syncStatusSchema, errors: [], access: everyone },
  /** "Sync now": harmless for anyone at a counter (it only starts a round), useful before sign-in. */
  'sync.now': { args: noArguments, result: syncStatusSchema, errors: [], access: { counter: ['public'] } },
  /**
   * Enrolls this PC with a one-time code from the central's administrator. Before the first
   * enrollment the code is the credential (nobody can sign in without a staff directory), and the
   * same call may set where the central service is and which office and counter this PC is; after
   * it, only an administrator re-enrolls. A refused code says why: mistyped (also caught on this PC
   * by the check character of current codes), expired, used, or for another office (details: the
   * code's office and this PC's; such a code is not used up).
   */
  'sync.enroll': {
    args: z
      .object({
        enrollmentCode: z.string().trim().min(4).max(64),
        centralUrl: z.string().max(500).optional(),
        officeCode: z.string().max(16).optional(),
        counterId: z.string().max(16).optional(),
      })
      .strict(),
    result: syncStatusSchema,
    errors: [
      'sync-auth',
      'sync-network',
      'sync-timeout',
      'sync-server',
      'sync-schema',
      'sync-clock',
      'sync-not-configured',
      'config-write-failed',
      'enrollment-code-mistyped',
      'enrollment-code-expired',
      'enrollment-code-used',
      'enrollment-code-other-office',
    ],
    access: { counter: administrators, kiosk: [], beforeEnrollment: true },
  },
} as const satisfies OperationTable;

export const syncEvents = {
  'sync.status': { payload: syncStatusSchema, access: everyone },
} as const satisfies EventTable;
