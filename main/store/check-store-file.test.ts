import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker as WorkerType, WorkerOptions } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkRateFilePath,
  checkStoreFile,
  defaultCheckBytesPerMs,
  unpackedFromAsar,
  type StoreCheckOutcome,
  type StoreCheckProgress,
} from './check-store-file.ts';
import { openTestStore, tempDir, type TempDir } from './store-test-helpers.ts';

// Every worker the module starts is recorded, so a test can say none outlived the check, and a
// test can swap the worker's code for one that crashes.
const workers = vi.hoisted(() => ({
  started: [] as WorkerType[],
  replaceSource: null as string | null,
}));
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof WorkerThreads>();
  class RecordedWorker extends actual.Worker {
    constructor(source: string | URL, options?: WorkerOptions) {
      super(workers.replaceSource ?? source, options);
      workers.started.push(this);
    }
  }
  return { ...actual, Worker: RecordedWorker };
});

let temp: TempDir;
beforeEach(() => {
  temp = tempDir();
  workers.started.length = 0;
  workers.replaceSource = null;
});
afterEach(() => temp.remove());

/** A store with some rows, closed (its WAL checkpointed into the file). */
function filledStoreFile(file: string, rows = 2000): string {
  const store = openTestStore(file);
  store.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
    INSERT INTO audit_log (at, actor, action, subject, details)
    SELECT 't', 'cb01', 'test', 'S' || i, hex(randomblob(60)) FROM n`);
  store.close();
  return file;
}

function errorOf(outcome: StoreCheckOutcome) {
  if (outcome.ok) throw new Error('expected the check to fail');
  return outcome.error;
}

function expectNoWorkerRunning(): void {
  for (const worker of workers.started) expect(worker.threadId).toBe(-1);
}

describe('checkStoreFile', () => {
  it('passes a sound store, counting the file and its -wal', async () => {
    const file = filledStoreFile(temp.file('sound.sqlite'));
    const outcome = await checkStoreFile(file);
    expect(outcome).toEqual({
      ok: true,
      problems: [],
      bytes: fs.statSync(file).size,
      durationMs: expect.any(Number),
    });
    expect(workers.started).toHaveLength(1);
    expectNoWorkerRunning();
  });

  it('reads a store another connection has open, with committed rows still in its -wal', async () => {
    const file = filledStoreFile(temp.file('open.sqlite'));
    const store = openTestStore(file);
    store.db.pragma('wal_autocheckpoint = 0');
    store.db.prepare(`INSERT INTO audit_log (at, actor, action) VALUES ('t', 'cb01', 'late')`).run();
    const wal = fs.statSync(`${file}-wal`).size;
    expect(wal).toBeGreaterThan(0);
    const outcome = await checkStoreFile(file);
    store.close();
    expect(outcome).toMatchObject({ ok: true, bytes: fs.statSync(file).size + wal });
  });

  it('passes a missing file (fresh install) at once, without a worker', async () => {
    const outcome = await checkStoreFile(temp.file('none.sqlite'), { onProgress: () => {} });
    expect(outcome).toEqual({ ok: true, problems: [], bytes: 0, durationMs: expect.any(Number) });
    expect(workers.started).toHaveLength(0);
    expect(fs.existsSync(checkRateFilePath(temp.file('none.sqlite')))).toBe(false);
  });

  it('reports a page damaged in its middle as store-corrupt, with the problems found', async () => {
    const file = filledStoreFile(temp.file('damaged.sqlite'));
    const bytes = fs.readFileSync(file);
    const pageSize = 4096;
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0xa5, page * pageSize + 1000, page * pageSize + 1200);
    fs.writeFileSync(file, bytes);

    const error = errorOf(await checkStoreFile(file));
    expect(error.code).toBe('store-corrupt');
    expect(error.message).toContain(`--db ${file}`);
    const problems = error.details?.problems as string[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(20);
    expect(problems.join('\n')).toMatch(/page|malformed|corrupt/i);
    expectNoWorkerRunning();
    expect(fs.existsSync(checkRateFilePath(file))).toBe(false);
  });

  it('reports a file that is not a database as store-corrupt, keeping the cause', async () => {
    const file = temp.file('random.sqlite');
    fs.writeFileSync(file, randomBytes(64 * 1024));
    const error = errorOf(await checkStoreFile(file));
    expect(error.code).toBe('store-corrupt');
    expect(error.cause).toMatchObject({ code: 'SQLITE_NOTADB' });
    expect(error.details?.problems).toEqual([expect.stringMatching(/not a database/)]);
  });

  it('reports a database held by another process as store-locked', async () => {
    const file = temp.file('locked.sqlite');
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    const error = errorOf(await checkStoreFile(file, { busyTimeoutMs: 20 }));
    other.exec('ROLLBACK');
    other.close();
    expect(error.code).toBe('store-locked');
  });

  it('reports a worker that dies as store-io, whether it throws or exits', async () => {
    const file = filledStoreFile(temp.file('crash.sqlite'));
    for (const source of ['throw new Error("boom")', 'process.exit(3)']) {
      workers.replaceSource = source;
      const error = errorOf(await checkStoreFile(file));
      expect(error.code).toBe('store-io');
      expect(error.message).toContain('tiến trình kiểm tra bị dừng bất thường');
    }
    expectNoWorkerRunning();
  });

  it('reports progress with a growing elapsed time and ends at fraction 1', async () => {
    const file = filledStoreFile(temp.file('progress.sqlite'));
    const ticks: StoreCheckProgress[] = [];
    const outcome = await checkStoreFile(file, {
      progressIntervalMs: 1,
      estimatedBytesPerMs: 10,
      onProgress: (progress) => ticks.push(progress),
    });
    if (!outcome.ok) throw outcome.error;
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    const last = ticks.at(-1) as StoreCheckProgress;
    expect(last).toEqual({
      phase: 'checking-store',
      bytes: outcome.bytes,
      elapsedMs: outcome.durationMs,
      fraction: 1,
    });
    for (const [index, tick] of ticks.slice(0, -1).entries()) {
      expect(tick.bytes).toBe(outcome.bytes);
      expect(tick.fraction).toBe(Math.min(0.99, (tick.elapsedMs * 10) / outcome.bytes));
      expect(tick.elapsedMs).toBeGreaterThan(
        index === 0 ? 0 : (ticks[index - 1] as StoreCheckProgress).elapsedMs,
      );
    }
    expect(last.elapsedMs).toBeGreaterThan((ticks.at(-2) as StoreCheckProgress).elapsedMs);
  });

  it('keeps going when the progress callback throws', async () => {
    const file = filledStoreFile(temp.file('throwing.sqlite'));
    const outcome = await checkStoreFile(file, {
      progressIntervalMs: 1,
      onProgress: () => {
        throw new Error('display broken');
      },
    });
    expect(outcome.ok).toBe(true);
  });

  it('writes the measured rate beside the database and uses it next time', async () => {
    const file = filledStoreFile(temp.file('rate.sqlite'));
    const first = await checkStoreFile(file);
    if (!first.ok) throw first.error;
    const saved = JSON.parse(fs.readFileSync(checkRateFilePath(file), 'utf8'));
    expect(saved).toEqual({ bytesPerMs: expect.any(Number), measuredAt: expect.any(String) });
    expect(saved.bytesPerMs).toBe(Math.max(1, Math.round(first.bytes / first.durationMs)));
    expect(Date.parse(saved.measuredAt)).not.toBeNaN();
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.partial'))).toEqual([]);

    // A rate so high that any tick is at the 0.99 cap proves the saved rate is the one used.
    fs.writeFileSync(
      checkRateFilePath(file),
      JSON.stringify({ bytesPerMs: 1e15, measuredAt: saved.measuredAt }),
    );
    const ticks: StoreCheckProgress[] = [];
    await checkStoreFile(file, { progressIntervalMs: 1, onProgress: (tick) => ticks.push(tick) });
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const tick of ticks.slice(0, -1)) expect(tick.fraction).toBe(0.99);
  });

  it('ignores a damaged rate file, and replaces it', async () => {
    const file = filledStoreFile(temp.file('bad-rate.sqlite'));
    for (const content of ['{ not json', JSON.stringify({ bytesPerMs: -3 }), 'null', '[]']) {
      fs.writeFileSync(checkRateFilePath(file), content);
      const ticks: StoreCheckProgress[] = [];
      const outcome = await checkStoreFile(file, {
        progressIntervalMs: 1,
        onProgress: (tick) => ticks.push(tick),
      });
      if (!outcome.ok) throw outcome.error;
      for (const tick of ticks.slice(0, -1)) {
        expect(tick.fraction).toBe(Math.min(0.99, (tick.elapsedMs * defaultCheckBytesPerMs) / outcome.bytes));
      }
      expect(JSON.parse(fs.readFileSync(checkRateFilePath(file), 'utf8')).bytesPerMs).toBeGreaterThan(0);
    }
  });

  it('passes the check even when the rate file cannot be written', async () => {
    const file = filledStoreFile(temp.file('unwritable-rate.sqlite'));
    fs.mkdirSync(checkRateFilePath(file)); // a folder where the file should be: rename fails
    const outcome = await checkStoreFile(file);
    expect(outcome.ok).toBe(true);
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('stops waiting when aborted, and does not start when aborted already', async () => {
    const file = filledStoreFile(temp.file('abort.sqlite'));
    const controller = new AbortController();
    controller.abort(new Error('closing'));
    const before = errorOf(await checkStoreFile(file, { signal: controller.signal }));
    expect(before).toMatchObject({ code: 'store-io', details: { aborted: true } });
    expect(workers.started).toHaveLength(0);

    const during = new AbortController();
    const pending = checkStoreFile(file, {
      progressIntervalMs: 1,
      signal: during.signal,
      onProgress: () => during.abort(),
    });
    const error = errorOf(await pending);
    expect(error).toMatchObject({ code: 'store-io', details: { aborted: true } });
    expect(workers.started).toHaveLength(1);
    await new Promise<void>((resolve) => {
      const worker = workers.started[0] as WorkerType;
      if (worker.threadId === -1) resolve();
      else worker.once('exit', () => resolve());
    });
  });
});

describe('checkStoreFile on a large store', () => {
  // About 70 MB: large enough that a check on the main thread would stall it visibly, small enough
  // to build in about a second on this 2-core machine.
  let big: TempDir;
  let file: string;
  beforeAll(() => {
    big = tempDir();
    file = filledStoreFile(big.file('big.sqlite'), 400_000);
  });
  afterAll(() => big.remove());

  it('leaves the main thread free while it checks', async () => {
    // What the main thread would lose: the same check, run here.
    const syncStarted = performance.now();
    const db = new Database(file, { readonly: true });
    db.pragma('quick_check');
    db.close();
    const syncMs = performance.now() - syncStarted;

    const beats: number[] = [];
    const heart = setInterval(() => beats.push(performance.now()), 1);
    const started = performance.now();
    const outcome = await checkStoreFile(file);
    const ended = performance.now();
    clearInterval(heart);
    expect(outcome.ok).toBe(true);

    const times = [started, ...beats.filter((beat) => beat <= ended), ended];
    const longestGap = Math.max(...times.slice(1).map((time, index) => time - (times[index] as number)));
    expect(times.length).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(syncMs / 2);
  });
});

describe('unpackedFromAsar', () => {
  const sep = path.sep;
  const inAsar = [
    '',
    'opt',
    'app',
    'resources',
    'app.asar',
    'node_modules',
    'better-sqlite3',
    'lib',
    'index.js',
  ].join(sep);
  const unpacked = inAsar.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);

  it('points into app.asar.unpacked when the module was unpacked there', () => {
    expect(unpackedFromAsar(inAsar, (candidate) => candidate === unpacked)).toBe(unpacked);
  });

  it('keeps the path otherwise', () => {
    expect(unpackedFromAsar(inAsar, () => false)).toBe(inAsar);
    const plain = ['', 'work', 'node_modules', 'better-sqlite3', 'lib', 'index.js'].join(sep);
    expect(unpackedFromAsar(plain, () => true)).toBe(plain);
  });
});
