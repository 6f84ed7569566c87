import type { Migration } from './migration.ts';

// Self-service kiosk forms (issue #11). A kiosk may register a citizen for any receiving office, so
// the offices table becomes the list a kiosk shows (`GET /v1/offices`) and gets the province the
// citizen recognises an office by. A registration made at a kiosk keeps the kiosk's reference of its
// form: a form printed offline carries that reference instead of the code, and a counter finds the
// registration by it. References are random 60-bit values, so one global UNIQUE index is enough;
// it also makes "one form, one registration" a property of the database, not of the code path.
// The events index finds the event that created a kiosk registration, whose result a second event
// with the same reference is answered with.
export const kioskForms: Migration = {
  version: 2,
  name: 'kiosk-forms',
  up(db) {
    db.exec(`
      ALTER TABLE offices ADD COLUMN province TEXT;

      ALTER TABLE registrations ADD COLUMN kiosk_reference TEXT;
      CREATE UNIQUE INDEX registrations_by_kiosk_reference ON registrations(kiosk_reference)
        WHERE kiosk_reference IS NOT NULL;

      CREATE INDEX events_kiosk_registration_by_code ON events(registration_code)
        WHERE type = 'kiosk-registration';
    `);
  },
};
