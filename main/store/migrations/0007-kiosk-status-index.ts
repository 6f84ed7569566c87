import type { Migration } from './migration.ts';

// What a kiosk keeps of the office's registrations (docs/local-store.md "Kiosk status index"): a
// counter needs the whole registration, a kiosk only enough to tell a citizen "you already have one"
// and "it was approved". So a kiosk's pull writes here instead of `registrations`: the code, the
// status and its dates, the rejection reason's code, a masked name, and the person's numbers only
// as salted SHA-256 keys (personKey). A kiosk form's ID key also stays on its row after the form's
// data is erased, so the same person is recognised even when they chose another office.
const statements = [
  `CREATE TABLE kiosk_status_index (
    code TEXT PRIMARY KEY NOT NULL,
    office_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
    submitted_at TEXT NOT NULL,
    decided_at TEXT,
    reason_code TEXT,
    masked_name TEXT NOT NULL,
    id_key TEXT,
    old_id_key TEXT,
    sin_key TEXT,
    kiosk_reference TEXT,
    server_seq INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX kiosk_status_by_id_key ON kiosk_status_index (id_key) WHERE id_key IS NOT NULL`,
  `CREATE INDEX kiosk_status_by_old_id_key ON kiosk_status_index (old_id_key) WHERE old_id_key IS NOT NULL`,
  `CREATE INDEX kiosk_status_by_sin_key ON kiosk_status_index (sin_key) WHERE sin_key IS NOT NULL`,
  `CREATE INDEX kiosk_status_by_reference ON kiosk_status_index (kiosk_reference)
     WHERE kiosk_reference IS NOT NULL`,
  `ALTER TABLE kiosk_registrations ADD COLUMN person_key TEXT`,
  `CREATE INDEX kiosk_registrations_by_person ON kiosk_registrations (person_key) WHERE person_key IS NOT NULL`,
];

export const kioskStatusIndex: Migration = {
  version: 7,
  name: 'kiosk-status-index',
  up(db) {
    for (const statement of statements) db.exec(statement);
  },
};
