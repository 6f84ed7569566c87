import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit-chain.ts';
import { appendAudit } from '../audit-log.ts';
import { createStore } from '../store.ts';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { migrations } from './migrations.ts';
import { migrate } from './migrate.ts';

// A version-7 store with an audit trail from before the chain: 0008 chains those entries in id
// order, keeps them as they were, keeps the table append-only, and new entries continue the chain.
let temp: TempDir;
let db: Database.Database;
const before = migrations.slice(0, 7);

beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', before);
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let index = 1; index <= 10_003; index += 1) {
      insert.run(
        `2026-11-20T0${index % 10}:00:00.000Z`,
        `cb-${index % 7}`,
        'session.signed-in',
        null,
        `{"n":${index}}`,
      );
    }
  })();
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('0008-audit-hash-chain from a version-7 store', () => {
  it('chains every earlier entry in id order (across slices of the back-fill) and changes nothing else', () => {
    const earlier = db
      .prepare('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id')
      .all();
    migrate(db, 'store.sqlite', migrations.slice(0, 8));
    expect(
      db.prepare('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id').all(),
    ).toEqual(earlier);
    expect(
      db.prepare('SELECT count(*) FROM audit_log WHERE hash IS NULL OR prev_hash IS NULL').pluck().get(),
    ).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, entries: 10_003, head: { id: 10_003 } });
  });

  it('keeps the table append-only and refuses a hash that is not SHA-256 hex', () => {
    migrate(db, 'store.sqlite', migrations.slice(0, 8));
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO audit_log (at, actor, action, hash) VALUES ('t', 'a', 'x', 'ABC')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_log (at, actor, action, prev_hash) VALUES ('t', 'a', 'x', '${'G'.repeat(64)}')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('lets new entries continue the chain of the migrated ones', () => {
    migrate(db, 'store.sqlite', migrations.slice(0, 8));
    const store = createStore(db, 'store.sqlite', () => new Date('2026-11-21T02:00:00.000Z'));
    appendAudit(store, { actor: 'qt-01001', action: 'settings.changed', subject: 'idleLockMinutes' });
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, entries: 10_004, head: { id: 10_004 } });
  });

  it('adds an index on the time of the entries for reading a range of days', () => {
    migrate(db, 'store.sqlite', migrations.slice(0, 8));
    const indexes = () =>
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'")
        .pluck()
        .all();
    expect(indexes()).toContain('audit_log_by_time');
  });
});
