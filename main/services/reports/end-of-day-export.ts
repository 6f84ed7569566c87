import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  endOfDayFailureCodes,
  reportFormats,
  type EndOfDayFailureCode,
  type EndOfDayStatus,
  type ReportFormat,
} from '../../../preload/contract/areas/reports.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { vietnamDay, vietnamTimeOfDay } from '../../core/time/vietnam-time.ts';
import type { Store } from '../../store/store.ts';
import { readSyncValue, writeSyncValue } from '../../store/sync-state-repository.ts';
import { auditExport, renderReport, sha256Hex } from './report-service.ts';

// The scheduled end-of-day export (settings `reports.endOfDayExport`, set in the administration
// screen): once per Vietnam day, after `time`, the day's report in each chosen format is written to
// the folder. Each file is first written as `NAME.partial`, then audited (actor 'system') in the
// transaction that also marks its format done for the day, then renamed into place: a reader (a
// backup job, a shared folder) never sees half a file, and no file is in the folder without its
// audit entry (if the audit fails, the partial file is deleted).
//
// Progress is kept per day and per format in sync_state, so a partial failure (the PDF fails after
// the CSV was written) retries only the missing formats, and a restart never writes or audits a
// day's format twice. After a failure the next try waits `retryAfterFailureMs` (15 minutes): the
// check runs every minute, and retrying at that pace would fill the log. Changing the folder in the
// settings lifts the wait. Settings are read at every check: a change applies without a restart.
// A day the PC was off at `time` is not caught up later.
//
// A crash in the instant between the audit's commit and the rename leaves the audited file as
// NAME.partial (its SHA-256 is in the audit entry); the day counts that format as done.

export const endOfDayStateKey = 'reports-end-of-day';

/** How long to wait after a failed run before trying again. */
export const retryAfterFailureMs = 15 * 60_000;

const failureSchema = z.object({ code: z.string(), message: z.string() });

/** The record in sync_state. Every field has a default: older records (before progress) still read. */
const stateSchema = z.object({
  /** The last day whose every format was written, when its last file was, and the files. */
  lastRunDay: z.string().nullable().catch(null),
  lastRunAt: z.string().nullable().catch(null),
  lastFiles: z.array(z.string()).catch([]),
  /** The last failure since the last complete run. */
  lastError: failureSchema.nullable().catch(null),
  lastErrorAt: z.string().nullable().catch(null),
  /** The day being written: the file of each format already written and audited. */
  progress: z
    .object({ day: z.string(), done: z.partialRecord(z.enum(reportFormats), z.string()) })
    .nullable()
    .catch(null),
  /** No new try before this instant after a failure, unless the folder is no longer `failedFolder`. */
  retryAfter: z.string().nullable().catch(null),
  failedFolder: z.string().nullable().catch(null),
});
type EndOfDayState = z.infer<typeof stateSchema>;

const emptyState: EndOfDayState = stateSchema.parse({});

export interface EndOfDayExportOptions {
  store: Store;
  now: () => Date;
  settings: () => Settings;
  /** How often to check (default one minute). */
  checkEveryMs?: number;
  /** A failure the log should see (the status carries it too). */
  onError?: (error: unknown) => void;
}

/** A failed step: which code the screens show, and the error for the log. */
class EndOfDayFailure extends Error {
  readonly failure: { code: EndOfDayFailureCode; message: string };
  constructor(failure: { code: EndOfDayFailureCode; message: string }, cause: unknown) {
    super(failure.message, { cause });
    this.failure = failure;
  }
}

export class EndOfDayExport {
  readonly #options: EndOfDayExportOptions;
  #timer: ReturnType<typeof setInterval> | null = null;
  #running: Promise<void> | null = null;

  constructor(options: EndOfDayExportOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#timer !== null) return;
    this.#timer = setInterval(() => void this.check(), this.#options.checkEveryMs ?? 60_000);
    this.#timer.unref?.();
  }

  /** Runs the export if it is due; resolves when that run (or one already under way) ends. */
  check(): Promise<void> {
    this.#running ??= this.#runIfDue().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  status(): EndOfDayStatus {
    const settings = this.#options.settings().reports.endOfDayExport;
    const state = this.#state();
    return {
      enabled: settings.enabled,
      folder: settings.folder,
      time: settings.time,
      formats: [...settings.formats],
      lastRunDay: state.lastRunDay,
      lastRunAt: state.lastRunAt,
      lastFiles: state.lastFiles,
      lastError:
        state.lastError === null
          ? null
          : { code: knownFailureCode(state.lastError.code), message: state.lastError.message },
      lastErrorAt: state.lastError === null ? null : state.lastErrorAt,
    };
  }

  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #state(): EndOfDayState {
    const text = readSyncValue(this.#options.store, endOfDayStateKey);
    if (text === null) return { ...emptyState };
    try {
      return stateSchema.parse(JSON.parse(text));
    } catch {
      return { ...emptyState };
    }
  }

  /** Call inside a store transaction when it must commit with an audit entry. */
  #save(state: EndOfDayState): void {
    writeSyncValue(this.#options.store, endOfDayStateKey, JSON.stringify(state));
  }

