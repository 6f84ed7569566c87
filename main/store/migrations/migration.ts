import type Database from 'better-sqlite3';

/**
 * One step of the schema's history. A migration is never edited once released: a change is a new
 * file with the next number (STYLE.md "Migrations as history"). `up` runs inside the runner's
 * transaction and must not open one of its own.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
