import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../store/audit-chain.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { backupFileName, restoreBackup } from '../../store/backup.ts';
import { openStore } from '../../store/open-store.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { backupDirectory } from '../maintenance/store-maintenance.ts';
import {
  applyPendingRestore,
  movedAsideName,
  readPendingRestore,
  takeRestoreOutcome,
  writePendingRestore,
} from './pending-restore.ts';

// The restore applied at start, before the store opens: on real SQLite files.

let data: ReturnType<typeof makeTemporaryDirectory>;
let databasePath: string;
const requestedAt = '2026-12-01T03:04:05.000Z';

beforeEach(() => {
  data = makeTemporaryDirectory('pending-restore');
  databasePath = path.join(data.path, 'bhxh-kiosk.sqlite');
});
afterEach(() => data.remove());

/** A bhxh-kiosk database whose settings table holds `marker`. */
function databaseWith(file: string, marker: string): void {
  const opened = openStore(file);
  if (!opened.ok) throw new Error(opened.error.code);
  opened.value.db
    .prepare(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('marker', ?, '', 'test')`)
    .run(JSON.stringify(marker));
  opened.value.close();
}

function markerOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.parse(
      (db.prepare(`SELECT value FROM settings WHERE key = 'marker'`).get() as { value: string }).value,
    );
  } finally {
    db.close();
  }
}

function backupWith(marker: string): string {
  fs.mkdirSync(backupDirectory(data.path), { recursive: true });
  const fileName = backupFileName('2026-11-30');
  databaseWith(path.join(backupDirectory(data.path), fileName), marker);
  return fileName;
}

describe('a pending restore', () => {
  it('names the database it moves aside as restoreBackup does', () => {
    const at = new Date(requestedAt);
    const backup = path.join(data.path, 'backup.sqlite');
    databaseWith(backup, 'backup');
    databaseWith(databasePath, 'current');
    const restored = restoreBackup(backup, databasePath, { now: () => at });
    if (!restored.ok) throw new Error(restored.error.code);
    expect(path.basename(restored.value.previousKeptAt!)).toBe(movedAsideName('bhxh-kiosk.sqlite', at));
  });

  it('installs the backup at start and keeps the current database aside, once', () => {
    databaseWith(databasePath, 'current');
    const fileName = backupWith('from the backup');
    writePendingRestore(data.path, { fileName, requestedAt, requestedBy: 'qt-07921' });
    expect(readPendingRestore(data.path)).toMatchObject({ fileName });

    const outcome = applyPendingRestore(data.path, databasePath);
    const aside = movedAsideName('bhxh-kiosk.sqlite', new Date(requestedAt));
    expect(outcome).toEqual({
      ok: true,
      fileName,
      requestedAt,
      requestedBy: 'qt-07921',
      movedAsideTo: aside,
      carriedEntries: 0,
    });
    expect(markerOf(databasePath)).toBe('from the backup');
    expect(markerOf(path.join(data.path, aside))).toBe('current');
    expect(readPendingRestore(data.path)).toBeNull();
    expect(takeRestoreOutcome(data.path)).toEqual(outcome);
    expect(takeRestoreOutcome(data.path)).toBeNull();
    expect(applyPendingRestore(data.path, databasePath)).toBeNull();
  });

  it('leaves the current database alone when the backup is gone or damaged, and does not come back', () => {
    databaseWith(databasePath, 'current');
    writePendingRestore(data.path, {
      fileName: 'bhxh-2026-11-29.sqlite',
      requestedAt,
      requestedBy: 'qt-07921',
    });
    expect(applyPendingRestore(data.path, databasePath)).toMatchObject({
      ok: false,
      code: 'backup-not-found',
    });

    const fileName = backupWith('soon damaged');
    const file = path.join(backupDirectory(data.path), fileName);
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x5a));
    writePendingRestore(data.path, { fileName, requestedAt, requestedBy: 'qt-07921' });
    expect(applyPendingRestore(data.path, databasePath)).toMatchObject({ ok: false, code: 'backup-corrupt' });
    expect(markerOf(databasePath)).toBe('current');
    expect(fs.readdirSync(data.path).filter((name) => name.includes('before-restore'))).toEqual([]);
    expect(applyPendingRestore(data.path, databasePath)).toBeNull();
  });

  it('ignores a marker that is not one, and a name that points outside the backups', () => {
    databaseWith(databasePath, 'current');
    fs.writeFileSync(path.join(data.path, 'pending-restore.json'), '{"fileName": 3}');
    expect(applyPendingRestore(data.path, databasePath)).toBeNull();
    const other = path.join(data.path, 'other.sqlite');
    databaseWith(other, 'elsewhere');
    writePendingRestore(data.path, { fileName: '../other.sqlite', requestedAt, requestedBy: 'x' });
    expect(applyPendingRestore(data.path, databasePath)).toMatchObject({
      ok: false,
      code: 'backup-not-found',
    });
    expect(markerOf(databasePath)).toBe('current');
  });

  it('carries the current trail into the restored database, and refuses when it no longer continues the backup', () => {
    const entries = (count: number) => {
      const opened = openStore(databasePath);
      if (!opened.ok) throw new Error(opened.error.code);
      for (let index = 0; index < count; index += 1)
        appendAudit(opened.value, { actor: 'qt-07921', action: 'settings.changed', subject: `k${index}` });
      opened.value.close();
    };
    entries(2);
    fs.mkdirSync(backupDirectory(data.path), { recursive: true });
    const fileName = backupFileName('2026-11-30');
    fs.copyFileSync(databasePath, path.join(backupDirectory(data.path), fileName));
    entries(3);
    writePendingRestore(data.path, { fileName, requestedAt, requestedBy: 'qt-07921' });
    expect(applyPendingRestore(data.path, databasePath)).toMatchObject({ ok: true, carriedEntries: 3 });
    const restored = new Database(databasePath, { readonly: true });
    try {
      expect(verifyAuditChain(restored)).toMatchObject({ intact: true, entries: 5 });
    } finally {
      restored.close();
    }

    // Between the request and the start, an entry of the current trail is edited behind the app's back.
    const forger = new Database(databasePath);
    forger.exec('DROP TRIGGER audit_log_refuses_update');
    forger.prepare("UPDATE audit_log SET subject = 'forged' WHERE id = 4").run();
    forger.close();
    writePendingRestore(data.path, {
      fileName,
      requestedAt: '2026-12-01T05:00:00.000Z',
      requestedBy: 'qt-07921',
    });
    expect(applyPendingRestore(data.path, databasePath)).toMatchObject({
      ok: false,
      code: 'restore-audit-mismatch',
      details: { fileName, reason: 'current-chain-broken', entryId: 4 },
    });
    // The current database stayed where it was, as it was.
    const kept = new Database(databasePath, { readonly: true });
    try {
      expect(kept.prepare('SELECT subject FROM audit_log WHERE id = 4').pluck().get()).toBe('forged');
    } finally {
      kept.close();
    }
    expect(fs.readdirSync(data.path).filter((name) => name.endsWith('.restoring'))).toEqual([]);
  });
});
