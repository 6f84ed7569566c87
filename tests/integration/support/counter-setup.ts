// One counter's backend as the integration tests and the counter child process build it: the local
// store, the HTTP client and the sync engine, plus a deterministic way to pick registrations to decide.
// No vitest here: the child process (counter-process.ts) imports it too.
import type { Decision } from '../../../main/core/registration/registration.ts';
import { openStore } from '../../../main/store/open-store.ts';
import { recordDecision, type RecordedDecision } from '../../../main/store/record-decision.ts';
import type { Store } from '../../../main/store/store.ts';
import { getDeviceToken, readSyncValue } from '../../../main/store/sync-state-repository.ts';
import { CentralClient } from '../../../main/sync/central-client.ts';
import { SyncEngine, type SyncEngineOptions } from '../../../main/sync/sync-engine.ts';

export interface CounterOptions {
  databasePath: string;
  centralUrl: string;
  officeCode: string;
  /** Where to get an enrollment code when the store holds no token yet. */
  enrollmentCode?: () => Promise<string> | string;
  deviceName?: string;
  timeoutMs?: number;
  /** The client's fetch (a test may wrap it to record what was sent). */
  fetch?: typeof fetch;
  pullPageSize?: number;
  pushBatchSize?: number;
  /** The store's clock (decidedAt, outbox created_at). Default: the real clock. */
  storeNow?: () => Date;
  /** The engine's clock (retry times). Default: the real clock. */
  engineNow?: () => Date;
  onStatus?: SyncEngineOptions['onStatus'];
  /** The store as the engine sees it (the child process wraps it to kill itself at chosen writes). */
  engineStore?: (store: Store) => Store;
}

export interface Counter {
  store: Store;
  client: CentralClient;
  engine: SyncEngine;
  /** The device id the central gave this counter (null before enrollment). */
  deviceId(): string | null;
  close(): Promise<void>;
}

export function openCounter(options: CounterOptions): Counter {
  const opened = openStore(options.databasePath, options.storeNow ? { now: options.storeNow } : {});
  if (!opened.ok) throw opened.error;
  const store = opened.value;
  const client = new CentralClient({
    baseUrl: options.centralUrl,
    deviceToken: () => getDeviceToken(store),
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const engine = new SyncEngine({
    store: options.engineStore ? options.engineStore(store) : store,
    client,
    officeCode: options.officeCode,
    deviceName: options.deviceName ?? 'Quầy kiểm thử',
    random: () => 0.5,
    ...(options.enrollmentCode ? { enrollmentCode: options.enrollmentCode } : {}),
    ...(options.pullPageSize ? { pullPageSize: options.pullPageSize } : {}),
    ...(options.pushBatchSize ? { pushBatchSize: options.pushBatchSize } : {}),
    ...(options.engineNow ? { now: options.engineNow } : {}),
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  });
  return {
    store,
    client,
    engine,
    deviceId: () => readSyncValue(store, 'central-device-id'),
    async close() {
      await engine.stop();
      store.close();
    },
  };
}

/**
 * `count` registrations this counter may decide, always the same for the same store content: pending
 * at the central, nothing local on them, in code order, after skipping `offset`.
 */
export function pendingCodes(store: Store, officeCode: string, count: number, offset = 0): string[] {
  const rows = store.db
    .prepare(
      `SELECT code FROM registrations
       WHERE office_code = ? AND status = 'pending' AND local_state = 'synced' AND json IS NOT NULL
       ORDER BY code LIMIT ? OFFSET ?`,
    )
    .all(officeCode, count, offset) as Array<{ code: string }>;
  return rows.map((row) => row.code);
}

export interface Officer {
  officerId: string;
  counterId: string;
}

/** Records a decision that must be accepted locally (throws the store's refusal otherwise). */
export function decide(
  store: Store,
  registrationCode: string,
  outcome: Decision['outcome'],
  officer: Officer,
): RecordedDecision {
  const result = recordDecision(store, {
    registrationCode,
    outcome,
    reasonCode: outcome === 'rejected' ? 'identity-mismatch' : null,
    note: outcome === 'rejected' ? 'Ảnh trên CCCD không khớp với người nộp.' : null,
    officerId: officer.officerId,
    counterId: officer.counterId,
    override: false,
  });
  if (!result.ok) throw result.error;
  return result.value;
}

/** Approve, reject, approve, … so both outcomes (and both notification kinds) are exercised. */
export function alternatingOutcome(index: number): Decision['outcome'] {
  return index % 2 === 0 ? 'approved' : 'rejected';
}
