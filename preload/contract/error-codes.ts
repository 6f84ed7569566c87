import { z } from 'zod';

// Every error code that can cross the API boundary, in one catalogue. An operation of the contract
// declares which of these its handler may raise (on top of the common ones below); the dispatcher
// checks that in strict mode, the renderer translates each code, and a test checks every code has a
// translation in every shipped language. A code is stable once released: renderers, logs and
// acceptance checks rely on it.

export const errorCodeGroups = {
  /** The transport and the dispatcher: any call can end with these. */
  transport: [
    'invalid-argument',
    'unknown-operation',
    'not-found',
    'unauthorized',
    'forbidden-origin',
    'payload-too-large',
    'backend-unavailable',
    'internal',
  ],
  /** Access rules of the contract, checked before anything else runs. */
  access: ['not-signed-in', 'forbidden', 'session-locked', 'pin-not-set'],
  /** The backend's own start: what `startup.status` reports and other calls meet meanwhile. */
  startup: [
    'backend-starting',
    'startup-failed',
    'data-directory-locked',
    'data-directory-unwritable',
    'config-invalid',
    'store-from-newer-version',
  ],
  /** The local database on this PC (disk full, locked by another program, damaged). */
  store: ['store-corrupt', 'store-locked', 'store-read-only', 'store-io', 'store-constraint'],
  /** Backups and restores (the CLI and the administration screen). */
  backup: [
    'backup-corrupt',
    'backup-invalid',
    'backup-not-found',
    'backup-failed',
    'restore-failed',
    /** The backup's audit trail is not an earlier state of the current one: restoring would rewind it. */
    'restore-audit-mismatch',
    /** Events wait in the outbox: restoring would lose them (sync first). */
    'restore-outbox-pending',
  ],
  /** Supervisors' reports and their exports. */
  reports: ['report-range-invalid', 'report-export-failed'],
  settings: ['config-write-failed'],
  session: [
    'invalid-credentials',
    'staff-inactive',
    'account-locked-out',
    'staff-directory-empty',
    'wrong-pin',
    'pin-attempts-exhausted',
    'pin-not-available',
  ],
  registrations: [
    'registration-not-found',
    'already-decided',
    'registration-not-pending',
    'conflict-not-found',
  ],
  print: ['form-render-failed', 'print-job-not-found', 'print-job-not-retryable'],
  /** The self-service kiosk: a citizen's visit and their one submission. */
  kiosk: ['kiosk-visit-required', 'kiosk-registration-exists', 'kiosk-nothing-submitted'],
  sync: [
    'sync-network',
    'sync-timeout',
    'sync-server',
    'sync-auth',
    'sync-clock',
    'sync-schema',
    'sync-conflict',
    'sync-local',
    'sync-not-configured',
  ],
  /** Why the central refused a one-time enrollment code (sync.enroll). */
  enrollment: [
    'enrollment-code-mistyped',
    'enrollment-code-expired',
    'enrollment-code-used',
    'enrollment-code-other-office',
  ],
} as const;

export type ErrorCode = (typeof errorCodeGroups)[keyof typeof errorCodeGroups][number];

export const errorCodes: readonly ErrorCode[] = Object.values(errorCodeGroups).flat();

/**
 * Codes any operation may answer with, whatever it declares: the transport, access, start-up and
 * the local store can fail under every call.
 */
export const commonErrorCodes: readonly ErrorCode[] = [
  ...errorCodeGroups.transport,
  ...errorCodeGroups.access,
  'backend-starting',
  'startup-failed',
  ...errorCodeGroups.store,
];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

const isoTimestamp = z.iso.datetime({ offset: true });

/**
 * Why a restore would not continue the current audit trail (`restore-audit-mismatch`): the current
 * chain does not verify, the backup's does not, or the current chain has another entry (or none) at
 * the backup's last id.
 */
export const restoreAuditMismatchReasons = [
  'current-chain-broken',
  'backup-chain-broken',
  'not-a-continuation',
] as const;

