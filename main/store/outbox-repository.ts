import { appendAudit } from './audit-log.ts';
import { conflictWinnerSchema, type ConflictWinner } from '../core/registration/conflict-winner.ts';
import type { OutboxEvent, OutboxEventType } from './outbox-events.ts';
import type { Store } from './store.ts';
import { StoreError } from './store-error.ts';

// The outbox: events waiting for the central service. Rows are written in the transaction of the
// change they carry (recordDecision, submitKioskRegistration) and leave 'pending' only through the
// functions below, each of which also updates the entity the event was about, in one transaction.
//
//   pending ──push accepted──► done
//      │  ├──central: conflict──► conflict   (decision lost to another; conflicts row written)
//      │  └──central: invalid───► invalid    (refused for good; the change is undone locally)
//      └──network/5xx──► pending again with attempts+1 and next_attempt_at (scheduleRetry)

interface OutboxRow {
  event_id: string;
  type: OutboxEventType;
  payload: string;
  created_at: string;
  attempts: number;
  last_error_code: string | null;
}

// The device clock is not trusted (ARCHITECTURE.md): a new event is due at once whatever the clock
// says, a retry is never scheduled more than `maxRetryDelayMs` ahead, and a retry time further ahead
// than that means the clock went back, so the event is due now instead of stuck for hours.
export const maxRetryDelayMs = 60 * 60 * 1000;
const dueAtOnce = '1970-01-01T00:00:00.000Z';

/** Adds an event. Only for use inside the transaction of the change it carries. */
export function insertOutboxEvent(
  store: Store,
  event: Pick<OutboxEvent, 'eventId' | 'type' | 'payload'>,
): void {
  store
    .statement(
      `INSERT INTO outbox (event_id, type, payload, created_at, attempts, next_attempt_at, state)
       VALUES (?, ?, ?, ?, 0, ?, 'pending')`,
    )
    .run(event.eventId, event.type, JSON.stringify(event.payload), store.now().toISOString(), dueAtOnce);
}

/** Pending events due at `now`, oldest first (insertion order, never the device clock). */
export function nextBatch(store: Store, limit: number, now: Date = store.now()): OutboxEvent[] {
  const clockWentBack = new Date(now.getTime() + maxRetryDelayMs).toISOString();
  const rows = store.read(
    () =>
      store
        .statement(
          `SELECT event_id, type, payload, created_at, attempts, last_error_code FROM outbox
           WHERE state = 'pending' AND (next_attempt_at <= ? OR next_attempt_at > ?) ORDER BY seq LIMIT ?`,
        )
        .all(now.toISOString(), clockWentBack, Math.max(1, Math.trunc(limit))) as OutboxRow[],
  );
  return rows.map(
    (row) =>
      ({
        eventId: row.event_id,
        type: row.type,
        payload: JSON.parse(row.payload),
        createdAt: row.created_at,
        attempts: row.attempts,
        lastErrorCode: row.last_error_code,
      }) as OutboxEvent,
  );
}

export interface PushAccepted {
  eventId: string;
  /** For a kiosk registration: the registration code the central service gave it. */
  serverCode?: string | null;
}

function pendingRow(store: Store, eventId: string): OutboxRow | null {
  const row = store
    .statement(
      `SELECT event_id, type, payload, created_at, attempts, last_error_code FROM outbox
       WHERE event_id = ? AND state = 'pending'`,
    )
    .get(eventId) as OutboxRow | undefined;
  return row ?? null;
}

function finish(
  store: Store,
  eventId: string,
  state: 'done' | 'conflict' | 'invalid',
  errorCode: string | null,
) {
  store
    .statement(
      `UPDATE outbox SET state = ?, finished_at = ?, attempts = attempts + 1,
         last_error_code = coalesce(?, last_error_code) WHERE event_id = ?`,
    )
    .run(state, store.now().toISOString(), errorCode, eventId);
}

/**
 * The central service stored these events (or had them already: pushes are at-least-once). Unknown
 * or already finished ids are ignored, so a repeated answer changes nothing. Returns how many moved.
 */
