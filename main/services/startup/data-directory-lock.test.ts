import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import {
  acquireDataDirectoryLock,
  lockFileName,
  type DataDirectoryLock,
  type DataDirectoryLockResult,
} from './data-directory-lock.ts';

let temp: { path: string; remove: () => void };
let held: DataDirectoryLock[];
beforeEach(() => {
  temp = makeTemporaryDirectory('lock');
  held = [];
});
afterEach(() => {
  for (const lock of held) lock.releaseSync();
  temp.remove();
});

const lockFile = () => path.join(temp.path, lockFileName);
const readLock = () => JSON.parse(fs.readFileSync(lockFile(), 'utf8'));

function lockOf(result: DataDirectoryLockResult): DataDirectoryLock {
  if (!result.ok) throw new Error(`expected the lock, got ${result.error.code}: ${result.error.message}`);
  held.push(result.lock);
  return result.lock;
}

function errorOf(result: DataDirectoryLockResult) {
  if (result.ok) {
    held.push(result.lock);
    throw new Error('expected the lock to be refused');
  }
  return result.error;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

/** A lock file as another instance would have left it. */
function writeLockFile(content: string): void {
  fs.writeFileSync(lockFile(), content);
}

describe('acquireDataDirectoryLock', () => {
  it('writes the lock, creating the data directory, and refuses a second instance with who holds it', async () => {
    const dataDirectory = path.join(temp.path, 'nested', 'data');
    const now = () => new Date('2026-12-01T02:00:00.000Z');
    const lock = lockOf(await acquireDataDirectoryLock(dataDirectory, { now }));
    expect(lock.path).toBe(path.join(dataDirectory, lockFileName));
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8'))).toEqual({
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: '2026-12-01T02:00:00.000Z',
    });

    const error = errorOf(await acquireDataDirectoryLock(dataDirectory));
    expect(error).toEqual({
      code: 'data-directory-locked',
      message:
        `Ứng dụng đang chạy với thư mục dữ liệu này (tiến trình ${process.pid} trên máy ${os.hostname()}, ` +
        'từ 09:00 01/12/2026). Hãy đóng cửa sổ đó trước; nếu không có, hãy khởi động lại máy.',
      details: {
        pid: process.pid,
        hostname: os.hostname(),
        startedAt: '2026-12-01T02:00:00.000Z',
        lockFile: lock.path,
      },
    });
    expect(fs.readdirSync(dataDirectory)).toEqual([lockFileName]); // no temporary file left
  });

  it('can be taken again once released; release is idempotent', async () => {
    const first = lockOf(await acquireDataDirectoryLock(temp.path));
    await first.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    await first.release();
    const second = lockOf(await acquireDataDirectoryLock(temp.path));
    first.releaseSync(); // a late release of the old lock leaves the new one alone
    expect(fs.existsSync(second.path)).toBe(true);
    second.releaseSync();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('takes over the lock of a process that has exited', async () => {
    const pid = await deadPid();
    writeLockFile(JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2026-11-30T01:00:00.000Z' }));
    lockOf(await acquireDataDirectoryLock(temp.path, { pid: process.pid }));
    expect(readLock()).toMatchObject({ pid: process.pid });
  });

  it('asks isProcessAlive about the holder, on this host only', async () => {
    const asked: number[] = [];
    writeLockFile(
      JSON.stringify({ pid: 4242, hostname: os.hostname(), startedAt: '2026-11-30T01:00:00.000Z' }),
    );
    const alive = (pid: number) => (asked.push(pid), true);
    expect(errorOf(await acquireDataDirectoryLock(temp.path, { isProcessAlive: alive })).code).toBe(
      'data-directory-locked',
    );
    expect(asked).toEqual([4242]);

    lockOf(await acquireDataDirectoryLock(temp.path, { isProcessAlive: () => false, pid: 777 }));
    expect(readLock()).toMatchObject({ pid: 777 });
  });

  it('respects a lock written by another host, whose pid it cannot check', async () => {
    writeLockFile(
      JSON.stringify({ pid: 4242, hostname: 'quay-2-pc', startedAt: '2026-11-30T01:00:00.000Z' }),
    );
    const error = errorOf(await acquireDataDirectoryLock(temp.path, { isProcessAlive: () => false }));
    expect(error.code).toBe('data-directory-locked');
    expect(error.details).toMatchObject({ pid: 4242, hostname: 'quay-2-pc' });
    expect(error.message).toContain('máy quay-2-pc');
    expect(error.message).toContain(`hãy xoá tệp ${lockFile()}`);
  });

  it('takes over a lock file that is empty, garbage or of an older format', async () => {
    for (const content of ['', '{"pid":', 'not json at all', '12345', JSON.stringify({ pid: process.pid })]) {
      writeLockFile(content);
      const lock = lockOf(await acquireDataDirectoryLock(temp.path));
      expect(readLock()).toMatchObject({ pid: process.pid, hostname: os.hostname() });
      await lock.release();
    }
  });

  it('never removes a lock that is not its own', async () => {
    const lock = lockOf(await acquireDataDirectoryLock(temp.path));
    const other = JSON.stringify({
      pid: 4242,
      hostname: os.hostname(),
      startedAt: '2026-12-01T03:00:00.000Z',
    });
    writeLockFile(other);
    await lock.release();
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(other);

    const again = lockOf(await acquireDataDirectoryLock(path.join(temp.path, 'b')));
    fs.writeFileSync(again.path, other);
    again.releaseSync();
    expect(fs.readFileSync(again.path, 'utf8')).toBe(other);
  });

  it('lets exactly one of several simultaneous starts win, also when both take over a stale lock', async () => {
    const alive = (pid: number) => pid !== 1;
    for (const stale of [null, JSON.stringify({ pid: 1, hostname: os.hostname(), startedAt: 'x' })]) {
      if (stale !== null) writeLockFile(stale);
      else fs.rmSync(lockFile(), { force: true });
      const pids = [101, 102, 103];
      const results = await Promise.all(
        pids.map((pid) => acquireDataDirectoryLock(temp.path, { pid, isProcessAlive: alive })),
      );
      const winners = results.flatMap((result, index) =>
        result.ok ? [{ lock: result.lock, pid: pids[index] }] : [],
      );
      expect(winners).toHaveLength(1);
      const winner = winners[0] as { lock: DataDirectoryLock; pid: number };
      expect(readLock().pid).toBe(winner.pid);
      for (const result of results) {
        if (!result.ok)
          expect(result.error).toMatchObject({ code: 'data-directory-locked', details: { pid: winner.pid } });
      }
      await winner.lock.release();
      expect(fs.readdirSync(temp.path)).toEqual([]);
    }
  });

  it("falls back to open 'wx' on a file system without hard links", async () => {
    const noLinks = Object.assign(new Error('operation not permitted, link'), { code: 'EPERM' });
    const link = vi.spyOn(fs.promises, 'link').mockRejectedValue(noLinks);
    try {
      const lock = lockOf(await acquireDataDirectoryLock(temp.path));
      expect(link).toHaveBeenCalled();
      expect(readLock()).toMatchObject({ pid: process.pid });
      expect(errorOf(await acquireDataDirectoryLock(temp.path)).code).toBe('data-directory-locked');
      await lock.release();
      expect(fs.readdirSync(temp.path)).toEqual([]);
    } finally {
      link.mockRestore();
    }
  });

  it('reports a data directory that cannot be created as data-directory-unwritable', async () => {
    const file = path.join(temp.path, 'a-file');
    fs.writeFileSync(file, '');
    const dataDirectory = path.join(file, 'data');
    const result = await acquireDataDirectoryLock(dataDirectory);
    const error = errorOf(result);
    expect(error).toMatchObject({ code: 'data-directory-unwritable', details: { dataDirectory } });
    expect(error.message).toContain(`Không ghi được vào thư mục dữ liệu (${dataDirectory})`);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'reports a read-only data directory as data-directory-unwritable',
    async () => {
      const dataDirectory = path.join(temp.path, 'read-only');
      fs.mkdirSync(dataDirectory, { mode: 0o500 });
      try {
        const error = errorOf(await acquireDataDirectoryLock(dataDirectory));
        expect(error).toMatchObject({ code: 'data-directory-unwritable', details: { dataDirectory } });
      } finally {
        fs.chmodSync(dataDirectory, 0o700);
      }
    },
  );
});
