import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { restoreBackupCarryingAudit } from '../../store/carry-audit-forward.ts';
import { StoreError } from '../../store/store-error.ts';
import { backupDirectory } from '../maintenance/store-maintenance.ts';
import { findBackup } from './backup-files.ts';

// A restore from the administration screen cannot replace the database under the running backend:
// the handler verifies the backup, leaves a "pending restore" marker in the data directory and asks
// the host to restart the backend. The next start applies the marker BEFORE the store opens (the
// only moment nothing holds the database), with restoreBackupCarryingAudit, which verifies the copy
// again (integrity_check), refuses when events still wait in the current outbox or when the
// backup's audit trail is not an earlier state of the current one, carries the current trail's
// later entries into the copy (so the chain continues and the central sees it continue), and moves
// the current database aside, never deleting it. The marker is removed before anything is
// attempted, so a backup that fails at start cannot trap the PC in a restart loop; what happened is
// left as an outcome file, which the administration area turns into an audit entry once the store
// is open (the audit trail lives in the database being replaced).

const markerFileName = 'pending-restore.json';
const outcomeFileName = 'restore-outcome.json';

const markerSchema = z.object({
  fileName: z.string().min(1).max(100),
  /** Also the instant the database moved aside is named after (so the answer can name it). */
  requestedAt: z.iso.datetime(),
  requestedBy: z.string().min(1).max(100),
});
export type PendingRestore = z.infer<typeof markerSchema>;

const outcomeSchema = z.discriminatedUnion('ok', [
  markerSchema.extend({
    ok: z.literal(true),
    movedAsideTo: z.string().nullable(),
    /** Entries of the trail written after the backup, copied into the restored database. */
    carriedEntries: z.number().int().min(0),
  }),
  markerSchema.extend({
    ok: z.literal(false),
    code: z.string(),
    message: z.string(),
    /** What the refusal's code carries (e.g. the reason a trail does not continue). */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
]);
export type RestoreOutcome = z.infer<typeof outcomeSchema>;

/**
 * The name restoreBackup gives the database it moves aside (`<db>.before-restore-<YYYYMMDDTHHMMSSZ>`,
 * docs/local-store.md), predicted so the restore's answer can say where the current data goes.
 * A test holds the two together.
 */
export function movedAsideName(databaseFileName: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `${databaseFileName}.before-restore-${stamp}`;
}

export function writePendingRestore(dataDirectory: string, pending: PendingRestore): void {
  writeJsonAtomically(path.join(dataDirectory, markerFileName), markerSchema.parse(pending));
}

export function readPendingRestore(dataDirectory: string): PendingRestore | null {
  return readJson(path.join(dataDirectory, markerFileName), markerSchema);
}

/**
 * At start, before the store opens: applies a pending restore if there is one. Never throws: a
 * restore that cannot be applied leaves the current database as it was and says why in the outcome.
 */
export function applyPendingRestore(dataDirectory: string, databasePath: string): RestoreOutcome | null {
  const markerFile = path.join(dataDirectory, markerFileName);
  if (!fs.existsSync(markerFile)) return null;
  const pending = readJson(markerFile, markerSchema);
  fs.rmSync(markerFile, { force: true });
  if (pending === null) {
    console.error(`pending restore ignored: ${markerFile} is not a valid marker`);
    return null;
  }
  let outcome: RestoreOutcome;
  const backup = findBackup(backupDirectory(dataDirectory), pending.fileName);
  if (backup === null) {
    outcome = {
      ...pending,
      ok: false,
      code: 'backup-not-found',
      message: `Không còn bản sao lưu ${pending.fileName}.`,
    };
  } else {
    const restored = restoreBackupCarryingAudit(backup, databasePath, {
      fileName: pending.fileName,
      now: new Date(pending.requestedAt),
    });
    outcome = restored.ok
      ? {
          ...pending,
          ok: true,
          movedAsideTo: restored.value.previousKeptAt && path.basename(restored.value.previousKeptAt),
          carriedEntries: restored.value.carriedEntries,
        }
      : {
          ...pending,
          ok: false,
          code: restored.error.code,
          message: restored.error.message,
          // A refusal's details are ids and reasons; a store error's may hold paths: not for the trail.
          ...(restored.error instanceof StoreError ? {} : { details: { ...restored.error.details } }),
        };
  }
  if (!outcome.ok) console.error(`pending restore of ${pending.fileName} failed: ${outcome.code}`);
  writeJsonAtomically(path.join(dataDirectory, outcomeFileName), outcome);
  return outcome;
}

/** The outcome of the restore applied at this start, once (the file is removed as it is read). */
export function takeRestoreOutcome(dataDirectory: string): RestoreOutcome | null {
  const file = path.join(dataDirectory, outcomeFileName);
  if (!fs.existsSync(file)) return null;
  const outcome = readJson(file, outcomeSchema);
  fs.rmSync(file, { force: true });
  return outcome;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeJsonAtomically(file: string, value: unknown): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(partial, file);
}
