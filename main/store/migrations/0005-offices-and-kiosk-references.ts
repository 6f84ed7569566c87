import type { Migration } from './migration.ts';

// Self-service kiosk, the sync side (docs/local-store.md, docs/sync-protocol.md "Codes assigned
// offline").
//  - `offices`: the central's list of receiving offices (GET /v1/offices), which the kiosk offers
//    the citizen. The sync engine replaces it as a whole, at most once a day; `fetched_at` is when
//    that copy came, so a screen can tell how old it is.
//  - `registrations.kiosk_reference`: the kiosk's reference of the form a registration came from
//    (`KS-XXXX-XXXX-XXXX`). A form printed while the kiosk was offline carries it in place of the
//    code, so the counter looks the registration up by it. The central never gives one reference to
//    two registrations; the UNIQUE index holds this store to the same rule and is what the lookup
//    reads. NULL (every non-kiosk registration, and everything pulled before this version) is left
//    out of the index. Rows already stored stay NULL: the central sends the reference with the
//    next version of a registration, and a form printed offline is for a registration made after
//    its kiosk was upgraded.
const statements = [
  `CREATE TABLE offices (
    office_code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    province TEXT,
    fetched_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID`,
  `ALTER TABLE registrations ADD COLUMN kiosk_reference TEXT`,
  `CREATE UNIQUE INDEX registrations_by_kiosk_reference ON registrations (kiosk_reference)
    WHERE kiosk_reference IS NOT NULL`,
];

export const officesAndKioskReferences: Migration = {
  version: 5,
  name: 'offices-and-kiosk-references',
  up(db) {
    for (const statement of statements) db.exec(statement);
  },
};
