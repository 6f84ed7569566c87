import { z } from 'zod';
import { reportReaders } from '../access.ts';
import type { OperationTable } from '../operation-definition.ts';

// The audit trail: every sign-in, lockout, decision, override, print, export, settings change and
// enrollment, each entry committing to the one before it (a SHA-256 hash chain, docs/audit-trail.md).
// Supervisors and administrators read and verify it; nobody can change it through the API.

const isoTimestamp = z.iso.datetime({ offset: true });
const vietnamDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD');
const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** Why an entry does not verify. */
export const auditBreakReasons = [
  /** Its content no longer hashes to the hash stored with it (edited). */
  'content-changed',
  /** Its `prev_hash` is not the hash of the entry before it (an entry deleted, inserted or moved). */
  'chain-broken',
  /** Its id does not follow the previous one (an entry deleted at the end or in between). */
  'sequence-gap',
] as const;
export type AuditBreakReason = (typeof auditBreakReasons)[number];

export const auditVerificationSchema = z.object({
  /**
   * Every entry of this PC's trail verifies and none is missing before the head the central last
   * acknowledged. A chain rewritten as a whole is consistent in itself: that shows as
   * `central.state: 'mismatch'`, with `intact` possibly true.
   */
  intact: z.boolean(),
  /** Entries checked (all of them when intact; up to the first broken one otherwise). */
  entries: z.number().int().min(0),
  /** The last entry that verified (null: the trail is empty, or its first entry is broken). */
  head: z.object({ id: z.number().int().positive(), hash }).nullable(),
  firstBroken: z.object({ id: z.number().int().positive(), reason: z.enum(auditBreakReasons) }).nullable(),
  /**
   * What the central service knows: the chain head it received with the last sync. `mismatch` means
   * the local chain no longer contains what was sent (the whole chain was rewritten).
   */
  central: z.object({
    state: z.enum(['matches', 'mismatch', 'not-checked']),
    checkedAt: isoTimestamp.nullable(),
    /** The entry id the central holds the hash of. */
    entryId: z.number().int().positive().nullable(),
  }),
  verifiedAt: isoTimestamp,
  durationMs: z.number().min(0),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: isoTimestamp,
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** Null only for a row written behind the app's back (no hash): audit.verify reports it. */
  hash: hash.nullable(),
});
export type WireAuditEntry = z.infer<typeof auditEntrySchema>;

const readers = { counter: reportReaders } as const;

export const auditOperations = {
  'audit.verify': {
    args: z.object({}).strict(),
    result: auditVerificationSchema,
    errors: [],
    access: readers,
  },
  /** Entries of a range of Vietnam days, newest first, paged by id. */
  'audit.list': {
    args: z
      .object({
        from: vietnamDate,
        to: vietnamDate,
        beforeId: z.number().int().positive().nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    result: z.object({
      entries: z.array(auditEntrySchema),
      nextBeforeId: z.number().int().positive().nullable(),
    }),
    errors: ['report-range-invalid'],
    access: readers,
  },
} as const satisfies OperationTable;
