import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import {
  checkStoreWorkerSource,
  type CheckStoreWorkerData,
  type CheckStoreWorkerMessage,
} from './check-store-worker.ts';
import { corruptStoreError, StoreError, toStoreError } from './store-error.ts';

// The start-up check of the local store (`PRAGMA quick_check`), off the main thread.
//
// quick_check reads the whole file: 0.7 s for a 964 MB store with a warm page cache here, 15 s with
// a cold one (the first start after a boot). Run on the main thread, as openStore does, it blocks
// the event loop, so the loopback web host cannot even answer the page. Here a worker_threads Worker
// runs it and the main thread keeps serving, reporting an estimated progress: SQLite gives no
// progress for quick_check, so the fraction is elapsed time × an expected rate ÷ file size. The rate
// measured by the last successful check is kept beside the database (`<db>.check.json`), so the
// estimate follows the machine's own disk.

/**
 * Default rate when no check was measured yet, in bytes per millisecond: quick_check of a cold file
 * on this development machine (2 vCPU container on a virtual disk). Measured on a 964 MB store of
 * 1,000,000 registrations built by tests/bench/store-lookup.bench.ts's generator, its pages dropped
 * from the OS cache with posix_fadvise(DONTNEED) before each run: 15.0 s, 14.3 s and (through this
 * module, worker start included) 14.4 s, i.e. 64,000-67,000 bytes/ms. A warm cache gives about
 * 1,340,000 bytes/ms (0.72 s), but a store written minutes ago can be cold already (a 289 MB one
 * took 4.3 s six minutes after it was built, then 0.29 s). The cold rate is the default because a
 * too-slow guess only makes the bar jump to the end early, while a too-fast one leaves it stuck at
 * 99 % for most of the wait.
 */
export const defaultCheckBytesPerMs = 64_000;

const maxProblems = 20;

export interface StoreCheckProgress {
  phase: 'checking-store';
  /** Size of the database file plus its -wal. */
  bytes: number;
  elapsedMs: number;
  /** Estimated, 0..0.99 while checking; 1 once the check succeeded. */
  fraction: number;
}

export type StoreCheckOutcome =
  { ok: true; problems: []; bytes: number; durationMs: number } | { ok: false; error: StoreError };

export interface CheckStoreFileOptions {
  onProgress?: (progress: StoreCheckProgress) => void;
  /** Default 250 ms. */
  progressIntervalMs?: number;
  /** The rate to assume; default: the one measured by the last check, else defaultCheckBytesPerMs. */
  estimatedBytesPerMs?: number;
  /** Aborting ends the wait at once with a `store-io` error whose details say `aborted: true`. */
  signal?: AbortSignal;
  /** How long to wait for another process's lock before `store-locked`. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/** The file that keeps the rate of the last successful check of `databasePath`. */
export function checkRateFilePath(databasePath: string): string {
  return `${databasePath}.check.json`;
}

/**
 * Runs `PRAGMA quick_check` on the database file at `databasePath` in a worker thread, read-only.
 * A missing file (fresh install) is fine and starts no worker. Never rejects: a damaged file or a
 * file that is not a database gives `store-corrupt` (with `details.problems`), another failure the
 * StoreError of toStoreError (`store-locked`, `store-read-only`, `store-io`), a worker that dies
 * `store-io`. The worker is ended when the result is known and on abort.
 */
export async function checkStoreFile(
  databasePath: string,
  options: CheckStoreFileOptions = {},
): Promise<StoreCheckOutcome> {
  const started = performance.now();
  const signal = options.signal;
  if (signal?.aborted) return { ok: false, error: abortedError(databasePath, signal.reason) };
  let bytes: number;
  try {
    const size = await fileSize(databasePath);
    if (size === null) return { ok: true, problems: [], bytes: 0, durationMs: performance.now() - started };
    bytes = size + ((await fileSize(`${databasePath}-wal`)) ?? 0);
  } catch (error) {
    return { ok: false, error: toStoreError(error, databasePath) };
  }
  const bytesPerMs = validRate(options.estimatedBytesPerMs) ?? (await readRate(databasePath));
  // The wait above may have been long enough for an abort.
  if (signal?.aborted) return { ok: false, error: abortedError(databasePath, signal.reason) };

  const report = (elapsedMs: number, fraction: number) => {
    try {
      options.onProgress?.({ phase: 'checking-store', bytes, elapsedMs, fraction });
    } catch {
      // A broken progress display must not break the check (nor throw from a timer callback).
    }
  };
  const result = await runWorker(databasePath, options, () => {
    const elapsedMs = performance.now() - started;
    report(elapsedMs, bytes === 0 ? 0.99 : Math.min(0.99, (elapsedMs * bytesPerMs) / bytes));
  });
  if (result.type !== 'checked') return { ok: false, error: result.error };
  if (result.problems.length > 0) {
    return {
      ok: false,
      error: corruptStoreError(databasePath, { details: { problems: result.problems } }),
    };
  }
  const durationMs = performance.now() - started;
  await writeRate(databasePath, bytes, durationMs);
  report(durationMs, 1);
  return { ok: true, problems: [], bytes, durationMs };
}

type WorkerResult = { type: 'checked'; problems: string[] } | { type: 'failed'; error: StoreError };

function runWorker(
  databasePath: string,
  options: CheckStoreFileOptions,
  tick: () => void,
): Promise<WorkerResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const workerData: CheckStoreWorkerData = {
        betterSqlite3: betterSqlite3Entry(),
        databasePath,
        busyTimeoutMs: Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000)),
        maxProblems,
      };
      worker = new Worker(checkStoreWorkerSource, { eval: true, workerData });
    } catch (error) {
      resolve({ type: 'failed', error: workerFailedError(databasePath, error) });
      return;
    }
    const timer = setInterval(tick, Math.max(1, options.progressIntervalMs ?? 250));
    const onAbort = () =>
      settle({ type: 'failed', error: abortedError(databasePath, options.signal?.reason) });
    let settled = false;
    function settle(result: WorkerResult, waitForExit = false): void {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // terminate() cannot interrupt SQLite's native loop: an aborted check still reads to its end
      // in the background, so an abort does not wait for it. After an answer the thread is done
      // already and waiting for it means no worker outlives the promise.
      const ended = worker.terminate().catch(() => undefined);
      if (waitForExit) void ended.then(() => resolve(result));
      else resolve(result);
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: CheckStoreWorkerMessage) => {
      if (message.type === 'checked') {
        settle({ type: 'checked', problems: message.problems }, true);
      } else {
        const cause = Object.assign(new Error(message.error.message), {
          name: message.error.name,
          code: message.error.code,
        });
        settle({ type: 'failed', error: checkFailedError(cause, databasePath) }, true);
      }
    });
    worker.on('error', (error) => settle({ type: 'failed', error: workerFailedError(databasePath, error) }));
    worker.on('exit', (exitCode) =>
      settle({
        type: 'failed',
        error: workerFailedError(databasePath, new Error(`check worker exited with code ${exitCode}`)),
      }),
    );
  });
}

