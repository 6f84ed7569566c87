import type { Decision } from '../core/registration/registration.ts';

// The events this device pushes, named and shaped as on the wire (docs/sync-protocol.md §6), so the
// sync engine only adds the envelope (`deviceId`, `occurredAt` = createdAt). `eventId` (a UUID made
// here, once) travels with every retry: the central service stores it with INSERT … ON CONFLICT DO
// NOTHING, so a retry never doubles anything.

export const outboxEventTypes = ['decision', 'kiosk-registration'] as const;
export type OutboxEventType = (typeof outboxEventTypes)[number];

export interface DecisionEventPayload {
  registrationCode: string;
  decision: Decision;
}

/** The kiosk form's fields plus the kiosk's own reference (printed on the receipt). */
export type KioskRegistrationEventPayload = Record<string, unknown> & { localReference: string };

interface OutboxEventBase {
  eventId: string;
  /** Device clock when it happened: the envelope's `occurredAt` (informational, never for ordering). */
  createdAt: string;
  attempts: number;
  lastErrorCode: string | null;
}

export type OutboxEvent =
  | (OutboxEventBase & { type: 'decision'; payload: DecisionEventPayload })
  | (OutboxEventBase & { type: 'kiosk-registration'; payload: KioskRegistrationEventPayload });
