import type { Migration } from './migration.ts';

// The kiosk's receipts (docs/local-store.md "Kiosk registrations"). What the citizen's done screen
// and ticket need must outlive the payload, which is erased as soon as the central has the form and
// it is printed: the receipt's language (for a reprint's summary page), the ticket's queue number
// and the receiving office. Ticket numbers restart every Vietnam day, one counter per day.
const statements = [
  `ALTER TABLE kiosk_registrations ADD COLUMN language TEXT
     CHECK (language IN ('vi', 'en', 'zh', 'ko', 'ja'))`,
  `ALTER TABLE kiosk_registrations ADD COLUMN ticket_number TEXT`,
  `ALTER TABLE kiosk_registrations ADD COLUMN office_code TEXT`,
  `CREATE TABLE kiosk_ticket_counters (
    day TEXT PRIMARY KEY NOT NULL,
    last_number INTEGER NOT NULL CHECK (last_number > 0)
  ) STRICT`,
];

export const kioskVisits: Migration = {
  version: 6,
  name: 'kiosk-visits',
  up(db) {
    for (const statement of statements) db.exec(statement);
  },
};