/** Who decided a registration first, as `already-decided` reports it (null: a conflict is still open). */
export const existingDecisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  officerId: z.string(),
  counterId: z.string(),
  decidedAt: isoTimestamp,
  source: z.enum(['this-device', 'central']),
});

/** zod's issue codes (and `invalid_json` for a file that is not JSON): what a renderer translates. */
export const fieldIssueCodes = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
  'invalid_json',
] as const;

/** A field that failed its schema: where, zod's (Vietnamese) message, and zod's issue code. */
export const fieldIssueSchema = z.object({ path: z.string(), message: z.string(), code: z.string() });

/**
 * The shape of `details` for the codes that carry them; the renderer reads details only through
 * these (a detail that does not fit is ignored, never trusted), and strict mode checks handlers.
 */
export const errorDetailSchemas = {
  'invalid-argument': z.object({ issues: z.array(fieldIssueSchema) }),
  'already-decided': z.object({
    registrationCode: z.string(),
    existing: existingDecisionSchema.nullable(),
  }),
  'registration-not-pending': z.object({ registrationCode: z.string(), status: z.string() }),
  'registration-not-found': z.object({ registrationCode: z.string() }),
  'conflict-not-found': z.object({ conflictId: z.number() }),
  'account-locked-out': z.object({ until: isoTimestamp }),
  'invalid-credentials': z.object({ attemptsLeft: z.number().int().min(0) }),
  'wrong-pin': z.object({ attemptsLeft: z.number().int().min(0) }),
  'config-invalid': z.object({ file: z.string(), issues: z.array(fieldIssueSchema) }),
  'store-corrupt': z.object({
    databasePath: z.string(),
    restoreCommand: z.string(),
    problems: z.array(z.string()).optional(),
  }),
  'store-from-newer-version': z.object({ found: z.number(), known: z.number() }),
  'data-directory-locked': z.object({
    pid: z.number(),
    hostname: z.string(),
    startedAt: z.string(),
    lockFile: z.string(),
  }),
  'data-directory-unwritable': z.object({ dataDirectory: z.string() }),
  'print-job-not-found': z.object({ jobId: z.string() }),
  /** The person already has a pending registration: the kiosk shows it instead of filing another. */
  'kiosk-registration-exists': z.object({
    registrationCode: z.string().nullable(),
    reference: z.string().nullable(),
    submittedAt: isoTimestamp,
    waitingForSync: z.boolean(),
    /** The office it waits at (null when this kiosk does not know its name). */
    officeName: z.string().nullable(),
  }),
  'print-job-not-retryable': z.object({ jobId: z.string(), state: z.string() }),
  /** The code is valid but for another office than the one this PC is set up for; it was not used. */
  'enrollment-code-other-office': z.object({ codeOffice: z.string(), officeCode: z.string() }),
  /** Why the backup's audit trail does not continue into the current one, and at which entry. */
  'restore-audit-mismatch': z.object({
    fileName: z.string(),
    reason: z.enum(restoreAuditMismatchReasons),
    entryId: z.number().int().nullable(),
  }),
  /** Events not yet sent to the central (a restore would lose them). */
  'restore-outbox-pending': z.object({ pending: z.number().int().min(1) }),
} as const satisfies Partial<Record<ErrorCode, z.ZodType>>;

export type ErrorDetails<C extends keyof typeof errorDetailSchemas> = z.output<
  (typeof errorDetailSchemas)[C]
>;

/** The details of `error` when it has `code` and they fit their schema; otherwise null. */
export function readErrorDetails<C extends keyof typeof errorDetailSchemas>(
  error: { code: string; details?: unknown },
  code: C,
): ErrorDetails<C> | null {
  if (error.code !== code) return null;
  const parsed = errorDetailSchemas[code].safeParse(error.details);
  return parsed.success ? (parsed.data as ErrorDetails<C>) : null;
}
