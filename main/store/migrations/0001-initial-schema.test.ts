import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { migrate } from './migrate.ts';
import { initialSchema } from './0001-initial-schema.ts';

// The previous shape of 0001 is the empty database.
let temp: TempDir;
let db: Database.Database;
beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', [initialSchema]);
});
afterEach(() => {
  db.close();
  temp.remove();
});

const registration = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  json: '{}',
  id_number: '079092004321',
  old_id_number: null,
  social_insurance_number: '7912345678',
  phone: '0903123456',
  name_search_key: 'trinh quang vinh',
  office_code: '07921',
  status: 'pending',
  server_seq: 1,
  local_state: 'synced',
  updated_at: '2026-11-20T00:00:00.000Z',
  purged_at: null,
  ...extra,
});
const insertRegistration = (row: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO registrations VALUES (@code, @json, @id_number, @old_id_number, @social_insurance_number, @phone,
         @name_search_key, @office_code, @status, @server_seq, @local_state, @updated_at, @purged_at)`,
    )
    .run(row);
const insertDecision = (eventId: string, code: string, syncState: string) =>
  db
    .prepare(
      `INSERT INTO decisions VALUES (?, ?, 'approved', NULL, NULL, 'cb01', 'q1', 0, '2026-11-20T00:00:00.000Z', ?)`,
    )
    .run(eventId, code, syncState);

describe('0001-initial-schema from an empty database', () => {
  it('creates every table of the store', () => {
    const names = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{
        name: string;
      }>
    ).map((row) => row.name);
    expect(names).toEqual([
      'audit_log',
      'conflicts',
      'decisions',
      'kiosk_registrations',
      'outbox',
      'registrations',
      'settings',
      'staff',
      'sync_state',
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('answers lookups by each searched column through an index', () => {
    for (const column of [
      'id_number',
      'old_id_number',
      'social_insurance_number',
      'phone',
      'name_search_key',
    ]) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT code FROM registrations WHERE ${column} = ?`)
        .all('x') as Array<{ detail: string }>;
      expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX registrations_by_/);
    }
  });

  it('refuses states outside the closed sets and a purged row that still has JSON', () => {
    expect(() => insertRegistration(registration('A', { local_state: 'maybe' }))).toThrow(/CHECK/);
    expect(() => insertRegistration(registration('B', { status: 'lost' }))).toThrow(/CHECK/);
    expect(() => insertRegistration(registration('C', { purged_at: '2026-01-01' }))).toThrow(/CHECK/);
    expect(() => insertRegistration(registration('D', { server_seq: 'one' }))).toThrow(/cannot store TEXT/);
  });

  it('allows at most one live decision per registration, any number of lost ones', () => {
    insertRegistration(registration('A'));
    insertDecision('e1', 'A', 'conflict');
    insertDecision('e2', 'A', 'invalid');
    insertDecision('e3', 'A', 'pending');
    expect(() => insertDecision('e4', 'A', 'synced')).toThrow(/UNIQUE/);
    expect(() => insertDecision('e5', 'nope', 'pending')).toThrow(/FOREIGN KEY/);
  });

  it('keeps the audit log append-only', () => {
    db.prepare(`INSERT INTO audit_log (at, actor, action) VALUES ('t', 'a', 'x')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'b'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });

  it('requires finished_at exactly when an outbox row has left pending', () => {
    const insert = db.prepare(
      `INSERT INTO outbox (event_id, type, payload, created_at, next_attempt_at, state, finished_at)
       VALUES (?, 'decision', '{}', 't', 't', ?, ?)`,
    );
    insert.run('e1', 'pending', null);
    expect(() => insert.run('e2', 'done', null)).toThrow(/CHECK/);
    expect(() => insert.run('e3', 'pending', 't')).toThrow(/CHECK/);
    expect(() => insert.run('e1', 'pending', null)).toThrow(/UNIQUE/);
  });

  it('only stores valid JSON as a setting', () => {
    expect(() => db.prepare(`INSERT INTO settings VALUES ('k', 'not json', 't', 'admin')`).run()).toThrow(
      /CHECK/,
    );
  });
});
