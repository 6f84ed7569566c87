import { z } from 'zod';
import { staffRoles } from '../../main/core/staff/staff-roles.ts';
import { conflictWinnerSchema } from '../../main/core/registration/conflict-winner.ts';
import { decisionSchema, registrationSchema } from '../../main/core/registration/registration.ts';

// The wire contract between a desktop (counter PC or kiosk) and the central service: every request
// and response body, as zod schemas plus their TypeScript types. Prose and examples are in
// docs/sync-protocol.md. The desktop's sync client imports this file, so it must stay free of Node
// imports (zod and main/core only).

export const protocolVersion = 1;

/** Events dated further than this ahead of the server clock are refused (`clock-skew`). */
export const maxClockAheadMs = 5 * 60 * 1000;
export const maxEventsPerBatch = 500;
export const maxPullLimit = 5000;
export const defaultPullLimit = 1000;
export const maxNotificationLimit = 1000;

const isoTimestamp = z.iso.datetime({ offset: true });
const serverTime = isoTimestamp;
const officeCode = z.string().regex(/^[0-9A-Za-z-]{1,16}$/);

// ── Errors ──────────────────────────────────────────────────────────────────────────────────────

export const errorCodes = [
  'unauthorized',
  'token-revoked',
  'forbidden',
  'enrollment-code-invalid',
  'enrollment-code-expired',
  'enrollment-code-used',
  'enrollment-code-other-office',
  'bad-request',
  'not-found',
  'method-not-allowed',
  'clock-skew',
  'payload-too-large',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Every non-2xx response body. `message` is Vietnamese, for people; `code` is for programs. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** What a program needs to explain the error (today only `enrollment-code-other-office`). */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  serverTime,
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

// ── Health ──────────────────────────────────────────────────────────────────────────────────────

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  serverTime,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

// ── Enrollment ──────────────────────────────────────────────────────────────────────────────────

export const enrollmentRequestSchema = z.object({
  enrollmentCode: z.string().min(1).max(64),
  deviceName: z.string().trim().min(1).max(100),
  /**
   * The office this PC is set up for. A code for another office is then refused with
   * `enrollment-code-other-office` and stays usable (no device is created). Optional: desktops from
   * before it leave it out, and then also get `enrollment-code-invalid` for a used code as before.
   */
  officeCode: officeCode.optional(),
});
export type EnrollmentRequest = z.infer<typeof enrollmentRequestSchema>;

export const enrollmentResponseSchema = z.object({
  deviceId: z.string(),
  /** Shown once; the server keeps only its SHA-256. Send as `Authorization: Bearer <token>`. */
  deviceToken: z.string(),
  officeCode: z.string(),
  serverTime,
});
export type EnrollmentResponse = z.infer<typeof enrollmentResponseSchema>;

/** `details` of `enrollment-code-other-office`: the code's office and the one the PC asked for. */
export const otherOfficeDetailsSchema = z.object({ codeOffice: officeCode, requestedOffice: officeCode });
export type OtherOfficeDetails = z.infer<typeof otherOfficeDetailsSchema>;

export const deviceInfoResponseSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  officeCode: z.string(),
  enrolledAt: isoTimestamp,
  serverTime,
});
export type DeviceInfoResponse = z.infer<typeof deviceInfoResponseSchema>;

// ── Pull ────────────────────────────────────────────────────────────────────────────────────────

export const pullQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(defaultPullLimit),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pulledRegistrationSchema = z.object({
  seq: z.number().int().positive(),
  registration: registrationSchema,
  /**
   * The kiosk's `localReference` of the form this registration came from (`KS-XXXX-XXXX-XXXX`,
   * printed in the form's QR code when the kiosk was offline); null for every other registration.
   * Optional so that an older central's pages still parse; this central always sends it.
   */
  kioskReference: z.string().min(1).max(64).nullable().optional(),
});
export type PulledRegistration = z.infer<typeof pulledRegistrationSchema>;

