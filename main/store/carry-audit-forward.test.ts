import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CentralServer } from '../../central/server/start-central-server.ts';
import { startTestCentral } from '../../central/testing/central-test-client.ts';
import { CentralClient } from '../sync/central-client.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { auditEntryHash, genesisHash, verifyAuditChain, type ChainedAuditFields } from './audit-chain.ts';
import { readCentralAuditCheck } from './audit-chain-central.ts';
import { appendAudit } from './audit-log.ts';
import { backupNow, restoreBackup } from './backup.ts';
import {
  checkAuditContinuation,
  checkAuditContinuationNow,
  restoreBackupCarryingAudit,
} from './carry-audit-forward.ts';
import { submitKioskRegistration } from './kiosk-registrations-repository.ts';
import { migrate } from './migrations/migrate.ts';
import { migrations } from './migrations/migrations.ts';
import { openTestStore, tempDir, testClock, type TempDir, type TestClock } from './store-test-helpers.ts';
import type { Store } from './store.ts';
import { getDeviceToken, readSyncValue } from './sync-state-repository.ts';

// The administration screen's restore keeps the audit trail whole: on real SQLite files, the
// backup's trail must be an earlier state of the current one, and the current entries written
// after it come along unchanged, so the chain continues, also as the real central sees it.

let temp: TempDir;
let clock: TestClock;
let databasePath: string;
let store: Store | null;

beforeEach(() => {
  temp = tempDir();
  clock = testClock('2026-11-20T02:00:00.000Z');
  databasePath = temp.file('bhxh-kiosk.sqlite');
  store = openTestStore(databasePath, { now: clock.now });
});
afterEach(() => {
  store?.close();
  temp.remove();
});

const restoredAt = new Date('2026-11-21T03:04:05.000Z');
const fileName = 'bhxh-2026-11-20.sqlite';

function open(): Store {
  store ??= openTestStore(databasePath, { now: clock.now });
  return store;
}
function close(): void {
  store?.close();
  store = null;
}

function audit(count: number, action = 'settings.changed'): void {
  for (let index = 0; index < count; index += 1) {
    clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
    appendAudit(open(), { actor: 'qt-07921', action, subject: `key-${index}`, details: { n: index } });
  }
}

async function backUp(): Promise<string> {
  const made = await backupNow(open(), temp.file('backups'));
  if (!made.ok) throw made.error;
  return made.value.file;
}

/** Every column of every entry, as stored. */
function rowsOf(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM audit_log ORDER BY id').all();
  } finally {
    db.close();
  }
}

/** What a forger holding the file does: drop the triggers, edit, and (if asked) recompute every hash. */
function tamper(file: string, options: { rehash: boolean }): void {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER audit_log_refuses_update; DROP TRIGGER audit_log_refuses_delete;');
    db.prepare("UPDATE audit_log SET actor = 'forged' WHERE id = 2").run();
    if (!options.rehash) return;
    let prev = genesisHash;
    for (const row of db
      .prepare('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id')
      .all() as ChainedAuditFields[]) {
      const hash = auditEntryHash(row, prev);
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
  } finally {
    db.close();
  }
}

function leftovers(): string[] {
  return fs.readdirSync(temp.dir).filter((name) => /restoring|before-restore/.test(name));
}

/** Both forms of the check, on the two files as they are. */
async function continuationOf(backup: string) {
  const current = new Database(databasePath, { readonly: true });
  const old = new Database(backup, { readonly: true });
  try {
    const now = checkAuditContinuationNow(current, old);
    expect(await checkAuditContinuation(current, old)).toEqual(now);
    return now;
  } finally {
    current.close();
    old.close();
  }
}

