import type { Store } from './store.ts';

// The audit trail: append-only (triggers in the schema refuse UPDATE and DELETE). Entries are
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
}

const secretKey = /pass(word)?|token|secret|hash|credential|pin$/i;

/** A copy of `details` where every value under a secret-looking key is replaced by '[redacted]'. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      secretKey.test(key) ? '[redacted]' : redactSecrets(inner),
    ]),
  );
}

export function appendAudit(store: Store, entry: AuditEntry): void {
  store
    .statement('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)')
    .run(
      store.now().toISOString(),
      entry.actor,
      entry.action,
      entry.subject,
      JSON.stringify(redactSecrets(entry.details ?? {})),
    );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
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
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
