import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Registration } from '../../main/core/registration/registration.ts';
import {
  decisionPayloadSchema,
  eventEnvelopeSchema,
  kioskRegistrationPayloadSchema,
  maxClockAheadMs,
  withdrawalPayloadSchema,
  type Conflict,
  type DecisionPayload,
  type EventResult,
  type EventType,
  type InvalidReasonCode,
  type KioskRegistrationPayload,
  type WithdrawalPayload,
} from '../protocol/sync-protocol.ts';
import { declarationCopyNotification } from '../notifications/declaration-copy-notification.ts';
import { decisionNotifications } from '../notifications/decision-notifications.ts';
import type { AuthenticatedDevice } from '../store/device-store.ts';
import { createEventStore } from '../store/event-store.ts';
import { createNotificationStore } from '../store/notification-store.ts';
import { createOfficeStore } from '../store/office-store.ts';
import { createRegistrationStore, type StoredRegistration } from '../store/registration-store.ts';
import { describeZodIssues } from '../../main/core/validation/describe-zod-issues.ts';

// Push: applies a batch of device events. Rules (docs/sync-protocol.md, "Push"):
// - The whole batch is ONE SQLite transaction: the registration changes, their notifications and the
//   event rows that make replays harmless commit together, and a crash leaves none of them.
// - The eventId is the idempotency key. An event that took effect (accepted or conflict) is stored
//   with its result (INSERT … ON CONFLICT DO NOTHING); a replay returns `duplicate` with that
//   original result, so a client that lost the first response learns what happened.
// - Invalid events change nothing and are not remembered: a resend is judged afresh.
// - A kiosk form has a second key, its localReference: a new eventId with a known reference is the
//   same form again and gets the first event's result as a `duplicate` (docs: "Codes assigned offline").
// - Order is the server's: each change takes the next seq. Device clocks are only checked for
//   being implausibly far ahead (clock-skew), never used to order anything.

type Parsed =
  | { type: 'decision'; payload: DecisionPayload }
  | { type: 'kiosk-registration'; payload: KioskRegistrationPayload }
  | { type: 'withdrawal'; payload: WithdrawalPayload };

interface EventContext {
  device: AuthenticatedDevice;
  now: Date;
}

const payloadSchemas: Record<EventType, z.ZodType> = {
  decision: decisionPayloadSchema,
  'kiosk-registration': kioskRegistrationPayloadSchema,
  withdrawal: withdrawalPayloadSchema,
};

