// `audit verify` as an operator runs it: a real process, real exit codes, a real data directory.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAuditHead } from '../../store/audit-chain.ts';
import { writeCentralAuditCheck } from '../../store/audit-chain-central.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { openTestStore, tempDir, type TempDir } from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[]) {
  const child = spawnSync(process.execPath, ['main/host/cli.ts', 'audit', 'verify', ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

let temp: TempDir;
let store: Store;

beforeEach(() => {
  temp = tempDir();
  store = openTestStore(path.join(temp.dir, 'bhxh-kiosk.sqlite'));
  for (let index = 0; index < 12; index += 1) {
    appendAudit(store, { actor: 'cb-07921-1', action: 'session.signed-in', subject: null });
  }
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe('node main/host/cli.ts audit verify', () => {
  it('exits 0 with the entry count and the head while the app holds the database open', () => {
    const head = readAuditHead(store.db) as { id: number; hash: string };
    const { status, stdout } = cli(['--data-dir', temp.dir]);
    expect(status).toBe(0);
    expect(stdout).toContain(`intact: 12 entries, head #12 ${head.hash}\n`);
    expect(stdout).toContain('central: chưa đối chiếu / not checked yet');
  });

  it('exits 1 naming the first broken entry', () => {
    store.db.exec("DROP TRIGGER audit_log_refuses_update; UPDATE audit_log SET actor = 'x' WHERE id = 5;");
    const { status, stdout } = cli(['--data-dir', temp.dir]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^broken: entry #5: content-changed .*; 4 entries verified before it$/m);
  });

  it('exits 1 when the chain no longer holds the head the central acknowledged', () => {
    writeCentralAuditCheck(store, {
      state: 'matches',
      checkedAt: '2026-11-21T02:00:00.000Z',
      acknowledged: { id: 10, hash: 'a'.repeat(64) },
      entryId: null,
    });
    const { status, stdout, stderr } = cli(['--data-dir', temp.dir]);
    expect(status).toBe(1);
    expect(stdout).toContain('intact: 12 entries');
    expect(stdout).toContain('central: KHÔNG KHỚP / MISMATCH (#10, 09:00 21/11/2026)');
    expect(stderr).toMatch(/rewritten/);
  });

  it('exits 2 with the usage for wrong arguments, and with a clear message without a database', () => {
    for (const args of [[], ['--data-dir'], ['--db', temp.dir], ['--data-dir', temp.dir, 'extra']]) {
      const { status, stderr } = cli(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toContain('audit verify --data-dir DIR');
    }
    const missing = cli(['--data-dir', path.join(temp.dir, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Không có cơ sở dữ liệu .*bhxh-kiosk\.sqlite/);
  });
});
