// The worker side of checkStoreFile (check-store-file.ts): opens the database read-only, runs
// `PRAGMA quick_check`, closes it, posts the result and ends. Read-only is also the faster way:
// on the 964 MB benchmark store, quick_check took 0.71 s read-only against 1.5 s on a read-write
// connection (warm cache, same file, measured twice each).
//
// It is a CommonJS source string for `new Worker(source, { eval: true })`, not a file: the Electron
// build bundles the backend into one dist/electron/backend.cjs, where a separate worker file would
// not exist, while a string travels inside any bundle and also runs from the TypeScript sources.
// An eval worker resolves `require('better-sqlite3')` from the process's cwd, which is not where the
// app is installed, so the main thread resolves better-sqlite3's entry file and passes its absolute
// path in workerData. Loading better-sqlite3 is left outside the try on purpose: if it fails the
// worker dies with an 'error' event, which the main thread reports as a failed check, rather than
// as a database error it is not. Keep this plain ES2022 JavaScript: no bundler or compiler sees it.

/** What the main thread passes to the worker. */
export interface CheckStoreWorkerData {
  /** Absolute path of better-sqlite3's entry file. */
  betterSqlite3: string;
  databasePath: string;
  busyTimeoutMs: number;
  /** quick_check stops after this many problems (a badly broken file is not read to the end). */
  maxProblems: number;
}

/** The one message the worker posts before it ends. */
export type CheckStoreWorkerMessage =
  | { type: 'checked'; problems: string[] }
  | { type: 'failed'; error: { name: string; message: string; code: string | undefined } };

export const checkStoreWorkerSource = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
let message;
let db;
try {
  db = new Database(workerData.databasePath, {
    readonly: true,
    fileMustExist: true,
    timeout: workerData.busyTimeoutMs,
  });
  const rows = db.pragma('quick_check(' + workerData.maxProblems + ')');
  const problems = rows.map((row) => String(row.quick_check)).filter((line) => line !== 'ok');
  message = { type: 'checked', problems: problems.slice(0, workerData.maxProblems) };
} catch (error) {
  const code =
    error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
  message = {
    type: 'failed',
    error: { name: String(error && error.name), message: String(error && error.message), code },
  };
}
try {
  if (db !== undefined && db.open) db.close();
} catch {
  // The answer is known; a failing close of a read-only connection changes nothing on disk.
}
parentPort.postMessage(message);
`;
