import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration.ts';
import { allMigrations } from './migrations/all-migrations.ts';

/** The database was written by a newer version of the service; we refuse to touch it. */
export class DatabaseTooNewError extends Error {
  readonly databaseVersion: number;
  readonly supportedVersion: number;
  constructor(databaseVersion: number, supportedVersion: number) {
    super(
      `Cơ sở dữ liệu ở phiên bản ${databaseVersion}, mới hơn phiên bản chương trình hỗ trợ (${supportedVersion}). ` +
        'Hãy cập nhật chương trình. / Database schema is newer than this program.',
    );
    this.name = 'DatabaseTooNewError';
    this.databaseVersion = databaseVersion;
    this.supportedVersion = supportedVersion;
  }
}

/**
 * Brings the schema up to date. The version lives in PRAGMA user_version, which is part of the
 * database file and transactional, so all pending migrations and the new version commit together
 * or not at all. BEGIN IMMEDIATE takes the write lock before reading the version, so two processes
 * opening the same file at once cannot both migrate.
 */
export function migrateCentralDatabase(
  db: Database.Database,
  migrations: readonly Migration[] = allMigrations,
): { from: number; to: number } {
  const latest = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw new DatabaseTooNewError(current, latest);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${Number(migration.version)}`);
    }
    return { from: current, to: Math.max(current, latest) };
  });
  return run.immediate();
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