export function markDone(store: Store, results: readonly PushAccepted[]): number {
  return store.transaction(() => {
    let moved = 0;
    const now = store.now().toISOString();
    for (const result of results) {
      const row = pendingRow(store, result.eventId);
      if (row === null) continue;
      finish(store, row.event_id, 'done', null);
      if (row.type === 'decision') {
        store.statement(`UPDATE decisions SET sync_state = 'synced' WHERE event_id = ?`).run(row.event_id);
        // 'synced' once the server's version shows the registration decided; until the pull brings
        // that version, the local decision is what the screens show.
        store
          .statement(
            `UPDATE registrations SET local_state = 'synced', updated_at = ?
             WHERE code = (SELECT registration_code FROM decisions WHERE event_id = ?)
               AND local_state = 'decided-locally' AND status <> 'pending'`,
          )
          .run(now, row.event_id);
      } else {
        store
          .statement(
            `UPDATE kiosk_registrations SET sync_state = 'synced', synced_at = ?, server_code = ?
             WHERE event_id = ?`,
          )
          .run(now, result.serverCode ?? null, row.event_id);
        // Delivered and already printed (a kiosk that was offline while it printed): the kiosk has
        // no reason left to hold the citizen's data.
        eraseDeliveredKioskEvent(store, row.event_id, now);
      }
      moved += 1;
    }
    return moved;
  });
}

/**
 * The central service refused a decision because another change won (a decision elsewhere, or a
 * withdrawal). The local decision is kept (as 'conflict'), the winner is written beside it, the
 * registration shows 'conflict' until an officer has seen who decided what and when. Nothing is
 * overwritten. Returns the conflict id, or null when the event is not a pending decision (a repeated
 * answer, e.g. a `duplicate` whose originalStatus is conflict).
 */
export function markConflict(store: Store, eventId: string, winning: ConflictWinner): number | null {
  const winner = conflictWinnerSchema.parse(winning);
  return store.transaction(() => {
    const row = pendingRow(store, eventId);
    if (row === null) return null;
    if (row.type !== 'decision') {
      throw new StoreError('store-constraint', 'Chỉ một quyết định mới có thể xung đột.', {
        details: { eventId, type: row.type },
      });
    }
    const now = store.now().toISOString();
    finish(store, eventId, 'conflict', 'conflict');
    const { registration_code: code } = store
      .statement(
        `UPDATE decisions SET sync_state = 'conflict' WHERE event_id = ? RETURNING registration_code`,
      )
      .get(eventId) as { registration_code: string };
    store
      .statement(`UPDATE registrations SET local_state = 'conflict', updated_at = ? WHERE code = ?`)
      .run(now, code);
    const { id } = store
      .statement(
        `INSERT INTO conflicts (registration_code, event_id, winner, detected_at)
         VALUES (?, ?, ?, ?) RETURNING id`,
      )
      .get(code, eventId, JSON.stringify(winner), now) as { id: number };
    appendAudit(store, {
      actor: 'sync',
      action: 'decision.conflict',
      subject: code,
      details: {
        eventId,
        conflictId: id,
        winner: {
          status: winner.status,
          outcome: winner.decision?.outcome ?? null,
          officerId: winner.decidedBy?.officerId ?? winner.decision?.officerId ?? null,
          counterId: winner.decidedBy?.counterId ?? winner.decision?.counterId ?? null,
          decidedAt: winner.decidedAt,
        },
      },
    });
    return id;
  });
}

/**
 * The central service refused an event for good (schema or business rule, `errorCode` from its
 * answer). The local change is undone so it can be redone: a decision frees its registration again,
 * a kiosk registration is flagged for staff. Returns whether the event moved.
 */
export function markInvalid(store: Store, eventId: string, errorCode: string): boolean {
  return store.transaction(() => {
    const row = pendingRow(store, eventId);
    if (row === null) return false;
    const now = store.now().toISOString();
    finish(store, eventId, 'invalid', errorCode);
    let subject: string;
    if (row.type === 'decision') {
      const { registration_code: code } = store
        .statement(
          `UPDATE decisions SET sync_state = 'invalid' WHERE event_id = ? RETURNING registration_code`,
        )
        .get(eventId) as { registration_code: string };
      store
        .statement(
          `UPDATE registrations SET local_state = 'synced', updated_at = ?
           WHERE code = ? AND local_state = 'decided-locally'`,
        )
        .run(now, code);
      subject = code;
    } else {
      const kiosk = store
        .statement(
          `UPDATE kiosk_registrations SET sync_state = 'invalid' WHERE event_id = ? RETURNING local_ref`,
        )
        .get(eventId) as { local_ref: string } | undefined;
      subject = kiosk?.local_ref ?? eventId;
    }
    appendAudit(store, { actor: 'sync', action: 'outbox.invalid', subject, details: { eventId, errorCode } });
    return true;
  });
}

/** A push failed for a passing reason: try these again at `nextAttemptAt` (at most an hour ahead). */
export function scheduleRetry(
  store: Store,
  eventIds: readonly string[],
  errorCode: string,
  nextAttemptAt: Date,
): void {
  const latest = store.now().getTime() + maxRetryDelayMs;
  const at = new Date(Math.min(nextAttemptAt.getTime(), latest)).toISOString();
  store.transaction(() => {
    for (const eventId of eventIds) {
      store
        .statement(
          `UPDATE outbox SET attempts = attempts + 1, last_error_code = ?, next_attempt_at = ?
           WHERE event_id = ? AND state = 'pending'`,
        )
        .run(errorCode, at, eventId);
    }
  });
}

