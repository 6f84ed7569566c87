import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { initialSchema } from './0001-initial-schema.ts';
import { staffSignIn } from './0002-staff-sign-in.ts';
import { printQueue } from './0003-print-queue.ts';
import { registrationList } from './0004-registration-list.ts';
import { migrate } from './migrate.ts';

// A version-3 store with registrations in it (one with a guardian and an offset time, one purged):
// 0004 adds the list columns, fills them from `json`, and changes nothing else.
let temp: TempDir;
let db: Database.Database;
const before = [initialSchema, staffSignIn, printQueue];
const after = [...before, registrationList];

const child = {
  ...documentedRegistration,
  code: 'DK-CHILD',
  channel: 'kiosk',
  submittedAt: '2026-11-20T15:15:00.5+07:00',
  guardian: { fullName: 'Trịnh Thị Lan', idNumber: '079180001234', relationship: 'mẹ' },
};
const insert = (code: string, json: string | null, status: string) =>
  db
    .prepare(
      `INSERT INTO registrations (code, json, id_number, name_search_key, office_code, status, server_seq,
         local_state, updated_at, purged_at)
       VALUES (?, ?, ?, ?, '07921', ?, 1, 'synced', '2026-11-20T00:00:00.000Z', ?)`,
    )
    .run(
      code,
      json,
      json === null ? null : '079092004321',
      json === null ? null : 'trinh quang vinh',
      status,
      json === null ? 't' : null,
    );

beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', before);
  insert(documentedRegistration.code, JSON.stringify(documentedRegistration), 'pending');
  insert('DK-CHILD', JSON.stringify(child), 'pending');
  insert('DK-PURGED', null, 'approved');
  db.prepare(
    `INSERT INTO decisions VALUES ('e1', 'DK-PURGED', 'approved', NULL, NULL, 'cb01', 'q1', 0, '2026-11-20T00:00:00.000Z', 'synced')`,
  ).run();
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('0004-registration-list from a version-3 store', () => {
  it('fills the list columns of the stored registrations from their JSON', () => {
    const report = migrate(db, 'store.sqlite', after);
    expect(report).toEqual({ from: 3, to: 4, applied: ['4-registration-list'] });
    expect(
      db.prepare('SELECT code, channel, submitted_at, has_guardian FROM registrations ORDER BY code').all(),
    ).toEqual([
      // The offset time is stored as the same instant in UTC, in the repository's format.
      {
        code: 'DK-07921-2026-000123',
        channel: 'portal',
        submitted_at: '2026-11-20T08:15:00.000Z',
        has_guardian: 0,
      },
      { code: 'DK-CHILD', channel: 'kiosk', submitted_at: '2026-11-20T08:15:00.500Z', has_guardian: 1 },
      { code: 'DK-PURGED', channel: null, submitted_at: null, has_guardian: null },
    ]);
  });

  it('counts the live registrations per status, channel and guardian flag', () => {
    migrate(db, 'store.sqlite', after);
    expect(db.prepare('SELECT * FROM registration_counts ORDER BY channel').all()).toEqual([
      { status: 'pending', channel: 'kiosk', has_guardian: 1, n: 1 },
      { status: 'pending', channel: 'portal', has_guardian: 0, n: 1 },
    ]);
  });

  it('keeps every row and its data', () => {
    const rows = () =>
      db
        .prepare('SELECT code, json, id_number, name_search_key, status FROM registrations ORDER BY code')
        .all();
    const decisions = () => db.prepare('SELECT * FROM decisions').all();
    const registrationsBefore = rows();
    const decisionsBefore = decisions();
    migrate(db, 'store.sqlite', after);
    expect(rows()).toEqual(registrationsBefore);
    expect(decisions()).toEqual(decisionsBefore);
  });

  it('adds the list and my-day indexes and refuses an unknown channel or guardian flag', () => {
    migrate(db, 'store.sqlite', after);
    const indexes = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%list%' OR name = 'decisions_by_officer' ORDER BY name`,
        )
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
    expect(indexes).toEqual([
      'decisions_by_officer',
      'registrations_list_by_status',
      'registrations_list_by_time',
    ]);
    const update = (column: string, value: unknown) =>
      db.prepare(`UPDATE registrations SET ${column} = ? WHERE code = 'DK-CHILD'`).run(value);
    expect(() => update('channel', 'fax')).toThrow(/CHECK/);
    expect(() => update('has_guardian', 2)).toThrow(/CHECK/);
    expect(() => update('has_guardian', 'yes')).toThrow(/cannot store TEXT/);
  });
});