describe('a restore that carries the audit trail forward', () => {
  it('installs the backup with the entries written since, unchanged, so the chain continues', async () => {
    audit(3);
    const backup = await backUp();
    audit(4);
    close();
    const current = rowsOf(databasePath);
    expect(await continuationOf(backup)).toMatchObject({ ok: true, backupHead: { id: 3 }, toCarry: 4 });

    const restored = restoreBackupCarryingAudit(backup, databasePath, { fileName, now: restoredAt });
    if (!restored.ok) throw new Error(restored.error.code);
    expect(restored.value).toMatchObject({ restoredFrom: backup, carriedEntries: 4 });
    // Nothing but the database moved aside (no staged copy, no -wal of its own).
    expect(leftovers()).toEqual([expect.stringMatching(/before-restore-20261121T030405Z$/)]);
    expect(rowsOf(databasePath)).toEqual(current);
    expect(rowsOf(restored.value.previousKeptAt!)).toEqual(current);

    // The restore's own entry continues the chain.
    appendAudit(open(), { actor: 'qt-07921', action: 'backup.restored', subject: fileName });
    expect(verifyAuditChain(open().db)).toMatchObject({ intact: true, entries: 8, head: { id: 8 } });
  });

  it('brings back the data of the backup, not of the current database', async () => {
    open()
      .db.prepare(
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('marker', '"old"', '', 't')`,
      )
      .run();
    const backup = await backUp();
    appendAudit(open(), { actor: 'qt-07921', action: 'settings.changed', subject: 'marker' });
    open().db.prepare(`UPDATE settings SET value = '"new"' WHERE key = 'marker'`).run();
    close();
    const restored = restoreBackupCarryingAudit(backup, databasePath, { fileName, now: restoredAt });
    expect(restored).toMatchObject({ ok: true, value: { carriedEntries: 1 } });
    expect(open().db.prepare(`SELECT value FROM settings WHERE key = 'marker'`).pluck().get()).toBe('"old"');
  });

  it('refuses, keeping the current database, when the current chain was rewritten as a whole', async () => {
    audit(3);
    const backup = await backUp();
    audit(2);
    close();
    tamper(databasePath, { rehash: true });
    const current = rowsOf(databasePath);
    expect(await continuationOf(backup)).toEqual({ ok: false, reason: 'not-a-continuation', entryId: 3 });
    const refused = restoreBackupCarryingAudit(backup, databasePath, { fileName, now: restoredAt });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'restore-audit-mismatch',
        details: { fileName, reason: 'not-a-continuation', entryId: 3 },
      },
    });
    expect(rowsOf(databasePath)).toEqual(current);
    expect(leftovers()).toEqual([]);
  });

  it('refuses when the current chain is broken, and when the backup is', async () => {
    audit(3);
    const backup = await backUp();
    audit(2);
    close();
    const copy = temp.file('backup-copy.sqlite');
    fs.copyFileSync(backup, copy);

    tamper(databasePath, { rehash: false });
    // Entry 2 edited: the backup's head (3) cannot be trusted past it either.
    expect(await continuationOf(backup)).toEqual({ ok: false, reason: 'current-chain-broken', entryId: 2 });
    expect(restoreBackupCarryingAudit(backup, databasePath, { fileName, now: restoredAt })).toMatchObject({
      ok: false,
      error: { code: 'restore-audit-mismatch', details: { reason: 'current-chain-broken', entryId: 2 } },
    });

    tamper(copy, { rehash: false });
    expect(await continuationOf(copy)).toEqual({ ok: false, reason: 'backup-chain-broken', entryId: 2 });
    expect(leftovers()).toEqual([]);
  });

  it('refuses while the outbox holds events not yet sent', async () => {
    const backup = await backUp();
    submitKioskRegistration(open(), { fullName: 'Lê Thị Hoa' }, { localRef: 'K-1', eventId: 'ev-k1' });
    close();
    expect(restoreBackupCarryingAudit(backup, databasePath, { fileName, now: restoredAt })).toMatchObject({
      ok: false,
      error: { code: 'restore-outbox-pending', details: { pending: 1 } },
    });
    expect(leftovers()).toEqual([]);
  });

  it('continues the chain from a backup taken before the chain existed (schema 7)', async () => {
    close();
    const backup = temp.file('backups/bhxh-2026-11-19.sqlite');
    fs.mkdirSync(temp.file('backups'));
    const old = new Database(backup);
    migrate(old, backup, migrations.slice(0, 7));
    const insert = old.prepare(
      'INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)',
    );
    for (let index = 1; index <= 5; index += 1)
      insert.run(`2026-11-19T0${index}:00:00.000Z`, 'qt-07921', 'settings.changed', null, `{"n":${index}}`);
    old.close();
    // The PC was upgraded since: its database got the chain from migration 0008, then more entries.
    fs.rmSync(databasePath, { force: true });
    fs.copyFileSync(backup, databasePath);
    audit(2);
    close();
    const current = rowsOf(databasePath);

    const restored = restoreBackupCarryingAudit(backup, databasePath, { fileName, now: restoredAt });
    expect(restored).toMatchObject({ ok: true, value: { carriedEntries: 2 } });
    expect(rowsOf(databasePath)).toEqual(current);
    expect(verifyAuditChain(open().db)).toMatchObject({ intact: true, entries: 7 });
  });
});

describe('the central after a restore', () => {
  const office = '01001';
  let central: CentralServer;
  beforeAll(async () => {
    central = await startTestCentral({ seedCount: 0 });
  });
  afterAll(() => central.close());
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  const engine = () => {
    const opened = open();
    return new SyncEngine({
      store: opened,
      client: new CentralClient({ baseUrl: central.url, deviceToken: () => getDeviceToken(opened) }),
      officeCode: office,
      deviceName: 'Quầy 1',
      enrollmentCode: () => central.createEnrollmentCode(office),
      random: () => 0.5,
    });
  };

  /** Enrolled and acknowledged, backed up, then more entries the central acknowledges too. */
  async function acknowledgedPastTheBackup(): Promise<{ backup: string; deviceId: string }> {
    audit(2);
    await engine().syncNow();
    const backup = await backUp();
    audit(3);
    await engine().syncNow();
    const deviceId = readSyncValue(open(), 'central-device-id') as string;
    expect(central.auditStatus(deviceId).head?.id).toBeGreaterThan(
      rowsOf(backup).length, // the central holds a head the backup does not have
    );
    close();
    return { backup, deviceId };
  }

  it('sees the chain continue: the next round matches', async () => {
    const { backup, deviceId } = await acknowledgedPastTheBackup();
    const restored = restoreBackupCarryingAudit(backup, databasePath, { fileName, now: restoredAt });
    expect(restored.ok).toBe(true);
    appendAudit(open(), { actor: 'qt-07921', action: 'backup.restored', subject: fileName });
    await engine().syncNow();
    expect(central.auditStatus(deviceId)).toMatchObject({ mismatches: [] });
    expect(readCentralAuditCheck(open())).toMatchObject({ state: 'matches' });
  });

  it('flags a plain restore that rewinds the chain (what the carrying restore prevents)', async () => {
    const { backup, deviceId } = await acknowledgedPastTheBackup();
    const restored = restoreBackup(backup, databasePath, { now: () => restoredAt });
    expect(restored.ok).toBe(true);
    appendAudit(open(), { actor: 'qt-07921', action: 'backup.restored', subject: fileName });
    await engine().syncNow();
    expect(central.auditStatus(deviceId).mismatches).not.toEqual([]);
    expect(readCentralAuditCheck(open())).toMatchObject({ state: 'mismatch' });
  });
});
