import type Database from 'better-sqlite3';
import { toStoreError } from './store-error.ts';

/**
 * An open local store. Repositories are plain functions taking a Store first; they share its
 * statement cache and its clock (injected so tests and training mode control time).
 */
export interface Store {
  readonly db: Database.Database;
  readonly path: string;
  /** The clock every timestamp written by the store comes from. */
  now(): Date;
  /** A prepared statement, prepared once per store and cached. */
  statement(sql: string): Database.Statement;
  /**
   * Runs `fn` in ONE `BEGIN IMMEDIATE` transaction (a savepoint when nested). The write lock is
   * taken before the first read, so a check made inside `fn` still holds when its write commits.
   * SQLite failures come out as StoreError.
   */
  transaction<T>(fn: () => T): T;
  /** Runs reads; SQLite failures come out as StoreError. */
  read<T>(fn: () => T): T;
  close(): void;
}

export function createStore(db: Database.Database, path: string, now: () => Date): Store {
  const statements = new Map<string, Database.Statement>();
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw toStoreError(error, path);
    }
  };
  return {
    db,
    path,
    now,
    statement(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    transaction(fn) {
      return guard(() => db.transaction(fn).immediate());
    },
    read: guard,
    close() {
      if (!db.open) return;
      statements.clear();
      try {
        // Lets SQLite refresh the statistics its planner uses (cheap; recommended before closing).
        db.pragma('optimize');
      } finally {
        db.close();
      }
    },
  };
}
