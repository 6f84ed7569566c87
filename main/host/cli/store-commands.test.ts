import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../store/migrations/migrations.ts';
import { openStore } from '../../store/open-store.ts';
import type { CliIo } from './cli-command.ts';
import { run as backup } from './store-backup-command.ts';
import { run as check } from './store-check-command.ts';
import { run as restore } from './store-restore-command.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-store-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function io(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (chunk) => (chunks.out += String(chunk)));
  stderr.on('data', (chunk) => (chunks.err += String(chunk)));
  return { stdin: new PassThrough(), stdout, stderr, out: () => chunks.out, err: () => chunks.err };
}

function createDatabase(file: string): void {
  const opened = openStore(file);
  if (!opened.ok) throw opened.error;
  opened.value.close();
}

describe('store commands', () => {
  it('backs up, checks and restores', async () => {
    const db = path.join(dir, 'store.sqlite');
    createDatabase(db);
    const backups = path.join(dir, 'backups');

    const backupIo = io();
    expect(await backup(['--db', db, '--dir', backups], backupIo)).toBe(0);
    const [file] = fs.readdirSync(backups);
    expect(file).toMatch(/^bhxh-\d{4}-\d{2}-\d{2}\.sqlite$/);
    expect(backupIo.out()).toContain(file);

    const checkIo = io();
    expect(await check(['--db', db], checkIo)).toBe(0);
    expect(checkIo.out()).toBe(`ok (user_version ${latestSchemaVersion})\n`);

    const restoreIo = io();
    expect(await restore(['--backup', path.join(backups, file as string), '--db', db], restoreIo)).toBe(0);
    expect(restoreIo.out()).toContain('before-restore-');
    expect(fs.readdirSync(dir).some((name) => name.startsWith('store.sqlite.before-restore-'))).toBe(true);
  });

  it('exits 1 with the recovery path for a damaged database', async () => {
    const db = path.join(dir, 'store.sqlite');
    const opened = openStore(db);
    if (!opened.ok) throw opened.error;
    const insert = opened.value.db.prepare(
      `INSERT INTO audit_log (at, actor, action, subject) VALUES ('t', 'a', 'x', ?)`,
    );
    opened.value.db.transaction(() => {
      for (let i = 0; i < 3000; i += 1) insert.run(`subject-${i}-${'x'.repeat(60)}`);
    })();
    opened.value.close();
    const bytes = fs.readFileSync(db);
    const page = Math.floor(bytes.length / 4096 / 2);
    bytes.fill(0x5a, page * 4096 + 1000, page * 4096 + 1300);
    fs.writeFileSync(db, bytes);

    const checkIo = io();
    expect(await check(['--db', db], checkIo)).toBe(1);
    expect(checkIo.err()).toContain('store restore --backup');

    const backupIo = io();
    expect(await backup(['--db', db, '--dir', path.join(dir, 'b')], backupIo)).toBe(1);
    expect(backupIo.err()).toMatch(/^store-corrupt: /);
  });

  it('explains wrong usage with exit code 64', async () => {
    const missing = io();
    expect(await restore(['--db', 'x.sqlite'], missing)).toBe(64);
    expect(missing.err()).toContain('--backup');
    const unknown = io();
    expect(await check(['--db', 'x', '--force'], unknown)).toBe(64);
    const noDatabase = io();
    expect(await backup(['--db', path.join(dir, 'typo.sqlite'), '--dir', dir], noDatabase)).toBe(1);
    expect(fs.existsSync(path.join(dir, 'typo.sqlite'))).toBe(false);
    const absent = io();
    expect(await check(['--db', path.join(dir, 'absent.sqlite')], absent)).toBe(1);
    expect(absent.err()).toMatch(/^store-io: /);
  });
});
