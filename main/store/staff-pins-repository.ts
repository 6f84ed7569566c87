import type { Store } from './store.ts';

// Officers' PINs on this PC, as scrypt hashes (main/security/password-hash.ts); never the PIN.

export function readPinHash(store: Store, staffId: string): string | null {
  const row = store.read(
    () =>
      store.statement('SELECT pin_hash FROM staff_pins WHERE staff_id = ?').get(staffId) as
        { pin_hash: string } | undefined,
  );
  return row?.pin_hash ?? null;
}

/** Call inside the transaction of the audit entry that records the change. */
export function writePinHash(store: Store, staffId: string, pinHash: string): void {
  store
    .statement(
      `INSERT INTO staff_pins (staff_id, pin_hash, set_at) VALUES (?, ?, ?)
       ON CONFLICT (staff_id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = excluded.set_at`,
    )
    .run(staffId, pinHash, store.now().toISOString());
}
