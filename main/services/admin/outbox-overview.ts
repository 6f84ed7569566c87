import type { Store } from '../../store/store.ts';

// What the administrator sees of the outbox behind the sync health: how many events are in each
// state, how old the oldest waiting one is, and the newest rows. Never a payload: a kiosk form's
// payload is a citizen's personal data. The subject is only the registration code (a decision) or
// the kiosk's own reference (a kiosk form), read from the entity the event belongs to.
//
// The reads sit here rather than in main/store/outbox-repository.ts while the administration work
// is built beside the sync work that owns that file; they only read.

export type OutboxState = 'pending' | 'done' | 'conflict' | 'invalid';

export interface OutboxOverviewItem {
  seq: number;
  eventId: string;
  type: string;
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
  items: OutboxOverviewItem[];
}

export function outboxOverview(
  store: Store,
  filter: { state: OutboxState | null; limit: number },
): OutboxOverview {
  return store.read(() => {
    const counts: Record<OutboxState, number> = { pending: 0, done: 0, conflict: 0, invalid: 0 };
    const rows = store.statement('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as Array<{
      state: OutboxState;
      n: number;
    }>;
    for (const row of rows) counts[row.state] = row.n;
    const { oldest } = store
      .statement(`SELECT min(created_at) AS oldest FROM outbox WHERE state = 'pending'`)
      .get() as { oldest: string | null };
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
      .all({ state: filter.state, limit: filter.limit }) as OutboxOverviewItem[];
    return { counts, oldestPendingAt: oldest, items };
  });
}
