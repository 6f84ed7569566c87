import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { CentralServer } from '../../../central/server/start-central-server.ts';
import { startTestCentral } from '../../../central/testing/central-test-client.ts';
import { verifyAuditChain } from '../../store/audit-chain.ts';
import { listAudit } from '../../store/audit-log.ts';
import { openStore } from '../../store/open-store.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { signInAs, syncOnce, trainingStaff } from '../../../tests/support/staff-session.ts';
import { createBackend, databaseFileName, type Backend } from '../backend.ts';
import { backupDirectory } from '../maintenance/store-maintenance.ts';

// The administration area on a real backend in training mode: database settings through the
// settings repository (audited), backups in the daily backups' folder, a restore applied at the
// next start (as the hosts do it: close, start again on the same folder), the outbox without
// payloads.

let data: ReturnType<typeof makeTemporaryDirectory>;
let backend: Backend | null = null;
let restartsRequested: string[] = [];

beforeEach(() => {
  data = makeTemporaryDirectory('admin');
  restartsRequested = [];
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  data.remove();
});

async function start(): Promise<Backend> {
  backend = await createBackend({
    dataDirectory: data.path,
    strictContract: true,
    onRestartRequested: (reason) => restartsRequested.push(reason),
  });
  return backend;
}

async function value<T>(name: string, args: unknown = {}): Promise<T> {
  const result = await backend!.call(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function startAsAdmin(): Promise<Backend> {
  await start();
  await value('sync.now');
  await signInAs(backend!.call, trainingStaff.admin);
  return backend!;
}

/** What the database holds, read from the file itself (the backend is closed). */
function auditActions(): Array<{ actor: string; action: string; subject: string | null }> {
  const opened = openStore(path.join(data.path, databaseFileName));
  if (!opened.ok) throw new Error(opened.error.code);
  try {
    return listAudit(opened.value, { limit: 500 }).map(({ actor, action, subject }) => ({
      actor,
      action,
      subject,
    }));
  } finally {
    opened.value.close();
  }
}

/** Every column of every audit entry of a database file, in id order. */
function rowsOf(file: string): Array<Record<string, unknown>> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

function chainOf(file: string): ReturnType<typeof verifyAuditChain> {
  const db = new Database(file, { readonly: true });
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}

const reasonsA = [
  { code: 'identity-mismatch', labelVi: 'Giấy tờ không khớp', noteRequired: false },
  { code: 'other', labelVi: 'Lý do khác', noteRequired: true },
];
const reasonsB = [{ code: 'photo-unclear', labelVi: 'Ảnh chân dung không rõ', noteRequired: true }];

describe('the administration area', () => {
  it('keeps the rejection reasons the counter offers, audited with the administrator, codes unique', async () => {
    await startAsAdmin();
    const defaults = await value<Array<{ code: string }>>('admin.rejectionReasons');
    expect(defaults.map((reason) => reason.code)).toContain('other');

    expect(await value('admin.setRejectionReasons', { reasons: reasonsB })).toEqual(reasonsB);
    const duplicate = await backend!.call('admin.setRejectionReasons', {
      reasons: [reasonsB[0], reasonsB[0]],
    });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const none = await backend!.call('admin.setRejectionReasons', { reasons: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await value('admin.rejectionReasons')).toEqual(reasonsB);
    // The counter offers them at once.
    await signInAs(backend!.call, trainingStaff.officer);
    expect(await value('registrations.reasons')).toEqual(reasonsB);

    await backend!.close();
    backend = null;
    expect(auditActions()).toContainEqual({
      actor: trainingStaff.admin,
      action: 'settings.changed',
      subject: 'rejectionReasons',
    });
  });

  it('changes only the retention settings a patch names, in one go', async () => {
    await startAsAdmin();
    expect(await value('admin.retention')).toEqual({
      registrationRetentionDays: 90,
      kioskPayloadRetentionDays: 7,
      finishedOutboxRetentionDays: 7,
      printJobRetentionDays: 7,
    });
    const changed = await value('admin.setRetention', {
      patch: { registrationRetentionDays: 30, printJobRetentionDays: 2 },
    });
    expect(changed).toEqual({
      registrationRetentionDays: 30,
      kioskPayloadRetentionDays: 7,
      finishedOutboxRetentionDays: 7,
      printJobRetentionDays: 2,
    });
    const refused = await backend!.call('admin.setRetention', {
      patch: { kioskPayloadRetentionDays: 0, printJobRetentionDays: 5 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await value('admin.retention')).toEqual(changed);
  });

  it('refuses the administration to an officer', async () => {
    await start();
    await value('sync.now');
    await signInAs(backend!.call, trainingStaff.officer);
    expect(await backend!.call('admin.backupNow', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('backs up now into the daily folder, one file per day, listed by name only, and audited', async () => {
    await startAsAdmin();
    const first = await value<{ fileName: string; day: string; bytes: number }>('admin.backupNow');
    expect(first.fileName).toMatch(/^bhxh-\d{4}-\d{2}-\d{2}\.sqlite$/);
    expect(first.fileName).toBe(`bhxh-${first.day}.sqlite`);
    expect(first.bytes).toBe(fs.statSync(path.join(backupDirectory(data.path), first.fileName)).size);
    const second = await value<{ fileName: string }>('admin.backupNow');
    expect(second.fileName).toBe(first.fileName);
    const listed = await value<Array<{ fileName: string }>>('admin.backups');
    expect(listed).toEqual([expect.objectContaining({ fileName: first.fileName })]);
    expect(JSON.stringify(listed)).not.toContain(data.path);

    await backend!.close();
    backend = null;
    const created = auditActions().filter((entry) => entry.action === 'backup.created');
    expect(created).toEqual([
      { actor: trainingStaff.admin, action: 'backup.created', subject: first.fileName },
      { actor: trainingStaff.admin, action: 'backup.created', subject: first.fileName },
    ]);
  });

  it('restores a backup at the next start: what changed after it is undone, the current data moved aside', async () => {
    await startAsAdmin();
    await value('admin.setRejectionReasons', { reasons: reasonsA });
    const backup = await value<{ fileName: string }>('admin.backupNow');
    await value('admin.setRejectionReasons', { reasons: reasonsB });
    await value('admin.setRetention', { patch: { registrationRetentionDays: 12 } });

    const answer = await value<{ restoredFrom: string; movedAsideTo: string; requestedAt: string }>(
      'admin.restore',
      { fileName: backup.fileName },
    );
    expect(answer.restoredFrom).toBe(backup.fileName);
    expect(answer.movedAsideTo).toContain(answer.requestedAt.replace(/[-:]/g, '').replace(/\.\d+/, ''));
    expect(answer.movedAsideTo).toMatch(/^bhxh-kiosk\.sqlite\.before-restore-\d{8}T\d{6}Z$/);
    expect(restartsRequested).toEqual(['restore']);
    // Until the restart, nothing has changed.
    expect(await value('admin.rejectionReasons')).toEqual(reasonsB);

    // What a host does when asked: close this backend, start a new one on the same folder.
    await backend!.close();
    backend = null;
    await start();
    // Sessions do not survive the restart.
    expect(await value('session.current')).toBeNull();
    await signInAs(backend!.call, trainingStaff.admin);
    expect(await value('admin.rejectionReasons')).toEqual(reasonsA);
    expect(
      (await value<{ registrationRetentionDays: number }>('admin.retention')).registrationRetentionDays,
    ).toBe(90);
    expect(fs.existsSync(path.join(data.path, answer.movedAsideTo))).toBe(true);
    await backend!.close();
    backend = null;

    // The restored database has the data of the backup but the whole trail: the entries written
    // since the backup (the reasons and the retention changed, the restore asked for) come along
    // unchanged, then the restore itself; the chain verifies from the first entry to the last.
    const asideRows = rowsOf(path.join(data.path, answer.movedAsideTo));
    const restoredRows = rowsOf(path.join(data.path, databaseFileName));
    expect(restoredRows.slice(0, asideRows.length)).toEqual(asideRows);
    expect(asideRows.map((row) => row.action)).toContain('backup.restore-requested');
    const after = auditActions();
    expect(after.filter((entry) => entry.subject === 'rejectionReasons')).toHaveLength(2);
    expect(after).toContainEqual({
      actor: trainingStaff.admin,
      action: 'settings.changed',
      subject: 'registrationRetentionDays',
    });
    expect(
      restoredRows.slice(asideRows.length).map(({ actor, action, subject }) => ({ actor, action, subject })),
    ).toContainEqual({ actor: trainingStaff.admin, action: 'backup.restored', subject: backup.fileName });
    expect(chainOf(path.join(data.path, databaseFileName))).toMatchObject({
      intact: true,
      entries: after.length,
    });
    // Started once more: the restore is not applied twice.
    await start();
    expect(
      fs.readdirSync(data.path).filter((name) => /before-restore-\d{8}T\d{6}Z$/.test(name)),
    ).toHaveLength(1);
  });

  it('refuses a name that is not one of the listed backups, whatever it points at', async () => {
    await startAsAdmin();
    await value('admin.backupNow');
    for (const fileName of [
      'bhxh-2020-01-01.sqlite',
      '../bhxh-kiosk.sqlite',
      'bhxh-kiosk.sqlite',
      `../backups/${(await value<Array<{ fileName: string }>>('admin.backups'))[0]!.fileName}`,
      path.join(backupDirectory(data.path), 'bhxh-2020-01-01.sqlite'),
    ]) {
      expect(await backend!.call('admin.restore', { fileName })).toMatchObject({
        ok: false,
        error: { code: 'backup-not-found' },
      });
    }
    expect(restartsRequested).toEqual([]);
  });

  it('refuses a damaged backup before touching anything', async () => {
    await startAsAdmin();
    await value('admin.setRejectionReasons', { reasons: reasonsB });
    const made = await value<{ fileName: string }>('admin.backupNow');
    const folder = backupDirectory(data.path);
    fs.writeFileSync(path.join(folder, 'bhxh-2020-01-01.sqlite'), 'not a database at all '.repeat(400));
    // A real backup with its pages scrambled past the header.
    const damaged = fs.readFileSync(path.join(folder, made.fileName));
    for (let offset = 4096; offset < damaged.length; offset += 7) damaged[offset] = (offset * 31) % 256;
    fs.writeFileSync(path.join(folder, 'bhxh-2020-01-02.sqlite'), damaged);

    for (const fileName of ['bhxh-2020-01-01.sqlite', 'bhxh-2020-01-02.sqlite']) {
      const refused = await backend!.call('admin.restore', { fileName });
      expect(refused).toMatchObject({ ok: false, error: { code: 'backup-corrupt', details: { fileName } } });
    }
    expect(restartsRequested).toEqual([]);
    expect(fs.readdirSync(data.path).filter((name) => /pending|restore/.test(name))).toEqual([]);
    expect(await value('admin.rejectionReasons')).toEqual(reasonsB);
  });

  it('shows the outbox by state with the registration code as subject, never a payload', async () => {
    await start();
    await value('sync.now');
    await signInAs(backend!.call, trainingStaff.officer);
    const found = await value<Array<{ registration: { code: string; status: string } }>>(
      'registrations.search',
      { query: 'nguyen' },
    );
    const pending = found.find((row) => row.registration.status === 'pending')!;
    await value('registrations.decide', {
      registrationCode: pending.registration.code,
      outcome: 'rejected',
      reasonCode: 'other',
      note: 'Ghi chú riêng của cán bộ',
      override: false,
    });
    await signInAs(backend!.call, trainingStaff.admin);
    const outbox = await value<{
      counts: Record<string, number>;
      items: Array<Record<string, unknown>>;
    }>('admin.outbox', {});
    const total = Object.values(outbox.counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(1);
    expect(outbox.items).toEqual([
      expect.objectContaining({ type: 'decision', subject: pending.registration.code }),
    ]);
    expect(Object.keys(outbox.items[0]!)).not.toContain('payload');
    expect(JSON.stringify(outbox)).not.toContain('Ghi chú riêng');
    const state = outbox.items[0]!.state as string;
    const other = state === 'pending' ? 'done' : 'pending';
    expect((await value<{ items: unknown[] }>('admin.outbox', { state: other })).items).toEqual([]);
    expect((await value<{ items: unknown[] }>('admin.outbox', { state })).items).toHaveLength(1);
  });

  it('refuses a restore that would rewind the audit trail, says why, and records the refusal', async () => {
    await startAsAdmin();
    const made = await value<{ fileName: string }>('admin.backupNow');
    await value('admin.setRejectionReasons', { reasons: reasonsB });
    // Someone holding the file edits an entry written before the backup (the triggers dropped).
    const forger = new Database(path.join(data.path, databaseFileName));
    try {
      forger.exec('DROP TRIGGER audit_log_refuses_update');
      forger.prepare("UPDATE audit_log SET actor = 'forged' WHERE id = 2").run();
    } finally {
      forger.close();
    }
    expect(await backend!.call('admin.restore', { fileName: made.fileName })).toMatchObject({
      ok: false,
      error: {
        code: 'restore-audit-mismatch',
        details: { fileName: made.fileName, reason: 'current-chain-broken', entryId: 2 },
      },
    });
    expect(restartsRequested).toEqual([]);
    expect(fs.readdirSync(data.path).filter((name) => /pending|restore/.test(name))).toEqual([]);
    await backend!.close();
    backend = null;
    expect(auditActions()).toContainEqual({
      actor: trainingStaff.admin,
      action: 'backup.restore-failed',
      subject: made.fileName,
    });
  });
});

describe('a restore on a PC enrolled with the central', () => {
  let central: CentralServer;
  beforeEach(async () => {
    central = await startTestCentral({ seedCount: 0 });
    fs.writeFileSync(
      path.join(data.path, 'config.json'),
      JSON.stringify({ centralUrl: central.url, officeCode: '07921' }),
    );
  });
  afterEach(async () => {
    await backend?.close();
    backend = null;
    await central.close();
  });

  async function enrolledAsAdmin(): Promise<void> {
    await start();
    await value('sync.enroll', { enrollmentCode: central.createEnrollmentCode('07921') });
    await syncOnce(backend!.call);
    await signInAs(backend!.call, trainingStaff.admin);
  }
  const deviceId = () => central.database.prepare('SELECT device_id FROM devices').pluck().get() as string;

  it('keeps the chain the central acknowledged: the first round after the restore matches', async () => {
    await enrolledAsAdmin();
    const backup = await value<{ fileName: string }>('admin.backupNow');
    await value('admin.setRejectionReasons', { reasons: reasonsB });
    await syncOnce(backend!.call);
    const acknowledged = central.auditStatus(deviceId()).head!;
    await value('admin.restore', { fileName: backup.fileName });
    await backend!.close();
    backend = null;

    await start();
    await signInAs(backend!.call, trainingStaff.admin);
    expect(await value('admin.rejectionReasons')).not.toEqual(reasonsB);
    await syncOnce(backend!.call);
    const status = central.auditStatus(deviceId());
    expect(status.mismatches).toEqual([]);
    expect(status.head!.id).toBeGreaterThan(acknowledged.id);
    expect(await value('audit.verify')).toMatchObject({ intact: true, central: { state: 'matches' } });
  });

  it('refuses a restore while changes wait to be sent, and says how many', async () => {
    await enrolledAsAdmin();
    const backup = await value<{ fileName: string }>('admin.backupNow');
    await central.close(); // nothing can be sent any more
    // A change made meanwhile (what a decision or a kiosk form leaves in the outbox).
    const db = new Database(path.join(data.path, databaseFileName));
    try {
      db.prepare(
        `INSERT INTO outbox (event_id, type, payload, created_at, attempts, next_attempt_at, state)
         VALUES ('ev-waiting', 'decision', '{}', '2026-12-01T02:00:00.000Z', 0, '2026-12-01T02:00:00.000Z', 'pending')`,
      ).run();
    } finally {
      db.close();
    }
    expect(await backend!.call('admin.restore', { fileName: backup.fileName })).toMatchObject({
      ok: false,
      error: { code: 'restore-outbox-pending', details: { pending: 1 } },
    });
    expect(restartsRequested).toEqual([]);
    expect(fs.readdirSync(data.path).filter((name) => /pending-restore/.test(name))).toEqual([]);
  });
});
