import Database from 'better-sqlite3';
import { migrate } from './migrations/migrate.ts';
import type { Migration } from './migrations/migration.ts';
import { migrations as knownMigrations } from './migrations/migrations.ts';
import { createStore, type Store } from './store.ts';
import { corruptStoreError, failure, ok, StoreError, toStoreError, type StoreResult } from './store-error.ts';

export interface OpenStoreOptions {
  now?: () => Date;
  /** How long to wait for another process's lock before `store-locked`. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Tests only: open with a shorter history to build an older shape. */
  migrations?: readonly Migration[];
  /**
   * The file was just checked by checkStoreFile (in a worker, with progress, so the app could keep
   * answering meanwhile): do not block the thread checking it again.
   */
  alreadyChecked?: boolean;
}

/**
 * Opens (or creates) the local store at `path`: checks it, sets the pragmas the sync guarantees
 * rest on, applies pending migrations. Never throws for a database problem: the result says which
 * (`store-corrupt`, `store-from-newer-version`, `store-locked`, `store-read-only`, `store-io`) with
 * the Vietnamese sentence to show and the SQLite error kept as `cause` for the log.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): StoreResult<Store> {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    const problems = options.alreadyChecked ? [] : quickCheck(db);
    if (problems.length > 0) {
      db.close();
      return failure(corruptStoreError(path, { details: { problems: problems.slice(0, 20) } }));
    }
    // WAL: readers never block the writer; FULL: a commit survives a power cut, which is what
    // "the outbox row is there once the officer saw 'approved'" rests on.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && path !== ':memory:' && path !== '') {
      throw new StoreError('store-io', `Không bật được chế độ WAL cho cơ sở dữ liệu (${path}).`, {
        details: { journalMode: mode },
      });
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, path, options.migrations ?? knownMigrations);
    return ok(createStore(db, path, options.now ?? (() => new Date())));
  } catch (error) {
    if (db?.open) db.close();
    return failure(toStoreError(error, path));
  }
}

/** `PRAGMA quick_check` lines other than "ok" (an empty list means the file is sound). */
export function quickCheck(db: Database.Database): string[] {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  return rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
}
