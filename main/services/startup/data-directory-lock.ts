import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vietnamDateTime } from '../../core/time/vietnam-time.ts';

// One running app per data directory. Two instances on the same folder (two `npm run start:web`,
// or Electron and the browser mode) would fight over the database, its sync cursor and its backups,
// so the second one stops with a clear message instead.
//
// The lock is the file `<data directory>/bhxh-kiosk.lock` holding `{ pid, hostname, startedAt }`.
// A lock whose process is gone (a crash, a power cut) or whose file is not a lock of this format is
// stale and taken over. Only locks of this host can be judged: a pid means nothing on another PC,
// so a lock written by another host (a data directory on a shared folder) is always respected.

export const lockFileName = 'bhxh-kiosk.lock';

export interface DataDirectoryLock {
  /** The lock file. */
  path: string;
  /** Removes the lock file if it is still ours (never another process's). Safe to call twice. */
  release(): Promise<void>;
  /** The same, synchronously, for a `process.on('exit')` handler. */
  releaseSync(): void;
}

// A type, not an interface, so that the details fit a `Record<string, unknown>` (AppError's details).
export type LockHolder = {
  pid: number;
  hostname: string;
  startedAt: string;
};

export type DataDirectoryLockError =
  | { code: 'data-directory-locked'; message: string; details: LockHolder & { lockFile: string } }
  | {
      code: 'data-directory-unwritable';
      message: string;
      details: { dataDirectory: string };
      /** The file-system error, for the log. */
      cause: unknown;
    };

export type DataDirectoryLockResult =
  { ok: true; lock: DataDirectoryLock } | { ok: false; error: DataDirectoryLockError };

export interface AcquireDataDirectoryLockOptions {
  /** Written into the lock; default process.pid. */
  pid?: number;
  /** Default: `process.kill(pid, 0)` (ESRCH: gone; EPERM: alive but someone else's). */
  isProcessAlive?: (pid: number) => boolean;
  now?: () => Date;
}

export async function acquireDataDirectoryLock(
  dataDirectory: string,
  options: AcquireDataDirectoryLockOptions = {},
): Promise<DataDirectoryLockResult> {
  const lockFile = path.join(dataDirectory, lockFileName);
  const isProcessAlive = options.isProcessAlive ?? processIsAlive;
  const ours: LockHolder = {
    pid: options.pid ?? process.pid,
    hostname: os.hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  const content = `${JSON.stringify(ours)}\n`;
  try {
    await fs.promises.mkdir(dataDirectory, { recursive: true });
    // Twice at most: a second attempt only follows the removal of a stale lock; if another
    // process took the lock in between, it won.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (await createExclusively(lockFile, content)) {
        return { ok: true, lock: heldLock(lockFile, content) };
      }
      const existing = await readLock(lockFile);
      if (existing === null) continue; // released meanwhile
      const holder = existing.holder;
      const live = holder !== null && (holder.hostname !== ours.hostname || isProcessAlive(holder.pid));
      if (live || attempt === 1) return lockedFailure(lockFile, holder, ours.hostname);
      if (!(await removeIfUnchanged(lockFile, existing.raw))) {
        return lockedFailure(lockFile, (await readLock(lockFile))?.holder ?? null, ours.hostname);
      }
    }
    return lockedFailure(lockFile, (await readLock(lockFile))?.holder ?? null, ours.hostname);
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'data-directory-unwritable',
        message:
          `Không ghi được vào thư mục dữ liệu (${dataDirectory}): hãy kiểm tra thư mục còn tồn tại và ` +
          'có quyền ghi, hoặc chọn thư mục khác bằng --data-dir.',
        details: { dataDirectory },
        cause: error,
      },
    };
  }
}