export interface OutboxBacklog {
  pending: number;
  /** created_at of the oldest pending event (null when none). */
  oldestCreatedAt: string | null;
}

/**
 * How many events wait, and since when: the one reader of the oldest pending event, behind the sync
 * status, the supervisors' report (report-queries.ts) and the administration's outbox. It reads the
 * pending rows only (the partial index `outbox_pending`), so every sync round can afford it.
 */
export function outboxBacklog(store: Store): OutboxBacklog {
  const row = store.read(
    () =>
      store
        .statement(
          `SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE state = 'pending'`,
        )
        .get() as { pending: number; oldest: string | null },
  );
  return { pending: row.pending, oldestCreatedAt: row.oldest };
}

export type OutboxState = 'pending' | 'done' | 'conflict' | 'invalid';

/** One outbox row as the administration shows it: never the payload (a citizen's personal data). */
export interface OutboxOverviewItem {
  seq: number;
  eventId: string;
  type: string;
  /** The registration code of a decision, the kiosk's own reference of a kiosk form. */
  subject: string | null;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastErrorCode: string | null;
  state: OutboxState;
  finishedAt: string | null;
}

export interface OutboxOverview {
  counts: Record<OutboxState, number>;
  oldestPendingAt: string | null;
  /** Newest first. */
  items: OutboxOverviewItem[];
}

/**
 * The counts per state, the oldest pending event and the newest `limit` rows (of one state, or
 * all), from one snapshot. The subject comes from the entity the event belongs to, never from the
 * payload.
 */
export function outboxOverview(
  store: Store,
  filter: { state: OutboxState | null; limit: number },
): OutboxOverview {
  return store.read(() =>
    store.db.transaction(() => {
      const counts: Record<OutboxState, number> = { pending: 0, done: 0, conflict: 0, invalid: 0 };
      const rows = store.statement('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as Array<{
        state: OutboxState;
        n: number;
      }>;
      for (const row of rows) counts[row.state] = row.n;
      const items = store
        .statement(
          `SELECT o.seq, o.event_id AS eventId, o.type,
             coalesce(d.registration_code, k.local_ref) AS subject,
             o.created_at AS createdAt, o.attempts, o.next_attempt_at AS nextAttemptAt,
             o.last_error_code AS lastErrorCode, o.state, o.finished_at AS finishedAt
           FROM outbox o
             LEFT JOIN decisions d ON d.event_id = o.event_id
             LEFT JOIN kiosk_registrations k ON k.event_id = o.event_id
           WHERE @state IS NULL OR o.state = @state
           ORDER BY o.seq DESC LIMIT @limit`,
        )
        .all({ state: filter.state, limit: Math.max(1, Math.trunc(filter.limit)) }) as OutboxOverviewItem[];
      return { counts, oldestPendingAt: outboxBacklog(store).oldestCreatedAt, items };
    })(),
  );
}

export interface OutboxRecord {
  eventId: string;
  type: OutboxEventType;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastErrorCode: string | null;
}

/** One outbox row whatever its state (for status screens and tests). */
export function findOutboxEvent(store: Store, eventId: string): OutboxRecord | null {
  const row = store.read(
    () =>
      store
        .statement(
          `SELECT event_id AS eventId, type, state, attempts, next_attempt_at AS nextAttemptAt,
             last_error_code AS lastErrorCode FROM outbox WHERE event_id = ?`,
        )
        .get(eventId) as OutboxRecord | undefined,
  );
  return row ?? null;
}

/**
 * Erases a kiosk form's personal data once the central has it and it was printed: the submission's
 * payload and the finished outbox row's copy of it (only the reference stays). Inside the caller's
 * transaction. Returns whether there was anything to erase.
 */
export function eraseDeliveredKioskEvent(store: Store, eventId: string, at: string): boolean {
  const erased = store
    .statement(
      `UPDATE kiosk_registrations SET payload = NULL, purged_at = ?
       WHERE event_id = ? AND purged_at IS NULL AND sync_state = 'synced' AND printed_at IS NOT NULL
       RETURNING local_ref`,
    )
    .get(at, eventId) as { local_ref: string } | undefined;
  if (erased === undefined) return false;
  store
    .statement(
      `UPDATE outbox SET payload = json_object('localReference', ?) WHERE event_id = ? AND state <> 'pending'`,
    )
    .run(erased.local_ref, eventId);
  appendAudit(store, { actor: 'kiosk', action: 'kiosk-registration.erased', subject: erased.local_ref });
  return true;
}
