import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EndOfDayStatus } from '../../../preload/contract/areas/reports.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { vietnamDay, vietnamTimeOfDay } from '../../core/time/vietnam-time.ts';
import type { Store } from '../../store/store.ts';
import { readSyncValue, writeSyncValue } from '../../store/sync-state-repository.ts';
import { auditExport, renderReport, sha256Hex } from './report-service.ts';

// The scheduled end-of-day export (settings `reports.endOfDayExport`, set in the administration
// screen): once per Vietnam day, after `time`, the day's report in each chosen format is written to
// the folder — each file first as `NAME.partial`, then renamed, so a reader (a backup job, a shared
// folder) never sees half a file — and each file is audited (actor 'system'). The last run is kept
// in sync_state, so a restart never writes a day twice; a failure (folder missing, not writable) is
// kept with a code in lastError and retried at the next check. Settings are read at every check:
// a change applies without a restart. A day the PC was off at `time` is not caught up later.

export const endOfDayStateKey = 'reports-end-of-day';

export interface EndOfDayRun {
  lastRunDay: string | null;
  lastRunAt: string | null;
  lastFiles: string[];
  lastError: { code: string; message: string } | null;
}

export interface EndOfDayExportOptions {
  store: Store;
  now: () => Date;
  settings: () => Settings;
  /** How often to check (default one minute). */
  checkEveryMs?: number;
  /** A failure the log should see (the status carries it too). */
  onError?: (error: unknown) => void;
}

const noRun: EndOfDayRun = { lastRunDay: null, lastRunAt: null, lastFiles: [], lastError: null };

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
    return {
      enabled: settings.enabled,
      folder: settings.folder,
      time: settings.time,
      formats: [...settings.formats],
      ...this.#lastRun(),
    };
  }

  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #lastRun(): EndOfDayRun {
    const text = readSyncValue(this.#options.store, endOfDayStateKey);
    if (text === null) return { ...noRun };
    try {
      return { ...noRun, ...(JSON.parse(text) as Partial<EndOfDayRun>) };
    } catch {
      return { ...noRun };
    }
  }

  #save(run: EndOfDayRun): void {
    const { store } = this.#options;
    store.transaction(() => writeSyncValue(store, endOfDayStateKey, JSON.stringify(run)));
  }

  async #runIfDue(): Promise<void> {
    const settings = this.#options.settings();
    const plan = settings.reports.endOfDayExport;
    const now = this.#options.now();
    const today = vietnamDay(now);
    const last = this.#lastRun();
    // HH:MM text compares as time of day.
    if (!plan.enabled || plan.folder === null || plan.formats.length === 0) return;
    if (vietnamTimeOfDay(now.toISOString()) < plan.time || last.lastRunDay === today) return;

    const written: string[] = [];
    try {
      for (const format of plan.formats) {
        const filter = { from: today, to: today, officer: null, counter: null };
        const file = await renderReport(
          this.#options.store,
          { filter, format, language: 'vi' },
          { officeCode: settings.officeCode, counterId: settings.counterId, now },
        );
        const target = path.join(plan.folder, file.fileName);
        await writeAtomically(target, file.bytes);
        written.push(file.fileName);
        auditExport(
          this.#options.store,
          'system',
          { filter, format },
          { fileName: file.fileName, sha256: sha256Hex(file.bytes) },
          { scheduled: true },
        );
      }
      this.#save({ lastRunDay: today, lastRunAt: now.toISOString(), lastFiles: written, lastError: null });
    } catch (error) {
      this.#options.onError?.(error);
      this.#save({ ...last, lastError: describeFailure(error, plan.folder) });
    }
  }
}

async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await writeFile(partial, bytes, { flag: 'w' });
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => {});
    throw error;
  }
}

/** A stable code the screens translate, and a Vietnamese sentence for the log and the status line. */
export function describeFailure(error: unknown, folder: string): { code: string; message: string } {
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
  if (typeof code === 'string' && code.startsWith('report-')) {
    return { code, message: (error as Error).message };
  }
  return { code: 'write-failed', message: `Không xuất được báo cáo cuối ngày vào ${folder}.` };
}
