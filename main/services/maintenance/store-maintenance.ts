import path from 'node:path';
import { ensureDailyBackup } from '../../store/backup.ts';
import { purgeExpired } from '../../store/purge-expired.ts';
import type { Store } from '../../store/store.ts';

// Housekeeping of the local database: one online backup a day (the last 7 are kept) and the purge
// of personal data past its retention (docs/local-store.md). Runs at start and every few hours; a
// failure is logged and retried next time, never allowed to stop the counter.

const everyMs = 3 * 60 * 60 * 1000;

export function backupDirectory(dataDirectory: string): string {
  return path.join(dataDirectory, 'backups');
}

export function startStoreMaintenance(store: Store, dataDirectory: string): () => void {
  const run = async () => {
    try {
      const backup = await ensureDailyBackup(store, backupDirectory(dataDirectory));
      if (!backup.ok) console.error(`daily backup failed: ${backup.error.code}`);
      purgeExpired(store);
    } catch (error) {
      console.error('store maintenance failed', error);
    }
  };
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