/**
 * Creates `file` with `content` unless it exists. The content is written to a temporary file first
 * and hard-linked into place: link, like open 'wx', fails when the name exists, and a reader never
 * sees the lock half-written (an empty file would look stale and be taken over from a process that
 * is just starting). On a file system without hard links (FAT on a USB drive) it falls back to
 * open 'wx', where that short window exists.
 */
async function createExclusively(file: string, content: string): Promise<boolean> {
  const partial = `${file}.${randomUUID()}.partial`;
  try {
    await fs.promises.writeFile(partial, content, { flag: 'wx' });
    try {
      await fs.promises.link(partial, file);
      return true;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    }
  } finally {
    await fs.promises.rm(partial, { force: true });
  }
  try {
    await fs.promises.writeFile(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's text and holder (null when it is not a lock of this format); null if it is gone. */
async function readLock(file: string): Promise<{ raw: string; holder: LockHolder | null } | null> {
  let raw: string;
  try {
    raw = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error; // a lock we may not read may well be live: not ours to judge
  }
  return { raw, holder: parseHolder(raw) };
}

function parseHolder(raw: string): LockHolder | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { pid, hostname, startedAt } = value as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null;
  if (typeof hostname !== 'string' || typeof startedAt !== 'string') return null;
  return { pid, hostname, startedAt };
}

/**
 * Removes a stale lock, unless it changed since it was judged stale: the file is first renamed to a
 * name of our own (atomic), so what gets checked is what gets removed. If it turns out to be a lock
 * another process just took, it is put back and the caller gives way.
 */
async function removeIfUnchanged(file: string, staleRaw: string): Promise<boolean> {
  const aside = `${file}.${randomUUID()}.stale`;
  try {
    await fs.promises.rename(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true; // someone removed it: try to create ours
    throw error;
  }
  try {
    if ((await fs.promises.readFile(aside, 'utf8')) === staleRaw) return true;
    await fs.promises.link(aside, file).catch(() => undefined); // fails only if yet another lock appeared
    return false;
  } finally {
    await fs.promises.rm(aside, { force: true });
  }
}

function heldLock(file: string, content: string): DataDirectoryLock {
  let released = false;
  return {
    path: file,
    async release() {
      if (released) return;
      released = true;
      try {
        if ((await fs.promises.readFile(file, 'utf8')) === content)
          await fs.promises.rm(file, { force: true });
      } catch {
        // Gone already, or unreadable: a lock left behind is stale at the next start.
      }
    },
    releaseSync() {
      if (released) return;
      released = true;
      try {
        if (fs.readFileSync(file, 'utf8') === content) fs.rmSync(file, { force: true });
      } catch {
        // As above; an exit handler must not throw.
      }
    },
  };
}

function lockedFailure(
  lockFile: string,
  holder: LockHolder | null,
  hostname: string,
): DataDirectoryLockResult {
  const known = holder ?? { pid: 0, hostname: '', startedAt: '' };
  let message: string;
  if (holder === null) {
    message =
      'Ứng dụng đang chạy với thư mục dữ liệu này. Hãy đóng cửa sổ đó trước; ' +
      'nếu không có, hãy khởi động lại máy.';
  } else if (holder.hostname !== hostname) {
    message =
      `Thư mục dữ liệu này đang được ứng dụng trên máy khác dùng (máy ${holder.hostname}, tiến trình ` +
      `${holder.pid}, từ ${vietnamDateTime(holder.startedAt)}). Hãy đóng ứng dụng trên máy đó; nếu máy đó ` +
      `không còn dùng thư mục này, hãy xoá tệp ${lockFile}.`;
  } else {
    message =
      `Ứng dụng đang chạy với thư mục dữ liệu này (tiến trình ${holder.pid} trên máy ${holder.hostname}, ` +
      `từ ${vietnamDateTime(holder.startedAt)}). Hãy đóng cửa sổ đó trước; nếu không có, hãy khởi động lại máy.`;
  }
  return { ok: false, error: { code: 'data-directory-locked', message, details: { ...known, lockFile } } };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}
