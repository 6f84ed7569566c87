import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { initialSchema } from './0001-initial-schema.ts';
import { staffSignIn } from './0002-staff-sign-in.ts';
import { printQueue } from './0003-print-queue.ts';
import { registrationList } from './0004-registration-list.ts';
import { officesAndKioskReferences } from './0005-offices-and-kiosk-references.ts';
import { migrate } from './migrate.ts';

// A version-4 store with registrations (one purged) and a decision: 0005 adds the office list and
// the kiosk reference column, leaves every row as it was, and lets no reference name two rows.
let temp: TempDir;
let db: Database.Database;
const before = [initialSchema, staffSignIn, printQueue, registrationList];
const after = [...before, officesAndKioskReferences];

const insert = (code: string, json: string | null, status: string) =>
  db
    .prepare(
      `INSERT INTO registrations (code, json, id_number, name_search_key, office_code, status, server_seq,
         local_state, updated_at, purged_at, channel, submitted_at, has_guardian)
       VALUES (?, ?, ?, ?, '07921', ?, 1, 'synced', '2026-11-20T00:00:00.000Z', ?, ?, ?, ?)`,
    )
    .run(
      code,
      json,
      json === null ? null : '079092004321',
      json === null ? null : 'trinh quang vinh',
      status,
      json === null ? 't' : null,
      json === null ? null : 'kiosk',
      json === null ? null : '2026-11-20T08:15:00.000Z',
      json === null ? null : 0,
    );

beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', before);
  insert(documentedRegistration.code, JSON.stringify(documentedRegistration), 'pending');
  insert('DK-2', JSON.stringify({ ...documentedRegistration, code: 'DK-2' }), 'pending');
  insert('DK-PURGED', null, 'approved');
  db.prepare(
    `INSERT INTO decisions VALUES ('e1', 'DK-PURGED', 'approved', NULL, NULL, 'cb01', 'q1', 0, '2026-11-20T00:00:00.000Z', 'synced')`,
  ).run();
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('0005-offices-and-kiosk-references from a version-4 store', () => {
  it('keeps every row and its data, with no kiosk reference yet', () => {
    const rows = () => db.prepare('SELECT * FROM registrations ORDER BY code').all();
    const others = () => [
      db.prepare('SELECT * FROM decisions').all(),
      db.prepare('SELECT * FROM registration_counts ORDER BY channel').all(),
    ];
    const registrationsBefore = rows() as Array<Record<string, unknown>>;
    const othersBefore = others();
    const report = migrate(db, 'store.sqlite', after);
    expect(report).toEqual({ from: 4, to: 5, applied: ['5-offices-and-kiosk-references'] });
    expect(rows()).toEqual(registrationsBefore.map((row) => ({ ...row, kiosk_reference: null })));
    expect(others()).toEqual(othersBefore);
  });

  it('lets a kiosk reference name one registration at most, and many have none', () => {
    migrate(db, 'store.sqlite', after);
    const setReference = (code: string, reference: string | null) =>
      db.prepare('UPDATE registrations SET kiosk_reference = ? WHERE code = ?').run(reference, code);
    setReference(documentedRegistration.code, 'KS-7K3Q-X9PM-A2B4');
    expect(() => setReference('DK-2', 'KS-7K3Q-X9PM-A2B4')).toThrow(/UNIQUE/);
    setReference('DK-2', null);
    setReference('DK-PURGED', null);
    // STRICT: a blob is not text (a number would be converted, losslessly).
    expect(() => setReference('DK-2', Buffer.from('KS') as unknown as string)).toThrow(/cannot store BLOB/);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT code FROM registrations WHERE kiosk_reference = ?')
      .all('KS-7K3Q-X9PM-A2B4') as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' | ')).toContain(
      'USING INDEX registrations_by_kiosk_reference (kiosk_reference=?)',
    );
  });

  it('adds an empty, strict office list keyed by office code', () => {
    migrate(db, 'store.sqlite', after);
    expect(db.prepare('SELECT count(*) AS n FROM offices').get()).toEqual({ n: 0 });
    const add = db.prepare(
      'INSERT INTO offices (office_code, name, province, fetched_at) VALUES (?, ?, ?, ?)',
    );
    add.run('07921', 'BHXH khu vực Sài Gòn', 'Thành phố Hồ Chí Minh', '2026-11-20T00:00:00.000Z');
    add.run('01001', 'BHXH khu vực Ba Đình', null, '2026-11-20T00:00:00.000Z');
    expect(() => add.run('07921', 'Trùng mã', null, 't')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => add.run(null, 'Không mã', null, 't')).toThrow(/NOT NULL/);
    expect(() => add.run('04801', null, null, 't')).toThrow(/NOT NULL/);
    expect(() => add.run('04801', 'Hải Châu', null, null)).toThrow(/NOT NULL/);
    expect(() => add.run('04801', 'Hải Châu', Buffer.from('x'), 't')).toThrow(/cannot store BLOB/);
  });
});
