import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNow, ensureDailyBackup, listBackups, restoreBackup } from './backup.ts';
import { findByCode, upsertFromCentral } from './registrations-repository.ts';
import {
  makeRegistration,
  openTestStore,
  tempDir,
  testClock,
  type TempDir,
  type TestClock,
} from './store-test-helpers.ts';
import type { Store } from './store.ts';

let temp: TempDir;
let clock: TestClock;
let store: Store;
let backups: string;
beforeEach(() => {
  temp = tempDir();
  clock = testClock('2026-11-20T02:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
  backups = temp.file('backups');
});
afterEach(() => {
  store.close();
  temp.remove();
});

const names = (files: string[]) => files.map((file) => path.basename(file));
let seq = 0;
const pull = (code: string) =>
  upsertFromCentral(store, [{ seq: (seq += 1), registration: makeRegistration({ code }) }], {
    officeCode: '07921',
    seq,
  });

describe('backups', () => {
  it('names the file by the office day (Vietnam time) and keeps the newest 7', async () => {
    clock.set('2026-11-19T17:30:00.000Z'); // 00:30 on the 20th in Hà Nội
    const first = await backupNow(store, backups);
    expect(first.ok && path.basename(first.value.file)).toBe('bhxh-2026-11-20.sqlite');
    for (let day = 1; day <= 8; day += 1) {
      clock.advanceDays(1);
      const result = await backupNow(store, backups);
      expect(result.ok).toBe(true);
      if (day === 7 && result.ok) expect(names(result.value.deleted)).toEqual(['bhxh-2026-11-20.sqlite']);
    }
    expect(names(listBackups(backups))).toEqual([
      'bhxh-2026-11-22.sqlite',
      'bhxh-2026-11-23.sqlite',
      'bhxh-2026-11-24.sqlite',
      'bhxh-2026-11-25.sqlite',
      'bhxh-2026-11-26.sqlite',
      'bhxh-2026-11-27.sqlite',
      'bhxh-2026-11-28.sqlite',
    ]);
    expect(fs.readdirSync(backups).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('backs up once a day with ensureDailyBackup', async () => {
    const first = await ensureDailyBackup(store, backups);
    expect(first.ok && 'skipped' in first.value).toBe(false);
    const second = await ensureDailyBackup(store, backups);
    expect(second.ok && 'skipped' in second.value).toBe(true);
  });

  it('restores a backup and keeps the replaced database aside, with its WAL', async () => {
    pull('DK-1');
    const backup = await backupNow(store, backups);
    if (!backup.ok) throw backup.error;
    pull('DK-2'); // after the backup: only in the current database (and its -wal)
    const databasePath = store.path;
    store.close();

    const restored = restoreBackup(backup.value.file, databasePath, { now: clock.now });
    if (!restored.ok) throw restored.error;
    expect(restored.value.previousKeptAt).toBe(`${databasePath}.before-restore-20261120T020000Z`);
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);

    store = openTestStore(databasePath, { now: clock.now });
    expect(findByCode(store, 'DK-1')).not.toBeNull();
    expect(findByCode(store, 'DK-2')).toBeNull();
    const aside = openTestStore(restored.value.previousKeptAt as string);
    expect(findByCode(aside, 'DK-2')).not.toBeNull();
    aside.close();
  });

  it('refuses a corrupt backup and leaves the current database untouched', async () => {
    pull('DK-1');
    const filler = store.db.prepare(
      `INSERT INTO audit_log (at, actor, action, subject) VALUES ('t', 'a', 'fill', ?)`,
    );
    store.db.transaction(() => {
      for (let i = 0; i < 3000; i += 1) filler.run(`subject-${i}-${'x'.repeat(60)}`);
    })();
    const backup = await backupNow(store, backups);
    if (!backup.ok) throw backup.error;
    const bytes = fs.readFileSync(backup.value.file);
    const page = Math.floor(bytes.length / 4096 / 2);
    bytes.fill(0x5a, page * 4096 + 1000, page * 4096 + 1300);
    fs.writeFileSync(backup.value.file, bytes);
    const databasePath = store.path;
    store.close();
    const before = fs.readdirSync(temp.dir).sort();

    const result = restoreBackup(backup.value.file, databasePath, { now: clock.now });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('backup-corrupt');
    expect(result.error.message).toContain('không được khôi phục');
    expect(fs.readdirSync(temp.dir).sort()).toEqual(before);
    store = openTestStore(databasePath, { now: clock.now });
    expect(findByCode(store, 'DK-1')).not.toBeNull();
  });

  it('refuses to restore while the app still has the database open', async () => {
    const backup = await backupNow(store, backups);
    if (!backup.ok) throw backup.error;
    const result = restoreBackup(backup.value.file, store.path);
    expect(result.ok || result.error.code).toBe('store-locked');
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('restores onto a machine that has no database yet', async () => {
    const backup = await backupNow(store, backups);
    if (!backup.ok) throw backup.error;
    const fresh = temp.file('fresh.sqlite');
    const result = restoreBackup(backup.value.file, fresh);
    expect(result.ok && result.value.previousKeptAt).toBeNull();
    openTestStore(fresh).close();
  });

  it('restores over a database too damaged to open, keeping the damaged file aside', async () => {
    pull('DK-1');
    const backup = await backupNow(store, backups);
    if (!backup.ok) throw backup.error;
    const databasePath = store.path;
    store.close();
    fs.writeFileSync(databasePath, 'rác '.repeat(5000));
    const result = restoreBackup(backup.value.file, databasePath, { now: clock.now });
    if (!result.ok) throw result.error;
    expect(fs.readFileSync(result.value.previousKeptAt as string, 'utf8')).toMatch(/^rác /);
    store = openTestStore(databasePath, { now: clock.now });
    expect(findByCode(store, 'DK-1')).not.toBeNull();
  });

  it('refuses a file that is not a database, a missing file, and a database from a newer version', () => {
    store.close(); // restoring needs the app closed
    const text = temp.file('notes.sqlite');
    fs.writeFileSync(text, 'x'.repeat(10_000));
    const notDb = restoreBackup(text, store.path);
    expect(notDb.ok || notDb.error.code).toBe('backup-corrupt');
    const missing = restoreBackup(temp.file('nope.sqlite'), store.path);
    expect(missing.ok || missing.error.code).toBe('backup-invalid');
    const future = temp.file('future.sqlite');
    const db = new Database(future);
    db.pragma('user_version = 999');
    db.exec('CREATE TABLE t (x)');
    db.close();
    const newer = restoreBackup(future, store.path);
    expect(newer.ok || newer.error.code).toBe('backup-invalid');
  });
});
