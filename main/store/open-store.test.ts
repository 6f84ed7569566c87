import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from './migrations/migrations.ts';
import { openStore } from './open-store.ts';
import { openTestStore, tempDir, type TempDir } from './store-test-helpers.ts';

let temp: TempDir;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

function failureOf(result: ReturnType<typeof openStore>) {
  if (result.ok) {
    result.value.close();
    throw new Error('expected openStore to fail');
  }
  return result.error;
}

/** A store with enough rows to span many pages, closed (so the WAL is checkpointed into the file). */
function filledStoreFile(name: string): string {
  const file = temp.file(name);
  const store = openTestStore(file);
  const insert = store.db.prepare(
    `INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)`,
  );
  store.db.transaction(() => {
    for (let i = 0; i < 2000; i += 1)
      insert.run('t', 'cb01', 'test', `S${i}`, JSON.stringify({ i, pad: 'x'.repeat(100) }));
  })();
  store.close();
  return file;
}

describe('openStore', () => {
  it('creates a new store with the pragmas the sync relies on', () => {
    const store = openTestStore(temp.file('new.sqlite'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    store.close();
    store.close(); // twice is harmless
  });

  it('reopens an existing store without migrating it again', () => {
    openTestStore(temp.file('a.sqlite')).close();
    const store = openTestStore(temp.file('a.sqlite'));
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    store.close();
  });

  it('refuses a database written by a newer version, with a clear message', () => {
    const file = temp.file('future.sqlite');
    openTestStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    const error = failureOf(openStore(file));
    expect(error.code).toBe('store-from-newer-version');
    expect(error.message).toContain(`lược đồ số ${latestSchemaVersion + 5}`);
    expect(error.message).toContain('Hãy cài phiên bản ứng dụng mới nhất');
    expect(error.details).toEqual({ found: latestSchemaVersion + 5, known: latestSchemaVersion });
  });

  it('reports a page damaged in its middle as store-corrupt, with the restore command', () => {
    const file = filledStoreFile('damaged.sqlite');
    const bytes = fs.readFileSync(file);
    const pageSize = 4096;
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0xa5, page * pageSize + 1000, page * pageSize + 1200);
    fs.writeFileSync(file, bytes);

    const error = failureOf(openStore(file));
    expect(error.code).toBe('store-corrupt');
    expect(error.message).toContain('bị hỏng');
    expect(error.message).toContain(`npm run -s cli -- store restore --backup`);
    expect(error.message).toContain(`--db ${file}`);
    expect((error.details?.problems as string[]).join('\n')).toMatch(/page|malformed/i);
  });

  it('reports a file that is not a database as store-corrupt, keeping the cause for the log', () => {
    const file = temp.file('text.sqlite');
    fs.writeFileSync(file, 'Đây không phải là cơ sở dữ liệu. '.repeat(200));
    const error = failureOf(openStore(file));
    expect(error.code).toBe('store-corrupt');
    expect(error.cause).toMatchObject({ code: 'SQLITE_NOTADB' });
  });

  it('reports a database held by another process as store-locked', () => {
    const file = temp.file('locked.sqlite');
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    const error = failureOf(openStore(file, { busyTimeoutMs: 20 }));
    expect(error.code).toBe('store-locked');
    expect(error.message).toMatch(/khoá/);
    other.exec('ROLLBACK');
    other.close();
  });

  it('reports a missing folder as store-io', () => {
    const error = failureOf(openStore(path.join(temp.dir, 'missing', 'store.sqlite')));
    expect(error.code).toBe('store-io');
    expect(error.toResultError()).toEqual({ code: 'store-io', message: error.message });
  });
});