export const pullResponseSchema = z.object({
  items: z.array(pulledRegistrationSchema),
  /** Pass as `after` next time: the seq of the last item, or the request's `after` when empty. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  serverTime,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ── Push: events ────────────────────────────────────────────────────────────────────────────────

export const eventTypes = ['decision', 'kiosk-registration', 'withdrawal'] as const;
export type EventType = (typeof eventTypes)[number];

export const decisionPayloadSchema = z.object({
  registrationCode: z.string().min(1).max(64),
  decision: decisionSchema,
});
export type DecisionPayload = z.infer<typeof decisionPayloadSchema>;

/**
 * What a kiosk collects. The server assigns `code`, `submittedAt` (server time), `channel: 'kiosk'`,
 * `status: 'pending'` and `decision: null`, and returns the code in the event's result.
 * `officeCode` is the receiving office the citizen chose: any office the central knows.
 * `localReference` is the kiosk's own id for the form (printed, and in its QR code, until the code
 * is known); the central keeps it with the registration and never accepts it for a second one.
 * `sendDeclarationCopy`: e-mail the citizen a copy of the declaration (needs `email`). Absent means
 * false; it is not given a default so that the content hash of an event written before the flag
 * existed stays the same (a replay of it must stay a `duplicate`, not `event-id-reused`).
 */
export const kioskRegistrationPayloadSchema = registrationSchema
  .pick({
    socialInsuranceNumber: true,
    fullName: true,
    dateOfBirth: true,
    sex: true,
    idDocument: true,
    address: true,
    phone: true,
    email: true,
    officeCode: true,
    guardian: true,
  })
  .extend({
    localReference: z.string().min(1).max(64),
    sendDeclarationCopy: z.boolean().optional(),
  });
export type KioskRegistrationPayload = z.infer<typeof kioskRegistrationPayloadSchema>;

export const withdrawalPayloadSchema = z.object({
  registrationCode: z.string().min(1).max(64),
  reason: z.string().trim().min(1).max(500),
});
export type WithdrawalPayload = z.infer<typeof withdrawalPayloadSchema>;

const eventEnvelope = {
  /** Made by the client (UUID), once, when the event is written to its outbox; reused on every retry. */
  eventId: z.uuid(),
  /** Must be the device the token belongs to. */
  deviceId: z.string().min(1).max(64),
  /** The device clock when the event happened: informational, never used for ordering. */
  occurredAt: isoTimestamp,
};

export const eventEnvelopeSchema = z.object({
  ...eventEnvelope,
  type: z.enum(eventTypes),
  payload: z.unknown(),
});

export const syncEventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventEnvelope, type: z.literal('decision'), payload: decisionPayloadSchema }),
  z.object({
    ...eventEnvelope,
    type: z.literal('kiosk-registration'),
    payload: kioskRegistrationPayloadSchema,
  }),
  z.object({ ...eventEnvelope, type: z.literal('withdrawal'), payload: withdrawalPayloadSchema }),
]);
export type SyncEvent = z.infer<typeof syncEventSchema>;

export const pushRequestSchema = z.object({
  // Elements are checked one by one on the server so one bad event never fails the batch.
  events: z.array(z.unknown()).min(1).max(maxEventsPerBatch),
});
export interface PushRequest {
  events: SyncEvent[];
}

