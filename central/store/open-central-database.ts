import Database from 'better-sqlite3';
import { migrateCentralDatabase } from './migrate-central-database.ts';

/**
 * Opens (creating if needed) and migrates the central database. `':memory:'` gives a private
 * in-memory database (training mode, tests). WAL lets pulls read while a push writes;
 * synchronous=FULL makes every committed push durable before its response is sent.
 */
export function openCentralDatabase(databasePath: string): Database.Database {
  const db = new Database(databasePath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrateCentralDatabase(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
