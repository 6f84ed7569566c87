import type { Migration } from './migration.ts';

// The first schema of the reference central service. Registrations keep their canonical JSON as
// text (`json`) so pull can splice it into the response without parsing. `seq` is the server-assigned
// change sequence (global, unique, bumped on every change); it is the rowid, so the table is stored
// in change order and a change moves the row to the end. (office_code, seq) is the pull index.
export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE offices (
        office_code TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE registrations (
        seq INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        office_code TEXT NOT NULL REFERENCES offices(office_code),
        status TEXT NOT NULL,
        json TEXT NOT NULL,
        status_changed_at TEXT NOT NULL,
        status_changed_by_device TEXT,
        withdrawal_reason TEXT
      ) STRICT;
      CREATE INDEX registrations_by_office_seq ON registrations(office_code, seq);

      CREATE TABLE registration_code_counters (
        office_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_number INTEGER NOT NULL,
        PRIMARY KEY (office_code, year)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE devices (
        device_id TEXT PRIMARY KEY,
        office_code TEXT NOT NULL REFERENCES offices(office_code),
        device_name TEXT NOT NULL,
        token_hash BLOB NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;

      CREATE TABLE enrollment_codes (
        code_hash BLOB PRIMARY KEY,
        office_code TEXT NOT NULL REFERENCES offices(office_code),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT REFERENCES devices(device_id)
      ) STRICT;

      CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(device_id),
        type TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        content_hash BLOB NOT NULL,
        payload TEXT NOT NULL,
        registration_code TEXT,
        result TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        staff_id TEXT PRIMARY KEY,
        office_code TEXT NOT NULL REFERENCES offices(office_code),
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX staff_by_office ON staff(office_code);

      CREATE TABLE notifications (
        notification_id INTEGER PRIMARY KEY,
        registration_code TEXT NOT NULL REFERENCES registrations(code),
        office_code TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient TEXT NOT NULL,
        template TEXT NOT NULL,
        subject TEXT,
        body TEXT NOT NULL,
        reason_code TEXT,
        reason_note TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notifications_by_office ON notifications(office_code, notification_id);
      CREATE INDEX notifications_by_registration ON notifications(registration_code, notification_id);
    `);
  },
};
