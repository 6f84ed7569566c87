import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { initialSchema } from './0001-initial-schema.ts';
import { staffSignIn } from './0002-staff-sign-in.ts';
import { migrate } from './migrate.ts';

// The previous shape of 0002 is a version-1 store with data in it: the migration must add the
// sign-in tables and leave everything there untouched.
let temp: TempDir;
let db: Database.Database;
beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', [initialSchema]);
  db.prepare(
    `INSERT INTO staff (staff_id, full_name, role, password_hash, active, updated_at)
     VALUES ('cb-1', 'Cán bộ Một', 'officer', 'scrypt$…', 1, '2026-11-20T00:00:00.000Z')`,
  ).run();
  db.prepare(`INSERT INTO audit_log (at, actor, action) VALUES ('t', 'sync', 'staff.replaced')`).run();
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('0002-staff-sign-in from a version-1 store', () => {
  it('adds the sign-in tables and keeps the existing rows', () => {
    const report = migrate(db, 'store.sqlite', [initialSchema, staffSignIn]);
    expect(report).toEqual({ from: 1, to: 2, applied: ['2-staff-sign-in'] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT staff_id FROM staff').all()).toEqual([{ staff_id: 'cb-1' }]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sign_in_failures', 'staff_pins')`,
      )
      .all();
    expect(tables).toHaveLength(2);
  });

  it('keeps one failure record per staff id and refuses a negative count or a wrong type', () => {
    migrate(db, 'store.sqlite', [initialSchema, staffSignIn]);
    const insert = db.prepare(
      'INSERT INTO sign_in_failures (staff_key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)',
    );
    insert.run('cb-1', 1, 't', null);
    expect(() => insert.run('cb-1', 2, 't', null)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('cb-2', -1, 't', null)).toThrow(/CHECK/);
    expect(() => insert.run('cb-3', 'many', 't', null)).toThrow(/cannot store TEXT/);
  });

  it('keeps one PIN per staff member and needs its hash', () => {
    migrate(db, 'store.sqlite', [initialSchema, staffSignIn]);
    const insert = db.prepare('INSERT INTO staff_pins (staff_id, pin_hash, set_at) VALUES (?, ?, ?)');
    insert.run('cb-1', 'scrypt$…', 't');
    expect(() => insert.run('cb-1', 'scrypt$…', 't')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('cb-2', null, 't')).toThrow(/NOT NULL/);
  });
});