/** A corrupt file reported by an exception (SQLITE_NOTADB…) carries its problem too, like quick_check's. */
function checkFailedError(cause: Error, databasePath: string): StoreError {
  const error = toStoreError(cause, databasePath);
  return error.code === 'store-corrupt'
    ? corruptStoreError(databasePath, { cause, details: { problems: [cause.message] } })
    : error;
}

function workerFailedError(databasePath: string, cause: unknown): StoreError {
  return new StoreError(
    'store-io',
    `Không kiểm tra được cơ sở dữ liệu (${databasePath}): tiến trình kiểm tra bị dừng bất thường. ` +
      'Hãy khởi động lại ứng dụng; nếu vẫn lỗi, hãy báo cho bộ phận kỹ thuật.',
    { cause },
  );
}

function abortedError(databasePath: string, cause: unknown): StoreError {
  return new StoreError(
    'store-io',
    `Việc kiểm tra cơ sở dữ liệu (${databasePath}) đã bị dừng trước khi xong.`,
    { cause, details: { aborted: true } },
  );
}

/**
 * Absolute path of better-sqlite3's entry file, for the eval worker. From the sources (ESM) there is
 * no `require`, so one is made for this module's URL; in the CommonJS bundle `require` is the
 * bundle's own, resolving from dist/electron/ like every other external. In the packaged app the
 * module lies under app.asar, which plain Node cannot read; electron-builder.yml unpacks all of
 * better-sqlite3 to app.asar.unpacked, so the worker is given that copy and needs no asar support.
 */
export function betterSqlite3Entry(): string {
  const resolver = typeof require === 'function' ? require : createRequire(import.meta.url);
  return unpackedFromAsar(resolver.resolve('better-sqlite3'), fs.existsSync);
}

export function unpackedFromAsar(file: string, exists: (file: string) => boolean): string {
  const marker = `${path.sep}app.asar${path.sep}`;
  if (!file.includes(marker)) return file;
  const unpacked = file.replace(marker, `${path.sep}app.asar.unpacked${path.sep}`);
  return exists(unpacked) ? unpacked : file;
}

/** Size in bytes, or null when the file does not exist. */
async function fileSize(file: string): Promise<number | null> {
  try {
    return (await fs.promises.stat(file)).size;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

function validRate(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

// The rate file is a hint for a progress bar: a missing, unreadable or foreign one is ignored, and
// failing to write it never fails the check.

async function readRate(databasePath: string): Promise<number> {
  try {
    const parsed: unknown = JSON.parse(await fs.promises.readFile(checkRateFilePath(databasePath), 'utf8'));
    const rate =
      typeof parsed === 'object' && parsed !== null ? validRate(Reflect.get(parsed, 'bytesPerMs')) : null;
    return rate ?? defaultCheckBytesPerMs;
  } catch {
    return defaultCheckBytesPerMs;
  }
}

/** Written to a temporary file then renamed, so a reader never sees half a file. */
async function writeRate(databasePath: string, bytes: number, durationMs: number): Promise<void> {
  if (bytes === 0) return;
  const file = checkRateFilePath(databasePath);
  const partial = `${file}.${process.pid}.partial`;
  const bytesPerMs = Math.max(1, Math.round(bytes / Math.max(1, durationMs)));
  const content = { bytesPerMs, measuredAt: new Date().toISOString() };
  try {
    await fs.promises.writeFile(partial, `${JSON.stringify(content)}\n`);
    await fs.promises.rename(partial, file);
  } catch {
    await fs.promises.rm(partial, { force: true }).catch(() => undefined);
  }
}
