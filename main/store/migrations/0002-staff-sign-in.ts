import type { Migration } from './migration.ts';

// Staff sign-in on this PC (docs/local-store.md). Failed attempts are kept on disk so that
// restarting the app does not lift a lockout; PINs are local to the PC (hashed with scrypt), chosen
// at an officer's first sign-in here and used to unlock an idle-locked screen. Neither references
// `staff`, which is replaced as a whole from the central service.
const statements = [
  `CREATE TABLE sign_in_failures (
    staff_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    last_failure_at TEXT NOT NULL,
    locked_until TEXT
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE staff_pins (
    staff_id TEXT PRIMARY KEY NOT NULL,
    pin_hash TEXT NOT NULL,
    set_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID`,
];

export const staffSignIn: Migration = {
  version: 2,
  name: 'staff-sign-in',
  up(db) {
    for (const statement of statements) db.exec(statement);
  },
};
