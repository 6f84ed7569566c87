import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrateCentralDatabase, schemaVersion } from './migrate-central-database.ts';
import { allMigrations } from './migrations/all-migrations.ts';
import { openCentralDatabase } from './open-central-database.ts';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'central-migrations-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('central database migrations', () => {
  it('creates the whole schema on a fresh file, with WAL, FULL sync and foreign keys', () => {
    const db = openCentralDatabase(path.join(directory, 'central.db'));
    try {
      expect(schemaVersion(db)).toBe(allMigrations.at(-1)?.version);
      expect(tables(db)).toEqual([
        'audit_heads',
        'audit_mismatches',
        'devices',
        'enrollment_codes',
        'events',
        'notifications',
        'offices',
        'registration_code_counters',
        'registrations',
        'staff',
      ]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('0001: pulls by (office_code, seq) through the index', () => {
    const db = openCentralDatabase(':memory:');
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT seq, json FROM registrations WHERE office_code = ? AND seq > ? ORDER BY seq LIMIT ?',
      )
      .all('01001', 0, 10) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX registrations_by_office_seq/);
    expect(plan.map((step) => step.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it("0002: keeps a version-1 database's rows, adds the province and one registration per kiosk reference", () => {
    const db = new Database(':memory:');
    migrateCentralDatabase(db, allMigrations.slice(0, 1));
    db.prepare("INSERT INTO offices (office_code, name) VALUES ('01001', 'BHXH Ba Đình')").run();
    const insert = db.prepare(
      `INSERT INTO registrations (seq, code, office_code, status, json, status_changed_at)
       VALUES (?, ?, '01001', 'pending', '{}', '2026-11-21T02:00:00.000Z')`,
    );
    insert.run(1, 'DK-01001-2026-000001');
    expect(migrateCentralDatabase(db)).toEqual({ from: 1, to: allMigrations.length });
    expect(db.prepare('SELECT office_code, name, province FROM offices').all()).toEqual([
      { office_code: '01001', name: 'BHXH Ba Đình', province: null },
    ]);
    expect(db.prepare('SELECT code, kiosk_reference FROM registrations').all()).toEqual([
      { code: 'DK-01001-2026-000001', kiosk_reference: null },
    ]);
    const withReference = db.prepare(
      `INSERT INTO registrations (seq, code, office_code, status, json, status_changed_at, kiosk_reference)
       VALUES (?, ?, '01001', 'pending', '{}', '2026-11-21T02:00:00.000Z', ?)`,
    );
    withReference.run(2, 'DK-01001-2026-000002', 'KS-7K3Q-X9PM-A2B4');
    withReference.run(3, 'DK-01001-2026-000003', null);
    withReference.run(4, 'DK-01001-2026-000004', null);
    expect(() => withReference.run(5, 'DK-01001-2026-000005', 'KS-7K3Q-X9PM-A2B4')).toThrow(/UNIQUE/);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT code FROM registrations WHERE kiosk_reference = ?')
      .all('KS-7K3Q-X9PM-A2B4') as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/registrations_by_kiosk_reference/);
    db.close();
  });

  it('0003: keeps one head per device and entry, and one mismatch per device, reason and entry', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrateCentralDatabase(db, allMigrations.slice(0, 2));
    db.prepare("INSERT INTO offices (office_code, name) VALUES ('01001', 'BHXH Ba Đình')").run();
    db.prepare(
      `INSERT INTO devices (device_id, office_code, device_name, token_hash, enrolled_at)
       VALUES ('d1', '01001', 'Quầy 1', x'01', '2026-11-21T02:00:00.000Z')`,
    ).run();
    expect(migrateCentralDatabase(db)).toEqual({ from: 2, to: allMigrations.length });
    expect(db.prepare('SELECT device_id FROM devices').pluck().all()).toEqual(['d1']);
    const head = db.prepare(
      "INSERT INTO audit_heads (device_id, entry_id, hash, received_at) VALUES (?, ?, 'h', 't')",
    );
    head.run('d1', 5);
    expect(() => head.run('d1', 5)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => head.run('d1', 0)).toThrow(/CHECK/);
    expect(() => head.run('nobody', 6)).toThrow(/FOREIGN KEY/);
    const mismatch = db.prepare(
      `INSERT INTO audit_mismatches (device_id, reason, entry_id, expected_hash, received_id, received_hash, detected_at)
       VALUES ('d1', ?, 5, 'a', 5, 'b', 't')`,
    );
    mismatch.run('rewritten');
    expect(() => mismatch.run('rewritten')).toThrow(/UNIQUE/);
    expect(() => mismatch.run('edited')).toThrow(/CHECK/);
    db.close();
  });

  it('re-opening a migrated file changes nothing and keeps the data', () => {
    const file = path.join(directory, 'central.db');
    const first = openCentralDatabase(file);
    first.prepare("INSERT INTO offices (office_code, name) VALUES ('01001', 'BHXH Ba Đình')").run();
    first.close();
    const second = openCentralDatabase(file);
    try {
      const latest = allMigrations.length;
      expect(migrateCentralDatabase(second)).toEqual({ from: latest, to: latest });
      expect(second.prepare('SELECT name FROM offices').pluck().get()).toBe('BHXH Ba Đình');
    } finally {
      second.close();
    }
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const file = path.join(directory, 'central.db');
    const future = new Database(file);
    future.pragma('user_version = 99');
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.close();
    expect(() => openCentralDatabase(file)).toThrow(DatabaseTooNewError);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(tables(check)).toEqual(['from_the_future']);
    check.close();
  });

  it('runs pending migrations in one transaction: a failing step leaves the previous version', () => {
    const db = new Database(':memory:');
    const failing = {
      version: allMigrations.length + 1,
      name: 'broken',
      up: (target: Database.Database) => {
        target.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrateCentralDatabase(db, [...allMigrations, failing])).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });
});
