import { randomUUID } from 'node:crypto';
import { appendAudit } from './audit-log.ts';
import { insertOutboxEvent } from './outbox-repository.ts';
import type { Store } from './store.ts';

// Registrations typed by citizens at the self-service kiosk. The row and its outbox event commit
// together, so a receipt is never printed for a submission that could be lost. The payload is
// purged once the central service has it and the retention delay has passed (purgeExpired).

export interface KioskRegistration {
  localRef: string;
  eventId: string;
  /** The submission; null once purged. */
  payload: unknown;
  createdAt: string;
  printedAt: string | null;
  syncState: 'pending' | 'synced' | 'invalid';
  /** The registration code the central service gave it, once known. */
  serverCode: string | null;
  syncedAt: string | null;
  purgedAt: string | null;
}

interface KioskRow {
  local_ref: string;
  event_id: string;
  payload: string | null;
  created_at: string;
  printed_at: string | null;
  sync_state: KioskRegistration['syncState'];
  server_code: string | null;
  synced_at: string | null;
  purged_at: string | null;
}

function toKioskRegistration(row: KioskRow): KioskRegistration {
  return {
    localRef: row.local_ref,
    eventId: row.event_id,
    payload: row.payload === null ? null : JSON.parse(row.payload),
    createdAt: row.created_at,
    printedAt: row.printed_at,
    syncState: row.sync_state,
    serverCode: row.server_code,
    syncedAt: row.synced_at,
    purgedAt: row.purged_at,
  };
}

/**
 * Stores a kiosk submission and its outbox event in one transaction. `submission` is the kiosk
 * form's fields (validated by the kiosk service); the event's payload is the submission plus
 * `localReference`, as the central expects it (docs/sync-protocol.md §6, `kiosk-registration`).
 */
export function submitKioskRegistration(
  store: Store,
  submission: Record<string, unknown>,
  options: { localRef?: string; eventId?: string } = {},
): KioskRegistration {
  if (submission === null || typeof submission !== 'object' || Array.isArray(submission)) {
    throw new TypeError('a kiosk registration is a JSON object');
  }
  const json = JSON.stringify(submission);
  const localRef = options.localRef ?? randomUUID();
  const eventId = options.eventId ?? randomUUID();
  return store.transaction(() => {
    store
      .statement(
        `INSERT INTO kiosk_registrations (local_ref, event_id, payload, created_at, sync_state)
         VALUES (?, ?, ?, ?, 'pending')`,
      )
      .run(localRef, eventId, json, store.now().toISOString());
    insertOutboxEvent(store, {
      eventId,
      type: 'kiosk-registration',
      payload: { ...(JSON.parse(json) as Record<string, unknown>), localReference: localRef },
    });
    appendAudit(store, {
      actor: 'kiosk',
      action: 'kiosk-registration.submitted',
      subject: localRef,
      details: { eventId },
    });
    return findKioskRegistration(store, localRef) as KioskRegistration;
  });
}

export function findKioskRegistration(store: Store, localRef: string): KioskRegistration | null {
  const row = store.read(
    () =>
      store.statement('SELECT * FROM kiosk_registrations WHERE local_ref = ?').get(localRef) as
        KioskRow | undefined,
  );
  return row === undefined ? null : toKioskRegistration(row);
}

/** The receipt was printed. Returns false for an unknown reference. */
export function markKioskRegistrationPrinted(store: Store, localRef: string): boolean {
  return store.transaction(
    () =>
      store
        .statement('UPDATE kiosk_registrations SET printed_at = coalesce(printed_at, ?) WHERE local_ref = ?')
        .run(store.now().toISOString(), localRef).changes === 1,
  );
}

/** Submissions the central service does not have yet (or refused), oldest first. */
export function listUnsyncedKioskRegistrations(store: Store): KioskRegistration[] {
  const rows = store.read(
    () =>
      store
        .statement(
          `SELECT * FROM kiosk_registrations WHERE sync_state <> 'synced' ORDER BY created_at, local_ref`,
        )
        .all() as KioskRow[],
  );
  return rows.map(toKioskRegistration);
}
