import { auditEntryHash, genesisHash, readAuditHead } from './audit-chain.ts';
import type { Store } from './store.ts';

// The audit trail: append-only (triggers in the schema refuse UPDATE and DELETE) and a hash chain
// (audit-chain.ts): each entry's hash covers its content and the previous entry's hash. Entries are
// written inside the transaction of the change they describe, so there is never a change without
// its entry nor an entry without its change. Secrets never enter it: details are redacted here.

export interface AuditEntry {
  /** Who: a staff id, or 'system' / 'sync' / 'kiosk'. */
  actor: string;
  /** What, dotted and stable, e.g. 'decision.recorded', 'settings.changed'. */
  action: string;
  /** On what: a registration code, a kiosk local reference, a setting key… */
  subject: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord extends Required<AuditEntry> {
  id: number;
  at: string;
  /** Null only for a row that was not written by appendAudit (the chain check reports it). */
  hash: string | null;
}

const secretKey = /pass(word)?|token|secret|hash|credential|pin$/i;

/** `scheme://user:password@host…`: the credentials part of a URL (a proxy's basic auth). */
const urlCredentials = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i;

/**
 * A copy of `details` where every value under a secret-looking key is replaced by '[redacted]', and
 * any URL loses its `user:password@` part.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === 'string') return value.replace(urlCredentials, '$1');
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      secretKey.test(key) ? '[redacted]' : redactSecrets(inner),
    ]),
  );
}

/**
 * Appends an entry chained to the last one. It runs inside the caller's transaction (BEGIN
 * IMMEDIATE: the write lock is held, so the last entry read here is still the last when this one is
 * inserted), or in its own when there is none. The id is chosen here, not by SQLite, because the
 * hash covers it.
 */
export function appendAudit(store: Store, entry: AuditEntry): void {
  if (!store.db.inTransaction) {
    store.transaction(() => appendAudit(store, entry));
    return;
  }
  const last = store.statement('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string | null } | undefined;
  const fields = {
    id: (last?.id ?? 0) + 1,
    at: store.now().toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: JSON.stringify(redactSecrets(entry.details ?? {})),
  };
  const prevHash = last === undefined ? genesisHash : (last.hash ?? genesisHash);
  store
    .statement(
      `INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      fields.id,
      fields.at,
      fields.actor,
      fields.action,
      fields.subject,
      fields.details,
      prevHash,
      auditEntryHash(fields, prevHash),
    );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** Newest first. */
export function listAudit(store: Store, filter: { subject?: string; limit?: number } = {}): AuditRecord[] {
  const limit = filter.limit ?? 100;
  const rows = store.read(() =>
    filter.subject === undefined
      ? (store.statement('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[])
      : (store
          .statement('SELECT * FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?')
          .all(filter.subject, limit) as AuditRow[]),
  );
  return rows.map(toRecord);
}

export type AuditOrder = 'asc' | 'desc';

export interface AuditRangeQuery {
  /** ISO UTC instant, included. */
  start: string;
  /** ISO UTC instant, excluded. */
  end: string;
  /** By id: oldest first ('asc', the export files) or newest first ('desc', the screen's pages). */
  order: AuditOrder;
  limit: number;
  /** Only ids below this one: the next 'desc' page starts below the last id of the one before. */
  beforeId?: number | null;
}

// ORDER BY cannot be a bound parameter: one statement per order, chosen from this closed list.
const rangeStatements: Record<AuditOrder, string> = {
  asc: 'SELECT * FROM audit_log WHERE at >= ? AND at < ? AND id < ? ORDER BY id ASC LIMIT ?',
  desc: 'SELECT * FROM audit_log WHERE at >= ? AND at < ? AND id < ? ORDER BY id DESC LIMIT ?',
};

/** Entries with `start <= at < end`, in `order`, `limit` at most. */
export function listAuditBetween(store: Store, query: AuditRangeQuery): AuditRecord[] {
  const rows = store.read(
    () =>
      store
        .statement(rangeStatements[query.order])
        .all(
          query.start,
          query.end,
          query.beforeId ?? Number.MAX_SAFE_INTEGER,
          Math.max(0, Math.trunc(query.limit)),
        ) as AuditRow[],
  );
  return rows.map(toRecord);
}

export interface AuditRangeTotals {
  /** Entries with `start <= at < end`, however many a list was limited to. */
  total: number;
  /** The trail's last entry now (not only the range's): what a later `audit verify` compares with. */
  head: { id: number; hash: string | null } | null;
}

/** How many entries a range holds, and the head of the chain: what an export prints beside them. */
export function auditRangeTotals(store: Store, range: { start: string; end: string }): AuditRangeTotals {
  return store.read(() => ({
    total: (
      store
        .statement('SELECT count(*) AS n FROM audit_log WHERE at >= ? AND at < ?')
        .get(range.start, range.end) as {
        n: number;
      }
    ).n,
    head: readAuditHead(store.db),
  }));
}

/** A range's entries as an export carries them: the first `limit` (oldest first), the count, the head. */
export interface AuditExcerpt extends AuditRangeTotals {
  entries: AuditRecord[];
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details: parseDetails(row.details),
    hash: row.hash,
  };
}

/**
 * Stored details are a JSON object when appendAudit wrote them; anything else (a row written behind
 * the app's back, a NULL, a truncated text) is kept as `{ unparsed: text }`. Never throws: one bad
 * row must not make the whole trail unreadable — the chain check is what reports it.
 */
export function parseDetails(text: string | null): Record<string, unknown> {
  if (typeof text !== 'string') return { unparsed: text };
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // kept as text below
  }
  return { unparsed: text };
}
