import type { Migration } from './migration.ts';

// The counter home's list (`registrations.list`, docs/local-store.md "The registration list"):
// filtered by status, channel and child/adult and ordered newest submitted first, on a store of a
// million registrations. Those fields live in `json`; parsing it per row would make every page read
// the whole table, so they get columns of their own, filled here from `json` for the rows already
// stored and kept by the repository on every write (upsertFromCentral). A tombstone has them NULL
// (purgeExpired clears them with `json`), so `channel IS NOT NULL` means "not purged": the list's
// indexes are partial on it (a column they hold, so a count never has to read the row) and leave
// tombstones out.
//
// `submitted_at` is the instant normalised to `YYYY-MM-DDTHH:MM:SS.sssZ` (the JSON may carry an
// offset), so text order is time order. `has_guardian` is 1 when the registration names a guardian:
// that is what the list calls a child (REGISTRATION.md: children are registered by a guardian).
//
// Indexes, each partial on live rows and covering the filter columns so that a filter is checked in
// the index without reading the row:
//  - registrations_list_by_status: a status, newest first (the default page: pending, page 0), with
//    channel and has_guardian filtered inside the index;
//  - registrations_list_by_time: every status, newest first.
// The list's `total` comes from `registration_counts`, the number of live registrations per status,
// channel and guardian flag, kept by triggers in the same statement as the change: counting 200,000
// pending entries of an index took ~10 ms (p95 ~20 ms on this machine), summing at most 30 counters
// takes microseconds, whatever the size of the store. The triggers see every write of the table
// (pull, purge, a test's or a tool's own SQL), so the counters cannot drift from the rows.
// The decisions index answers "my day" (an officer's decisions at a counter in a time range).
const statements = [
  `ALTER TABLE registrations ADD COLUMN channel TEXT CHECK (channel IN ('portal', 'app', 'kiosk'))`,
  `ALTER TABLE registrations ADD COLUMN submitted_at TEXT`,
  `ALTER TABLE registrations ADD COLUMN has_guardian INTEGER CHECK (has_guardian IN (0, 1))`,
  `UPDATE registrations SET
     channel = json_extract(json, '$.channel'),
     submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(json, '$.submittedAt')),
     has_guardian = json_type(json, '$.guardian') IS 'object'
   WHERE json IS NOT NULL`,
  `CREATE INDEX registrations_list_by_status
     ON registrations (status, submitted_at DESC, code, channel, has_guardian)
     WHERE channel IS NOT NULL`,
  `CREATE INDEX registrations_list_by_time
     ON registrations (submitted_at DESC, code, channel, has_guardian, status)
     WHERE channel IS NOT NULL`,
  `CREATE TABLE registration_counts (
     status TEXT NOT NULL,
     channel TEXT NOT NULL,
     has_guardian INTEGER NOT NULL,
     n INTEGER NOT NULL CHECK (n >= 0),
     PRIMARY KEY (status, channel, has_guardian)
   ) STRICT, WITHOUT ROWID`,
  `INSERT INTO registration_counts (status, channel, has_guardian, n)
     SELECT status, channel, has_guardian, count(*) FROM registrations WHERE channel IS NOT NULL
     GROUP BY status, channel, has_guardian`,
  `CREATE TRIGGER registration_counts_on_insert AFTER INSERT ON registrations WHEN new.channel IS NOT NULL
   BEGIN
     INSERT INTO registration_counts (status, channel, has_guardian, n)
       VALUES (new.status, new.channel, new.has_guardian, 1)
       ON CONFLICT DO UPDATE SET n = n + 1;
   END`,
  `CREATE TRIGGER registration_counts_on_delete AFTER DELETE ON registrations WHEN old.channel IS NOT NULL
   BEGIN
     UPDATE registration_counts SET n = n - 1
       WHERE status = old.status AND channel = old.channel AND has_guardian = old.has_guardian;
   END`,
  `CREATE TRIGGER registration_counts_on_update AFTER UPDATE OF status, channel, has_guardian ON registrations
   WHEN old.status IS NOT new.status OR old.channel IS NOT new.channel OR old.has_guardian IS NOT new.has_guardian
   BEGIN
     UPDATE registration_counts SET n = n - 1
       WHERE old.channel IS NOT NULL
         AND status = old.status AND channel = old.channel AND has_guardian = old.has_guardian;
     INSERT INTO registration_counts (status, channel, has_guardian, n)
       SELECT new.status, new.channel, new.has_guardian, 1 WHERE new.channel IS NOT NULL
       ON CONFLICT DO UPDATE SET n = n + 1;
   END`,
  `CREATE INDEX decisions_by_officer ON decisions (officer_id, counter_id, decided_at)`,
];

export const registrationList: Migration = {
  version: 4,
  name: 'registration-list',
  up(db) {
    for (const statement of statements) db.exec(statement);
  },
};
