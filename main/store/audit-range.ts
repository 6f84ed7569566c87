import type { Store } from './store.ts';

// The audit entries of a range of time, oldest first, for the report files' audit trail (XLSX
// sheet, PDF appendix), and the head of the chain — the last entry's hash — which a reader can
// compare with a later `audit verify` to see the trail was not rewritten since the export.
// `hash` comes with the hash chain (migration 0008); it is read when the column exists.

export interface AuditRangeEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  hash: string | null;
}

export interface AuditRange {
  entries: AuditRangeEntry[];
  /** Entries in the range, also those beyond `limit`. */
  total: number;
  /** The trail's last entry now (not only the range's). */
  head: { id: number; hash: string | null } | null;
}

interface AuditRangeRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
  hash?: string | null;
}

/** Entries with `start` ≤ at < `end` (ISO UTC), at most `limit`, oldest first. */
export function auditEntriesInRange(
  store: Store,
  range: { start: string; end: string; limit: number },
): AuditRange {
  return store.read(() => {
    const rows = store
      .statement('SELECT * FROM audit_log WHERE at >= ? AND at < ? ORDER BY id LIMIT ?')
      .all(range.start, range.end, Math.max(0, Math.trunc(range.limit))) as AuditRangeRow[];
    const { n } = store
      .statement('SELECT count(*) AS n FROM audit_log WHERE at >= ? AND at < ?')
      .get(range.start, range.end) as { n: number };
    const last = store.statement('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      AuditRangeRow | undefined;
    return {
      entries: rows.map((row) => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        details: JSON.parse(row.details) as Record<string, unknown>,
        hash: row.hash ?? null,
      })),
      total: n,
      head: last === undefined ? null : { id: last.id, hash: last.hash ?? null },
    };
  });
}
