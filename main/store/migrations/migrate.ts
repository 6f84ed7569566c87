import type Database from 'better-sqlite3';
import { StoreError } from '../store-error.ts';
import type { Migration } from './migration.ts';
import { migrations as knownMigrations } from './migrations.ts';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Brings the schema to the last known version. All pending migrations and the new
 * `PRAGMA user_version` commit in ONE transaction: a crash or a failing step leaves the database
 * exactly as it was. A database whose user_version is higher than any migration this build knows was
 * written by a newer app: it is refused rather than guessed at.
 */
export function migrate(
  db: Database.Database,
  databasePath: string,
  migrations: readonly Migration[] = knownMigrations,
): MigrationReport {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
  const latest = migrations.length;
  const apply = db.transaction(() => {
    // Read inside the transaction so two processes opening a fresh file cannot both migrate it.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > latest) throw newerVersionError(databasePath, from, latest);
    const pending = migrations.slice(from);
    for (const migration of pending) migration.up(db);
    if (pending.length > 0) db.pragma(`user_version = ${latest}`);
    return { from, to: Math.max(from, latest), applied: pending.map((m) => `${m.version}-${m.name}`) };
  });
  return apply.immediate();
}

export function newerVersionError(databasePath: string, found: number, known: number): StoreError {
  return new StoreError(
    'store-from-newer-version',
    `Cơ sở dữ liệu (${databasePath}) được tạo bởi một phiên bản ứng dụng mới hơn (lược đồ số ${found}; ` +
      `phiên bản đang chạy chỉ biết đến số ${known}). Hãy cài phiên bản ứng dụng mới nhất. Không mở ` +
      'bằng phiên bản cũ để tránh làm hỏng dữ liệu.',
    { details: { found, known } },
  );
}
