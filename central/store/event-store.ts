import type Database from 'better-sqlite3';

export interface StoredEvent {
  contentHash: Buffer;
  /** The EventResult JSON of the first delivery. */
  result: string;
}

export interface NewEvent {
  eventId: string;
  deviceId: string;
  type: string;
  occurredAt: string;
  receivedAt: string;
  contentHash: Buffer;
  payload: string;
  registrationCode: string | null;
  result: string;
}

/** Events that took effect (accepted or conflict), keyed by the client-made eventId. */
export function createEventStore(db: Database.Database) {
  const find = db.prepare('SELECT content_hash AS contentHash, result FROM events WHERE event_id = ?');
  const kioskRegistrationResult = db
    .prepare(
      `SELECT result FROM events WHERE registration_code = ? AND type = 'kiosk-registration'
       ORDER BY received_at LIMIT 1`,
    )
    .pluck();
  const insert = db.prepare(`
    INSERT INTO events
      (event_id, device_id, type, occurred_at, received_at, content_hash, payload, registration_code, result)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(event_id) DO NOTHING`);
  return {
    find(eventId: string): StoredEvent | undefined {
      return find.get(eventId) as StoredEvent | undefined;
    },
    /** The result JSON of the kiosk-registration event that created this registration. */
    kioskRegistrationResult(registrationCode: string): string | undefined {
      return kioskRegistrationResult.get(registrationCode) as string | undefined;
    },
    /** False when the eventId was already stored: the insert did nothing. */
    insertOnce(event: NewEvent): boolean {
      const info = insert.run(
        event.eventId,
        event.deviceId,
        event.type,
        event.occurredAt,
        event.receivedAt,
        event.contentHash,
        event.payload,
        event.registrationCode,
        event.result,
      );
      return info.changes === 1;
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;
