import { z } from 'zod';
import type { Store } from './store.ts';
import { readSyncValue, writeSyncValue } from './sync-state-repository.ts';

// What the central service last said about this PC's audit chain (docs/sync-protocol.md §13). The
// sync engine writes it after each answer to `POST /v1/audit-heads`; audit.verify reads it. This
// copy lives in the same file as the chain, so it proves nothing on its own: it only lets the PC
// show the central's last verdict, and notice locally when the chain no longer contains the head
// the central acknowledged. The proof is the central's own copy of the heads.

const key = 'audit-central-check';

const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const centralAuditCheckSchema = z.object({
  state: z.enum(['matches', 'mismatch']),
  /** The central's clock when it answered. */
  checkedAt: z.iso.datetime({ offset: true }),
  /** The head the central holds for this device (what it compares the next report with). */
  acknowledged: z.object({ id: z.number().int().positive(), hash }).nullable(),
  /** For a mismatch: the entry id it is about. */
  entryId: z.number().int().positive().nullable(),
});
export type CentralAuditCheck = z.infer<typeof centralAuditCheckSchema>;

/** The last answer, or null before the first one (or when the stored value does not parse). */
export function readCentralAuditCheck(store: Store): CentralAuditCheck | null {
  const text = readSyncValue(store, key);
  if (text === null) return null;
  try {
    const parsed = centralAuditCheckSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeCentralAuditCheck(store: Store, check: CentralAuditCheck): void {
  store.transaction(() => writeSyncValue(store, key, JSON.stringify(centralAuditCheckSchema.parse(check))));
}
