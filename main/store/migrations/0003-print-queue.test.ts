import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { initialSchema } from './0001-initial-schema.ts';
import { staffSignIn } from './0002-staff-sign-in.ts';
import { printQueue } from './0003-print-queue.ts';
import { migrate } from './migrate.ts';

// A version-2 store with data in it: 0003 adds the print queue and leaves the rest untouched.
let temp: TempDir;
let db: Database.Database;
beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', [initialSchema, staffSignIn]);
  db.prepare(`INSERT INTO staff_pins (staff_id, pin_hash, set_at) VALUES ('cb-1', 'scrypt$…', 't')`).run();
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('0003-print-queue from a version-2 store', () => {
  it('adds the print queue and keeps the existing rows', () => {
    const report = migrate(db, 'store.sqlite', [initialSchema, staffSignIn, printQueue]);
    expect(report).toEqual({ from: 2, to: 3, applied: ['3-print-queue'] });
    expect(db.prepare('SELECT staff_id FROM staff_pins').all()).toEqual([{ staff_id: 'cb-1' }]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'print_jobs'`).all()).toHaveLength(1);
  });

  it('keeps the PDF exactly while a job can still print', () => {
    migrate(db, 'store.sqlite', [initialSchema, staffSignIn, printQueue]);
    const insert = db.prepare(
      `INSERT INTO print_jobs (job_id, document, copies, paper_size, state, failure_code, pdf,
         requested_by, requested_at, updated_at) VALUES (?, 'declaration', 1, 'A4', ?, ?, ?, 'cb-1', 't', 't')`,
    );
    insert.run('a', 'pending', null, Buffer.from('%PDF'));
    insert.run('b', 'failed', 'timeout', Buffer.from('%PDF'));
    insert.run('c', 'done', null, null);
    expect(() => insert.run('d', 'done', null, Buffer.from('%PDF'))).toThrow(/CHECK/);
    expect(() => insert.run('e', 'pending', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('f', 'failed', null, Buffer.from('%PDF'))).toThrow(/CHECK/);
    expect(() => insert.run('g', 'lost', null, Buffer.from('%PDF'))).toThrow(/CHECK/);
  });
});
