import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../store-error.ts';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { migrate } from './migrate.ts';
import type { Migration } from './migration.ts';
import { latestSchemaVersion, migrations } from './migrations.ts';

let temp: TempDir;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;
const tables = (db: Database.Database) =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{
      name: string;
    }>
  ).map((row) => row.name);

describe('migrate', () => {
  it('numbers migrations 1, 2, 3… with no gap', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('applies every pending migration and sets user_version', () => {
    const db = new Database(temp.file('a.sqlite'));
    const report = migrate(db, 'a.sqlite');
    expect(report).toEqual({
      from: 0,
      to: latestSchemaVersion,
      applied: migrations.map((m) => `${m.version}-${m.name}`),
    });
    expect(userVersion(db)).toBe(latestSchemaVersion);
    expect(migrate(db, 'a.sqlite')).toEqual({
      from: latestSchemaVersion,
      to: latestSchemaVersion,
      applied: [],
    });
    db.close();
  });

  it('runs all pending migrations in one transaction: a failing step leaves nothing behind', () => {
    const db = new Database(temp.file('a.sqlite'));
    const failing: Migration = {
      version: 2,
      name: 'fails',
      up(inner) {
        inner.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, 'a.sqlite', [migrations[0] as Migration, failing])).toThrow('boom');
    expect(userVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version, without touching it', () => {
    const db = new Database(temp.file('a.sqlite'));
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    let error: unknown;
    try {
      migrate(db, 'a.sqlite');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('store-from-newer-version');
    expect((error as StoreError).message).toMatch(/phiên bản ứng dụng mới hơn/);
    expect(userVersion(db)).toBe(latestSchemaVersion + 1);
    db.close();
  });

  it('refuses a migration list with a gap', () => {
    const db = new Database(':memory:');
    const gap: Migration = { version: 3, name: 'gap', up: () => undefined };
    expect(() => migrate(db, ':memory:', [migrations[0] as Migration, gap])).toThrow(/expected 2/);
    db.close();
  });
});
