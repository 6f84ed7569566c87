import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { migrations } from './migrations.ts';
import { migrate } from './migrate.ts';

// A version-5 store with a kiosk submission from before the kiosk screens: 0006 adds the receipt's
// columns (empty for that row), the day's ticket counters, and changes nothing else.
let temp: TempDir;
let db: Database.Database;
const before = migrations.slice(0, 5);

beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', before);
  db.prepare(
    `INSERT INTO kiosk_registrations (local_ref, event_id, payload, created_at, sync_state)
     VALUES ('K-OLD', 'ev-old', '{"fullName":"Lê Thị Hoa"}', '2026-11-20T00:00:00.000Z', 'pending')`,
  ).run();
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('0006-kiosk-visits from a version-5 store', () => {
  it('keeps the earlier submission and gives it empty receipt columns', () => {
    migrate(db, 'store.sqlite', migrations.slice(0, 6));
    expect(db.prepare('SELECT * FROM kiosk_registrations').all()).toEqual([
      expect.objectContaining({
        local_ref: 'K-OLD',
        payload: '{"fullName":"Lê Thị Hoa"}',
        language: null,
        ticket_number: null,
        office_code: null,
      }),
    ]);
  });

  it('refuses a language the kiosk does not ship and counts tickets per day', () => {
    migrate(db, 'store.sqlite', migrations.slice(0, 6));
    expect(() => db.prepare(`UPDATE kiosk_registrations SET language = 'fr'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE kiosk_registrations SET language = 'ja'`).run();
    db.prepare(`INSERT INTO kiosk_ticket_counters (day, last_number) VALUES ('2026-12-01', 1)`).run();
    expect(() =>
      db.prepare(`INSERT INTO kiosk_ticket_counters (day, last_number) VALUES ('2026-12-01', 2)`).run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