export function createEventProcessor(db: Database.Database) {
  const registrations = createRegistrationStore(db);
  const events = createEventStore(db);
  const notifications = createNotificationStore(db);
  const offices = createOfficeStore(db);

  const processBatch = db.transaction((rawEvents: unknown[], context: EventContext): EventResult[] =>
    rawEvents.map((raw) => processEvent(raw, context)),
  );

  return {
    /** One result per event, in order. Throws only on a storage failure (the batch then rolls back). */
    process(rawEvents: unknown[], device: AuthenticatedDevice, now: Date): EventResult[] {
      return processBatch.immediate(rawEvents, { device, now });
    },
  };

  function processEvent(raw: unknown, context: EventContext): EventResult {
    const envelope = eventEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return invalid(eventIdOf(raw), 'schema', describeIssues(envelope.error));
    const { eventId, type, deviceId, occurredAt } = envelope.data;
    const payload = payloadSchemas[type].safeParse(envelope.data.payload);
    if (!payload.success) return invalid(eventId, 'schema', describeIssues(payload.error, 'payload'));
    const parsed = { type, payload: payload.data } as Parsed;

    if (deviceId !== context.device.deviceId) {
      return invalid(eventId, 'wrong-device', 'Sự kiện mang mã thiết bị khác với thiết bị đã xác thực.');
    }

    // The device id is not part of the content: a device that was revoked and enrolled again
    // resends its outbox under its new id, and must learn what its events did, not be refused.
    const contentHash = createHash('sha256')
      .update(JSON.stringify([type, occurredAt, parsed.payload]))
      .digest();
    const stored = events.find(eventId);
    if (stored) {
      if (!stored.contentHash.equals(contentHash)) {
        return invalid(
          eventId,
          'event-id-reused',
          'Mã sự kiện đã được dùng cho một sự kiện có nội dung khác.',
        );
      }
      const original = JSON.parse(stored.result) as EventResult;
      return { ...original, status: 'duplicate', originalStatus: original.status as 'accepted' | 'conflict' };
    }

    const latest = context.now.getTime() + maxClockAheadMs;
    const decidedAt = parsed.type === 'decision' ? parsed.payload.decision.decidedAt : occurredAt;
    if (Date.parse(occurredAt) > latest || Date.parse(decidedAt) > latest) {
      return invalid(
        eventId,
        'clock-skew',
        'Thời điểm của sự kiện đi trước giờ máy chủ hơn 5 phút: hãy kiểm tra đồng hồ của máy.',
      );
    }

    const result = apply(eventId, parsed, context);
    if (result.status === 'accepted' || result.status === 'conflict') {
      const recorded = events.insertOnce({
        eventId,
        deviceId,
        type,
        occurredAt,
        receivedAt: context.now.toISOString(),
        contentHash,
        payload: JSON.stringify(parsed.payload),
        registrationCode: result.registrationCode ?? null,
        result: JSON.stringify(result),
      });
      // Cannot happen inside our write transaction (we looked the id up above); if it ever does,
      // failing the batch rolls back the change we just made instead of applying it twice.
      if (!recorded) throw new Error(`event ${eventId} recorded concurrently`);
    }
    return result;
  }

  function apply(eventId: string, parsed: Parsed, context: EventContext): EventResult {
    switch (parsed.type) {
      case 'kiosk-registration':
        return applyKioskRegistration(eventId, parsed.payload, context);
      case 'decision':
        return applyDecision(eventId, parsed.payload, context);
      case 'withdrawal':
        return applyWithdrawal(eventId, parsed.payload, context);
    }
  }

  function applyKioskRegistration(
    eventId: string,
    payload: KioskRegistrationPayload,
    { device, now }: EventContext,
  ): EventResult {
    // The reference identifies the form: a second event for it (a kiosk that lost its outbox row and
    // wrote the form again, a restored backup) is the same citizen's same form, never a second
    // registration. It is answered like a replay, with what the first event did; not being stored
    // itself, a resend of it is judged afresh and gets the same answer.
    const existingCode = registrations.codeOfKioskReference(payload.localReference);
    if (existingCode !== undefined) {
      const original = events.kioskRegistrationResult(existingCode);
      const first = original
        ? (JSON.parse(original) as EventResult)
        : { registrationCode: existingCode, seq: registrations.find(existingCode)?.seq };
      return {
        eventId,
        status: 'duplicate',
        originalStatus: 'accepted',
        registrationCode: existingCode,
        ...(first.seq === undefined ? {} : { seq: first.seq }),
      };
    }
    // Any office the central knows: the citizen chooses where to finish at the counter.
    const office = offices.find(payload.officeCode);
    if (!office) {
      return invalid(
        eventId,
        'unknown-office',
        `Không có văn phòng BHXH mã ${payload.officeCode}: hãy chọn lại nơi tiếp nhận hồ sơ.`,
      );
    }
    const sendDeclarationCopy = payload.sendDeclarationCopy === true;
    if (sendDeclarationCopy && !payload.email?.trim()) {
      return invalid(
        eventId,
        'email-required',
        'Công dân yêu cầu gửi bản tờ khai qua e-mail nhưng hồ sơ không có địa chỉ e-mail.',
      );
    }
    const submittedAt = now.toISOString();
    // Canonical key order (REGISTRATION.md), so the stored JSON reads like every other registration.
    const registration: Registration = {
      code: registrations.nextCode(payload.officeCode, now.getUTCFullYear()),
      socialInsuranceNumber: payload.socialInsuranceNumber,
      fullName: payload.fullName,
      dateOfBirth: payload.dateOfBirth,
      sex: payload.sex,
      idDocument: payload.idDocument,
      address: payload.address,
      phone: payload.phone,
      email: payload.email,
      officeCode: payload.officeCode,
      channel: 'kiosk',
      submittedAt,
      guardian: payload.guardian,
      status: 'pending',
      decision: null,
    };
    const seq = registrations.nextSeq();
    registrations.insert(
      registration,
      { seq, changedAt: submittedAt, changedByDevice: device.deviceId },
      payload.localReference,
    );
    if (sendDeclarationCopy) {
      const copy = declarationCopyNotification(registration, office, submittedAt);
      if (copy) notifications.insert(copy);
    }
    return { eventId, status: 'accepted', registrationCode: registration.code, seq };
  }

  function applyDecision(eventId: string, payload: DecisionPayload, context: EventContext): EventResult {
    const found = findPending(eventId, payload.registrationCode, context);
    if ('status' in found) return found;
    const { decision } = payload;
    if (decision.outcome === 'rejected' && !decision.reasonCode) {
      return invalid(eventId, 'reason-required', 'Từ chối hồ sơ phải có mã lý do.');
    }
    const registration: Registration = { ...found.registration, status: decision.outcome, decision };
    const seq = registrations.nextSeq();
    const changedAt = context.now.toISOString();
    registrations.update(registration, { seq, changedAt, changedByDevice: context.device.deviceId });
    for (const notification of decisionNotifications(registration, changedAt))
      notifications.insert(notification);
    return { eventId, status: 'accepted', registrationCode: registration.code, seq };
  }

  function applyWithdrawal(eventId: string, payload: WithdrawalPayload, context: EventContext): EventResult {
    const found = findPending(eventId, payload.registrationCode, context);
    if ('status' in found) return found;
    const registration: Registration = { ...found.registration, status: 'withdrawn' };
    const seq = registrations.nextSeq();
    registrations.update(registration, {
      seq,
      changedAt: context.now.toISOString(),
      changedByDevice: context.device.deviceId,
      withdrawalReason: payload.reason,
    });
    return { eventId, status: 'accepted', registrationCode: registration.code, seq };
  }

  /** The registration when it can still be decided; otherwise the invalid or conflict result. */
  function findPending(
    eventId: string,
    registrationCode: string,
    { device }: EventContext,
  ): { registration: Registration } | EventResult {
    const stored = registrations.find(registrationCode);
    if (!stored) {
      return invalid(eventId, 'unknown-registration', `Không tìm thấy hồ sơ ${registrationCode}.`);
    }
    if (stored.officeCode !== device.officeCode) {
      return invalid(eventId, 'wrong-office', `Hồ sơ ${registrationCode} thuộc văn phòng BHXH khác.`);
    }
    const registration = JSON.parse(stored.json) as Registration;
    if (stored.status !== 'pending') {
      return {
        eventId,
        status: 'conflict',
        registrationCode,
        seq: stored.seq,
        conflict: describeConflict(stored, registration),
      };
    }
    return { registration };
  }
}

export type EventProcessor = ReturnType<typeof createEventProcessor>;

function describeConflict(stored: StoredRegistration, registration: Registration): Conflict {
  const decision = registration.decision;
  return {
    status: stored.status,
    decision,
    decidedBy: {
      deviceId: stored.statusChangedByDevice,
      officerId: decision?.officerId ?? null,
      counterId: decision?.counterId ?? null,
    },
    decidedAt: decision?.decidedAt ?? stored.statusChangedAt,
    withdrawalReason: stored.withdrawalReason,
  };
}

function invalid(eventId: string, code: InvalidReasonCode, message: string): EventResult {
  return { eventId, status: 'invalid', reason: { code, message } };
}

function eventIdOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'eventId' in raw && typeof raw.eventId === 'string') {
    return raw.eventId.slice(0, 100);
  }
  return '';
}

/** Where the event is wrong, never what it contained (the values may be personal data). */
function describeIssues(error: z.ZodError, prefix?: string): string {
  const where = describeZodIssues(error, { rootName: '(sự kiện)', ...(prefix ? { prefix } : {}) });
  return `Sự kiện không đúng định dạng: ${where}`;
}
