import type { Store } from './store.ts';

// Failed sign-ins in a row, per staff id as typed (lower-cased), and the lockout they caused. Kept
// on disk so that restarting the app does not lift a lockout. Callers write inside the transaction
// of the audit entry that records the same attempt.

export interface SignInFailures {
  failures: number;
  lastFailureAt: string;
  /** ISO time until which sign-in is refused; null when not locked out. */
  lockedUntil: string | null;
}

interface Row {
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export function staffKey(typedId: string): string {
  return typedId.trim().toLowerCase();
}

export function readSignInFailures(store: Store, typedId: string): SignInFailures | null {
  const row = store.read(
    () =>
      store
        .statement('SELECT failures, last_failure_at, locked_until FROM sign_in_failures WHERE staff_key = ?')
        .get(staffKey(typedId)) as Row | undefined,
  );
  return row === undefined
    ? null
    : { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
}

export function writeSignInFailures(store: Store, typedId: string, value: SignInFailures): void {
  store
    .statement(
      `INSERT INTO sign_in_failures (staff_key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (staff_key) DO UPDATE SET failures = excluded.failures,
         last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
    )
    .run(staffKey(typedId), value.failures, value.lastFailureAt, value.lockedUntil);
}

export function clearSignInFailures(store: Store, typedId: string): void {
  store.statement('DELETE FROM sign_in_failures WHERE staff_key = ?').run(staffKey(typedId));
}
