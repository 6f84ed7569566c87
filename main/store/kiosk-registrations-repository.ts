import { randomUUID } from 'node:crypto';
import { appendAudit } from './audit-log.ts';
import { eraseDeliveredKioskEvent, insertOutboxEvent } from './outbox-repository.ts';
import type { Store } from './store.ts';

// Registrations typed by citizens at the self-service kiosk. The row and its outbox event commit
// together, so a receipt is never printed for a submission that could be lost. The payload is
// erased as soon as the central has it and it was printed (eraseDeliveredKioskEvent), else after
// the retention delay (purgeExpired).

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
  /** The citizen's language at the kiosk (null for rows from before the kiosk screens). */
  language: string | null;
  /** The queue number on the ticket, e.g. "K1-007". */
  ticketNumber: string | null;
  /** The receiving office the citizen chose (kept after the payload is erased). */
  officeCode: string | null;
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
  language: string | null;
  ticket_number: string | null;
  office_code: string | null;
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
    language: row.language,
    ticketNumber: row.ticket_number,
    officeCode: row.office_code,
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
  options: {
    localRef?: string;
    eventId?: string;
    language?: string | null;
    ticketNumber?: string | null;
    officeCode?: string | null;
    /** The person's ID key (kiosk-status-index.ts personKey): kept after the payload is erased. */
    personKey?: string | null;
  } = {},
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
        `INSERT INTO kiosk_registrations
           (local_ref, event_id, payload, created_at, sync_state, language, ticket_number, office_code,
            person_key)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(
        localRef,
        eventId,
        json,
        store.now().toISOString(),
        options.language ?? null,
        options.ticketNumber ?? null,
        options.officeCode ?? null,
        options.personKey ?? null,
      );
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

export function findKioskRegistrationByEventId(store: Store, eventId: string): KioskRegistration | null {
  const row = store.read(
    () =>
      store.statement('SELECT * FROM kiosk_registrations WHERE event_id = ?').get(eventId) as
        KioskRow | undefined,
  );
  return row === undefined ? null : toKioskRegistration(row);
}

/**
 * The next queue number of `day` (a Vietnam date, YYYY-MM-DD): 1, 2, 3… Call inside the
 * transaction that stores the submission, so two submissions never share a number.
 */
export function nextKioskTicketNumber(store: Store, day: string): number {
  const row = store
    .statement(
      `INSERT INTO kiosk_ticket_counters (day, last_number) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number`,
    )
    .get(day) as { last_number: number };
  return row.last_number;
}

/**
 * This kiosk's submissions of the person with one of these keys (personKey of their ID document)
 * that the central did not refuse, newest first: found also after their data was erased.
 */
export function findKioskRegistrationsByPerson(store: Store, keys: readonly string[]): KioskRegistration[] {
  if (keys.length === 0) return [];
  const rows = store.read(
    () =>
      store
        .statement(
          `SELECT * FROM kiosk_registrations
           WHERE person_key IN (SELECT value FROM json_each(?)) AND sync_state <> 'invalid'
           ORDER BY created_at DESC`,
        )
        .all(JSON.stringify(keys)) as KioskRow[],
  );
  return rows.map(toKioskRegistration);
}

/** A submission by the code the central gave it. */
export function findKioskRegistrationByServerCode(store: Store, code: string): KioskRegistration | null {
  const row = store.read(
    () =>
      store.statement('SELECT * FROM kiosk_registrations WHERE server_code = ?').get(code) as
        KioskRow | undefined,
  );
  return row === undefined ? null : toKioskRegistration(row);
}

/**
 * Erases the payload of a submission the central has and that was printed: from then on the kiosk
 * holds no personal data of it (the print job's copy goes when the job is done). Returns whether it
 * erased anything.
 */
export function eraseDeliveredKioskPayload(store: Store, localRef: string): boolean {
  return store.transaction(() => {
    const row = findKioskRegistration(store, localRef);
    return row !== null && eraseDeliveredKioskEvent(store, row.eventId, store.now().toISOString());
  });
}
