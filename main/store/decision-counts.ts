import type { Store } from './store.ts';

// How many decisions an officer took at a counter in a time range ("my day" on the counter home).
// Counted from this device's `decisions` table: what this counter did, including what is not pushed
// yet. Only live decisions count (pending push or synced): one that lost a conflict or was refused
// for good by the central service did not stand, and the registration is decided (or decidable) again.

export interface DecisionCounts {
  approved: number;
  rejected: number;
}

/** Decisions of `officerId` at `counterId` with `from <= decided_at < until` (ISO 8601 UTC). */
export function countDecisions(
  store: Store,
  by: { officerId: string; counterId: string; from: string; until: string },
): DecisionCounts {
  const rows = store.read(
    () =>
      store
        .statement(
          `SELECT outcome, count(*) AS n FROM decisions
           WHERE officer_id = ? AND counter_id = ? AND decided_at >= ? AND decided_at < ?
             AND sync_state IN ('pending', 'synced')
           GROUP BY outcome`,
        )
        .all(by.officerId, by.counterId, by.from, by.until) as Array<{
        outcome: keyof DecisionCounts;
        n: number;
      }>,
  );
  const counts: DecisionCounts = { approved: 0, rejected: 0 };
  for (const row of rows) counts[row.outcome] = row.n;
  return counts;
}