export const eventStatuses = ['accepted', 'duplicate', 'conflict', 'invalid'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const invalidReasonCodes = [
  'schema', // the event or its payload does not match the schema (message says where)
  'clock-skew', // occurredAt or decidedAt more than 5 minutes ahead of server time
  'wrong-device', // event.deviceId is not the device of the token
  'unknown-registration',
  'wrong-office', // a decision or withdrawal on a registration of another office
  'unknown-office', // a kiosk form for an office the central does not know
  'email-required', // a kiosk form asks for a declaration copy by e-mail but gives no e-mail
  'reason-required', // a rejection without reasonCode
  'event-id-reused', // same eventId, different content
] as const;
export type InvalidReasonCode = (typeof invalidReasonCodes)[number];

/** Who made the change that won, and when (for the officer's conflict screen). */
export const conflictSchema = conflictWinnerSchema;
export type Conflict = z.infer<typeof conflictSchema>;

export const eventResultSchema = z.object({
  eventId: z.string(),
  status: z.enum(eventStatuses),
  /** For `duplicate`: what the first delivery of this eventId produced. */
  originalStatus: z.enum(['accepted', 'conflict']).optional(),
  /** The registration concerned; for kiosk registrations, the code the server assigned. */
  registrationCode: z.string().optional(),
  /** accepted: the seq of the change; conflict: the registration's seq when the conflict was found. */
  seq: z.number().int().positive().optional(),
  conflict: conflictSchema.optional(),
  reason: z.object({ code: z.enum(invalidReasonCodes), message: z.string() }).optional(),
});
export type EventResult = z.infer<typeof eventResultSchema>;

export const pushResponseSchema = z.object({
  /** One per event, in request order. */
  results: z.array(eventResultSchema),
  serverTime,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ── Staff directory ─────────────────────────────────────────────────────────────────────────────

export const staffMemberSchema = z.object({
  staffId: z.string(),
  fullName: z.string(),
  role: z.enum(staffRoles),
  /** `scrypt$N$r$p$salt$hash` (main/security/password-hash.ts). */
  passwordHash: z.string(),
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffResponseSchema = z.object({
  officeCode,
  staff: z.array(staffMemberSchema),
  serverTime,
});
export type StaffResponse = z.infer<typeof staffResponseSchema>;

// ── Offices ─────────────────────────────────────────────────────────────────────────────────────

export const officeSchema = z.object({
  officeCode,
  name: z.string().min(1).max(200),
  /** The province (or province-level city) of the office, when the central knows it. */
  province: z.string().min(1).max(200).nullish(),
});
export type Office = z.infer<typeof officeSchema>;

/** Every receiving office a kiosk form may name (the citizen picks one; the kiosk's own is the default). */
export const officesResponseSchema = z.object({
  offices: z.array(officeSchema),
  serverTime,
});
export type OfficesResponse = z.infer<typeof officesResponseSchema>;

// ── Notifications ───────────────────────────────────────────────────────────────────────────────

export const notificationTemplates = ['account-approved', '01/TB-GDĐT', 'declaration-copy'] as const;
export type NotificationTemplate = (typeof notificationTemplates)[number];

export const notificationQuerySchema = z.object({
  registration: z.string().min(1).max(64).optional(),
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(maxNotificationLimit).default(100),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

export const notificationSchema = z.object({
  notificationId: z.number().int().positive(),
  registrationCode: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  template: z.enum(notificationTemplates),
  subject: z.string().nullable(),
  body: z.string(),
  /** Rejections only: the reason code and note of the decision. */
  reason: z.object({ code: z.string().nullable(), note: z.string().nullable() }).nullable(),
  createdAt: isoTimestamp,
  /** The reference service never sends anything: every row is `recorded`. */
  deliveryStatus: z.literal('recorded'),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsResponseSchema = z.object({
  items: z.array(notificationSchema),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  serverTime,
});
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>;

// ── Audit chain heads ───────────────────────────────────────────────────────────────────────────

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** An entry of a device's audit chain: its id and its hash (docs/audit-trail.md). */
export const auditHeadSchema = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  hash: sha256Hex,
});
export type AuditHeadWire = z.infer<typeof auditHeadSchema>;

/**
 * The device's latest audit entry (`head`) and, in `since`, the hash its chain has NOW at the id of
 * the head the central last acknowledged (`acknowledged` of the previous answer; null before the
 * first one). The central holds the hash it was sent for that id: if they differ, the chain was
 * rewritten.
 */
export const auditHeadRequestSchema = z.object({
  head: auditHeadSchema,
  since: auditHeadSchema.nullable(),
});
export type AuditHeadRequest = z.infer<typeof auditHeadRequestSchema>;

export const auditHeadStates = [
  /** The chain continues what the central saw: `head` is now the acknowledged head. */
  'matches',
  /** The chain no longer contains what the central saw (rewritten or rewound): see `mismatch`. */
  'mismatch',
  /** `since` is missing or not at `acknowledged.id` (an answer was lost): send again with it. */
  'since-required',
] as const;

export const auditMismatchReasons = [
  /** `since` has another hash than the one received earlier for that id. */
  'rewritten',
  /** `head.id` is lower than an id received earlier (entries removed, or a restored backup). */
  'rewound',
] as const;

export const auditHeadResponseSchema = z.object({
  state: z.enum(auditHeadStates),
  /** The head the central compares the next report with: send `since` at its id. */
  acknowledged: auditHeadSchema.nullable(),
  /** The first mismatch recorded for this device (it stays until an operator deals with it). */
  mismatch: z
    .object({
      reason: z.enum(auditMismatchReasons),
      /** The entry id it was found at. */
      entryId: z.number().int().positive(),
      detectedAt: isoTimestamp,
    })
    .nullable(),
  serverTime,
});
export type AuditHeadResponse = z.infer<typeof auditHeadResponseSchema>;

// ── Paths ───────────────────────────────────────────────────────────────────────────────────────

export const syncPaths = {
  health: '/v1/health',
  enrollments: '/v1/enrollments',
  device: '/v1/device',
  events: '/v1/events',
  offices: '/v1/offices',
  auditHeads: '/v1/audit-heads',
  registrations: (office: string) => `/v1/offices/${encodeURIComponent(office)}/registrations`,
  staff: (office: string) => `/v1/offices/${encodeURIComponent(office)}/staff`,
  notifications: (office: string) => `/v1/offices/${encodeURIComponent(office)}/notifications`,
} as const;
