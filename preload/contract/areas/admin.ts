import { z } from 'zod';
import { administrators } from '../access.ts';
import type { OperationTable } from '../operation-definition.ts';

// The administration of one PC beyond config.json (settings.get/set): the office's rejection
// reasons and the data retention (kept in the database, audited), backups and restore, and the
// outbox behind the sync health. Administrators only.

const isoTimestamp = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const noArguments = z.object({}).strict();
const admins = { counter: administrators } as const;

export const adminRejectionReasonSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'mã lý do: chữ thường, số và "-", tối đa 64 ký tự'),
    labelVi: z.string().trim().min(1).max(300),
    noteRequired: z.boolean(),
  })
  .strict();

export const rejectionReasonListSchema = z
  .array(adminRejectionReasonSchema)
  .min(1, 'cần ít nhất một lý do')
  .max(50)
  .refine((reasons) => new Set(reasons.map((reason) => reason.code)).size === reasons.length, {
    message: 'mã lý do bị trùng',
  });

const retentionDays = z.number().int().min(1).max(3650);
export const retentionSchema = z.object({
  registrationRetentionDays: retentionDays,
  kioskPayloadRetentionDays: retentionDays,
  finishedOutboxRetentionDays: retentionDays,
  printJobRetentionDays: retentionDays,
});

export const backupFileSchema = z.object({
  fileName: z.string(),
  /** The office day it was taken (one backup per day; a second one that day replaces it). */
  day: z.string(),
  bytes: count,
  modifiedAt: isoTimestamp,
});

export const outboxStates = ['pending', 'done', 'conflict', 'invalid'] as const;

export const outboxItemSchema = z.object({
  seq: z.number().int().positive(),
  eventId: z.string(),
  type: z.string(),
  /** The registration concerned, when the event names one (never personal data). */
  subject: z.string().nullable(),
  createdAt: isoTimestamp,
  attempts: count,
  nextAttemptAt: isoTimestamp,
  lastErrorCode: z.string().nullable(),
  state: z.enum(outboxStates),
  finishedAt: isoTimestamp.nullable(),
});

export const adminOperations = {
  'admin.rejectionReasons': {
    args: noArguments,
    result: rejectionReasonListSchema,
    errors: [],
    access: admins,
  },
  'admin.setRejectionReasons': {
    args: z.object({ reasons: rejectionReasonListSchema }).strict(),
    result: rejectionReasonListSchema,
    errors: [],
    access: admins,
  },
  'admin.retention': { args: noArguments, result: retentionSchema, errors: [], access: admins },
  'admin.setRetention': {
    args: z.object({ patch: retentionSchema.partial().strict() }).strict(),
    result: retentionSchema,
    errors: [],
    access: admins,
  },
  'admin.backups': { args: noArguments, result: z.array(backupFileSchema), errors: [], access: admins },
  'admin.backupNow': {
    args: noArguments,
    result: backupFileSchema,
    errors: ['backup-failed'],
    access: admins,
  },
  /**
   * Verifies one of the listed backups and asks for its restore, applied at a backend restart: the
   * current database is moved aside (never deleted), the backend reopens on the restored one with
   * the current audit trail carried forward. Refused while events wait in the outbox, and when the
   * backup's audit trail is not an earlier state of the current one (docs/administration.md).
   * `requestedAt` is when it was asked for (and names the file the current database moves to).
   */
  'admin.restore': {
    args: z.object({ fileName: z.string().min(1).max(100) }).strict(),
    result: z.object({ restoredFrom: z.string(), movedAsideTo: z.string(), requestedAt: isoTimestamp }),
    errors: [
      'backup-not-found',
      'backup-corrupt',
      'backup-invalid',
      'restore-failed',
      'restore-audit-mismatch',
      'restore-outbox-pending',
    ],
    access: admins,
  },
  /** The outbox behind the sync health: counts per state and the newest rows (no payloads). */
  'admin.outbox': {
    args: z
      .object({
        state: z.enum(outboxStates).nullable().default(null),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    result: z.object({
      counts: z.object({ pending: count, done: count, conflict: count, invalid: count }),
      oldestPendingAt: isoTimestamp.nullable(),
      items: z.array(outboxItemSchema),
    }),
    errors: [],
    access: admins,
  },
} as const satisfies OperationTable;
