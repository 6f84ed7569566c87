import { randomUUID } from 'node:crypto';
import type { Store } from './store.ts';

// Small key/value facts of the sync: pull cursors, device identity, last success, clock offset.
// The pull cursor is written only by upsertFromCentral, in the transaction of the rows it brought.

const keys = {
  deviceId: 'device-id',
  deviceToken: 'device-token',
  lastSuccessAt: 'last-success-at',
  clockOffsetMs: 'clock-offset-ms',
  pullCursor: (officeCode: string) => `pull-cursor:${officeCode}`,
};

export function readSyncValue(store: Store, key: string): string | null {
  const row = store.read(
    () =>
      store.statement('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined,
  );
  return row?.value ?? null;
}

/** Writes a value; call inside a store transaction when it must commit with other rows. */
export function writeSyncValue(store: Store, key: string, value: string): void {
  store
    .statement(
      `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, value, store.now().toISOString());
}

/** The last server sequence number stored for this office; 0 before the first pull. */
export function getPullCursor(store: Store, officeCode: string): number {
  const value = readSyncValue(store, keys.pullCursor(officeCode));
  return value === null ? 0 : Number(value);
}

/**
 * Moves the cursor forward (never back: a replayed page must not make the next pull start over).
 * Only upsertFromCentral calls this, inside its transaction.
 */
export function advancePullCursor(store: Store, officeCode: string, seq: number): void {
  if (!Number.isSafeInteger(seq) || seq < 0)
    throw new RangeError(`pull cursor must be an integer >= 0: ${seq}`);
  if (seq > getPullCursor(store, officeCode)) writeSyncValue(store, keys.pullCursor(officeCode), String(seq));
}

/**
 * Forgets the cursor, so the next pull starts from the beginning: for a central service that was
 * reset (training mode). Rows already stored keep their server_seq and are not overwritten by
 * older sequence numbers; see docs/local-store.md.
 */
export function resetPullCursor(store: Store, officeCode: string): void {
  store.transaction(() => {
    store.statement('DELETE FROM sync_state WHERE key = ?').run(keys.pullCursor(officeCode));
  });
}

/** This installation's id, created on first use and then stable. */
export function ensureDeviceId(store: Store): string {
  return store.transaction(() => {
    const existing = readSyncValue(store, keys.deviceId);
    if (existing !== null) return existing;
    const created = randomUUID();
    writeSyncValue(store, keys.deviceId, created);
    return created;
  });
}

export function getDeviceToken(store: Store): string | null {
  return readSyncValue(store, keys.deviceToken);
}

export function setDeviceToken(store: Store, token: string): void {
  store.transaction(() => writeSyncValue(store, keys.deviceToken, token));
}

export function getLastSyncSuccessAt(store: Store): string | null {
  return readSyncValue(store, keys.lastSuccessAt);
}

export function recordSyncSuccess(store: Store, at: Date = store.now()): void {
  store.transaction(() => writeSyncValue(store, keys.lastSuccessAt, at.toISOString()));
}

/** Server time minus device time, as last measured by the sync (ms). 0 when never measured. */
export function getClockOffsetMs(store: Store): number {
  const value = readSyncValue(store, keys.clockOffsetMs);
  return value === null ? 0 : Number(value);
}

export function setClockOffsetMs(store: Store, offsetMs: number): void {
  if (!Number.isFinite(offsetMs)) throw new RangeError(`clock offset must be finite: ${offsetMs}`);
  store.transaction(() => writeSyncValue(store, keys.clockOffsetMs, String(Math.round(offsetMs))));
}
