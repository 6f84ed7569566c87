import type { Decision } from '../core/registration/registration.ts';
import { appendAudit } from './audit-log.ts';
import type { ConflictWinner } from '../core/registration/conflict-winner.ts';
import type { Store } from './store.ts';
import { failure, ok, StoreError, type StoreResult } from './store-error.ts';

// Conflicts: a decision taken here that lost to one taken elsewhere. Shown to the officer with both
// sides (who decided what and when) until someone acknowledges it; never resolved silently.

export interface Conflict {
  id: number;
  registrationCode: string;
  eventId: string;
  ours: Decision;
  /** What won: the central's description (a decision elsewhere, or a withdrawal/expiry). */
  winner: ConflictWinner;
  detectedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

interface ConflictRow {
  id: number;
  registration_code: string;
  event_id: string;
  winner: string;
  detected_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  outcome: Decision['outcome'];
  reason_code: string | null;
  note: string | null;
  officer_id: string;
  counter_id: string;
  override: number;
  decided_at: string;
}

const selectConflicts = `SELECT c.*, d.outcome, d.reason_code, d.note, d.officer_id, d.counter_id, d.override,
    d.decided_at
  FROM conflicts c JOIN decisions d ON d.event_id = c.event_id`;

function toConflict(row: ConflictRow): Conflict {
  return {
    id: row.id,
    registrationCode: row.registration_code,
    eventId: row.event_id,
    ours: {
      outcome: row.outcome,
      reasonCode: row.reason_code,
      note: row.note,
      officerId: row.officer_id,
      counterId: row.counter_id,
      decidedAt: row.decided_at,
      override: row.override === 1,
    },
    winner: JSON.parse(row.winner) as ConflictWinner,
    detectedAt: row.detected_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}

/** Conflicts nobody has acknowledged yet, oldest first. */
export function listOpenConflicts(store: Store): Conflict[] {
  const rows = store.read(
    () =>
      store.statement(`${selectConflicts} WHERE c.resolved_at IS NULL ORDER BY c.id`).all() as ConflictRow[],
  );
  return rows.map(toConflict);
}

/** How many conflicts wait for an officer (the status bar's count), without reading them. */
export function countOpenConflicts(store: Store): number {
  const row = store.read(
    () =>
      store.statement('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL').get() as { n: number },
  );
  return row.n;
}

export function conflictsOfRegistration(store: Store, registrationCode: string): Conflict[] {
  const rows = store.read(
    () =>
      store
        .statement(`${selectConflicts} WHERE c.registration_code = ? ORDER BY c.id`)
        .all(registrationCode) as ConflictRow[],
  );
  return rows.map(toConflict);
}

/**
 * An officer has seen the conflict. The registration returns to 'synced' (it shows the winning,
 * central version) once none of its conflicts is open; the audit trail records who acknowledged.
 */
export function resolveConflict(store: Store, conflictId: number, staffId: string): StoreResult<Conflict> {
  return store.transaction((): StoreResult<Conflict> => {
    const now = store.now().toISOString();
    const updated = store
      .statement(
        `UPDATE conflicts SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL
         RETURNING registration_code`,
      )
      .get(now, staffId, conflictId) as { registration_code: string } | undefined;
    if (updated === undefined) {
      return failure(
        new StoreError('conflict-not-found', `Không có xung đột số ${conflictId} đang chờ xử lý.`, {
          details: { conflictId },
        }),
      );
    }
    const code = updated.registration_code;
    store
      .statement(
        `UPDATE registrations SET local_state = 'synced', updated_at = ?
         WHERE code = ? AND local_state = 'conflict'
           AND NOT EXISTS (SELECT 1 FROM conflicts WHERE registration_code = ? AND resolved_at IS NULL)`,
      )
      .run(now, code, code);
    appendAudit(store, {
      actor: staffId,
      action: 'conflict.resolved',
      subject: code,
      details: { conflictId },
    });
    const row = store.statement(`${selectConflicts} WHERE c.id = ?`).get(conflictId) as ConflictRow;
    return ok(toConflict(row));
  });
}