  async #runIfDue(): Promise<void> {
    const { store } = this.#options;
    const settings = this.#options.settings();
    const plan = settings.reports.endOfDayExport;
    const now = this.#options.now();
    const today = vietnamDay(now);
    const folder = plan.folder;
    if (!plan.enabled || folder === null || plan.formats.length === 0) return;
    // HH:MM text compares as time of day.
    if (vietnamTimeOfDay(now.toISOString()) < plan.time) return;
    const state = this.#state();
    if (state.lastRunDay === today) return;
    const waiting = state.retryAfter !== null && now.getTime() < Date.parse(state.retryAfter);
    if (waiting && state.failedFolder === folder) return;

    const done: Partial<Record<ReportFormat, string>> =
      state.progress?.day === today ? { ...state.progress.done } : {};
    let failed: EndOfDayFailure | null = null;
    for (const format of plan.formats) {
      if (done[format] !== undefined) continue;
      try {
        done[format] = await this.#writeOne(format, { today, folder, settings, now, done });
      } catch (error) {
        failed ??= error instanceof EndOfDayFailure ? error : new EndOfDayFailure(writeFailed(folder), error);
        this.#options.onError?.(error);
      }
    }

    const latest = this.#state();
    const progress = { day: today, done };
    if (failed !== null) {
      store.transaction(() =>
        this.#save({
          ...latest,
          progress,
          lastError: failed.failure,
          lastErrorAt: now.toISOString(),
          retryAfter: new Date(now.getTime() + retryAfterFailureMs).toISOString(),
          failedFolder: folder,
        }),
      );
      return;
    }
    store.transaction(() =>
      this.#save({
        ...latest,
        lastRunDay: today,
        lastRunAt: now.toISOString(),
        lastFiles: plan.formats.map((format) => done[format] as string),
        lastError: null,
        lastErrorAt: null,
        progress,
        retryAfter: null,
        failedFolder: null,
      }),
    );
  }

  /** One format of the day: rendered, written as .partial, audited with its progress, renamed. */
  async #writeOne(
    format: ReportFormat,
    run: {
      today: string;
      folder: string;
      settings: Settings;
      now: Date;
      done: Partial<Record<ReportFormat, string>>;
    },
  ): Promise<string> {
    const { store } = this.#options;
    const filter = { from: run.today, to: run.today, officer: null, counter: null };
    let file;
    try {
      file = await renderReport(
        store,
        { filter, format, language: 'vi' },
        { officeCode: run.settings.officeCode, counterId: run.settings.counterId, now: run.now },
      );
    } catch (error) {
      throw new EndOfDayFailure(
        { code: 'report-failed', message: `Không tạo được báo cáo cuối ngày (${format.toUpperCase()}).` },
        error,
      );
    }
    const target = path.join(run.folder, file.fileName);
    const partial = `${target}.partial`;
    try {
      await writeFile(partial, file.bytes, { flag: 'w' });
    } catch (error) {
      await rm(partial, { force: true }).catch(() => {});
      throw new EndOfDayFailure(describeWriteFailure(error, run.folder), error);
    }
    const markDone = (done: Partial<Record<ReportFormat, string>>) => {
      const state = this.#state();
      this.#save({ ...state, progress: { day: run.today, done } });
    };
    try {
      store.transaction(() => {
        auditExport(
          store,
          'system',
          { filter, format },
          { fileName: file.fileName, sha256: sha256Hex(file.bytes) },
          { scheduled: true },
        );
        markDone({ ...run.done, [format]: file.fileName });
      });
    } catch (error) {
      await rm(partial, { force: true }).catch(() => {});
      throw new EndOfDayFailure(
        {
          code: 'audit-failed',
          message: `Không ghi được nhật ký kiểm toán cho báo cáo cuối ngày: tệp ${file.fileName} không được lưu.`,
        },
        error,
      );
    }
    try {
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true }).catch(() => {});
      // Audited but not in place: the format is tried again (after the wait), with a new entry.
      store.transaction(() => markDone(run.done));
      throw new EndOfDayFailure(describeWriteFailure(error, run.folder), error);
    }
    return file.fileName;
  }
}

/** A code of the contract for a record an older version wrote (e.g. 'report-export-failed'). */
function knownFailureCode(code: string): EndOfDayFailureCode {
  if ((endOfDayFailureCodes as readonly string[]).includes(code)) return code as EndOfDayFailureCode;
  return code.startsWith('report-') ? 'report-failed' : 'write-failed';
}

function writeFailed(folder: string): { code: EndOfDayFailureCode; message: string } {
  return { code: 'write-failed', message: `Không xuất được báo cáo cuối ngày vào ${folder}.` };
}

/** A file-system error as a code the screens translate, and a Vietnamese sentence for the log. */
export function describeWriteFailure(
  error: unknown,
  folder: string,
): { code: EndOfDayFailureCode; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { code: 'folder-missing', message: `Không tìm thấy thư mục xuất báo cáo: ${folder}` };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return { code: 'folder-not-writable', message: `Không ghi được vào thư mục xuất báo cáo: ${folder}` };
  }
  if (code === 'ENOSPC') {
    return { code: 'disk-full', message: `Ổ đĩa của thư mục xuất báo cáo đã đầy: ${folder}` };
  }
  return writeFailed(folder);
}
