import { enrollmentCodeShape } from '../../central/protocol/enrollment-code.ts';
import type { EventResult, SyncEvent } from '../../central/protocol/sync-protocol.ts';
import { appendAudit } from '../store/audit-log.ts';
import { countOpenConflicts } from '../store/conflicts-repository.ts';
import {
  markConflict,
  markDone,
  markInvalid,
  nextBatch,
  outboxBacklog,
  scheduleRetry,
} from '../store/outbox-repository.ts';
import type { OutboxEvent } from '../store/outbox-events.ts';
import { replaceAllOffices } from '../store/offices-repository.ts';
import { upsertKioskStatusIndex } from '../store/kiosk-status-index.ts';
import { upsertFromCentral } from '../store/registrations-repository.ts';
import { replaceAllStaff } from '../store/staff-repository.ts';
import type { Store } from '../store/store.ts';
import { StoreError } from '../store/store-error.ts';
import {
  getClockOffsetMs,
  getDeviceToken,
  getLastSyncSuccessAt,
  getPullCursor,
  readSyncValue,
  recordSyncSuccess,
  setClockOffsetMs,
  setDeviceToken,
  writeSyncValue,
} from '../store/sync-state-repository.ts';
import { reportAuditHead } from './audit-head-report.ts';
import type { CentralClient } from './central-client.ts';
import { EnrollmentRefusedError, SyncError } from './sync-error.ts';
import { clockWarningThresholdMs, initialSyncStatus, type SyncStatus } from './sync-status.ts';

// The sync loop of one counter or kiosk (ARCHITECTURE.md "Data and sync principles").
//
// A round: push the outbox oldest first, then pull every registration of this office changed since
// the cursor, then (now and then) the staff directory and the list of offices, and last the head of
// the audit chain (audit-head-report.ts). Push is at-least-once: the same eventIds go
// out until the central answers for them, and its insert-or-ignore makes a repeat harmless; a
// `duplicate` answer carries the original outcome. Each pulled page is applied with its cursor in
// one transaction (upsertFromCentral), so a crash can only make us fetch a page again. The device
// clock orders nothing: the outbox is ordered by its own sequence and the pull by the server's.
// A failed round is retried with exponential backoff and jitter; a local decision asks for a round
// at once.

export interface SyncEngineOptions {
  store: Store;
  client: CentralClient;
  officeCode: string;
  deviceName: string;
  /** Training mode: where to get an enrollment code without an administrator. */
  enrollmentCode?: () => Promise<string> | string;
  intervalMs?: number;
  pushBatchSize?: number;
  pullPageSize?: number;
  staffRefreshMs?: number;
  /** How old the stored office list may get before a round fetches it again (default one day). */
  officesRefreshMs?: number;
  /** After a failed office-list fetch, how long to wait before the next try (default 15 minutes). */
  officesRetryMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  now?: () => Date;
  onStatus?: (status: SyncStatus) => void;
  /** The staff directory was replaced (signed-in staff may have lost their rights). */
  onStaffReplaced?: () => void;
  /**
   * A self-service kiosk: the pull keeps only the status index (kiosk-status-index.ts), never the
   * office's full registrations, and no staff directory is fetched (nobody signs in at a kiosk).
   */
  kiosk?: boolean;
}

const centralDeviceIdKey = 'central-device-id';
const staffRefreshedAtKey = 'staff-refreshed-at';
const officesRefreshedAtKey = 'offices-refreshed-at';

export class SyncEngine {
  readonly #options: Required<Omit<SyncEngineOptions, 'enrollmentCode' | 'onStatus' | 'onStaffReplaced'>> &
    Pick<SyncEngineOptions, 'enrollmentCode' | 'onStatus' | 'onStaffReplaced'>;
  #status: SyncStatus;
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<SyncStatus> | null = null;
  #again = false;
  #failures = 0;
  #stopped = true;
  /** Events the central refused in this round because this PC's clock runs ahead. */
  #clockRefusals = 0;
  /** When the office list last failed to come (ms), so a central without it is not asked every round. */
  #officesFailedAt: number | null = null;

  constructor(options: SyncEngineOptions) {
    this.#options = {
      intervalMs: 30_000,
      pushBatchSize: 200,
      pullPageSize: 5000,
      staffRefreshMs: 6 * 60 * 60 * 1000,
      officesRefreshMs: 24 * 60 * 60 * 1000,
      officesRetryMs: 15 * 60 * 1000,
      maxBackoffMs: 5 * 60 * 1000,
      random: Math.random,
      now: () => new Date(),
      kiosk: false,
      ...options,
    };
    this.#status = initialSyncStatus({
      lastSuccessAt: getLastSyncSuccessAt(options.store),
      clockOffsetMs: getClockOffsetMs(options.store),
    });
    this.#refreshCounts();
  }

  get status(): SyncStatus {
    return this.#status;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round?.catch(() => undefined);
  }

  /** "Sync now", and what a local decision calls: runs a round at once (or right after the current one). */
  syncNow(): Promise<SyncStatus> {
    if (this.#round) {
      this.#again = true;
      return this.#round;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#round = this.#runRound().finally(() => {
      this.#round = null;
      if (this.#again) {
        this.#again = false;
        void this.syncNow();
      }
    });
    return this.#round;
  }

  /**
   * Enrolls this device with a code from an administrator; the token is kept in the store and the
   * enrollment audited (`device.enrolled`, by `audit.actor`) in the same transaction. A code that
   * cannot be one (a typo caught by its check character) is refused here without asking the
   * central; the central's refusals come as EnrollmentRefusedError too.
   */
  async enroll(
    enrollmentCode: string,
    audit: { actor: string; details?: Record<string, unknown> } = { actor: 'system' },
  ): Promise<void> {
    const { store, officeCode } = this.#options;
    if (enrollmentCodeShape(enrollmentCode) === 'mistyped') {
      throw new EnrollmentRefusedError('enrollment-code-mistyped');
    }
    const { body, clockOffsetMs } = await this.#options.client.enroll(
      enrollmentCode,
      this.#options.deviceName,
      officeCode,
    );
    // A central from before `officeCode` was sent enrolls whatever the office (and the code is then
    // used up): this PC still refuses to work for another office.
    if (body.officeCode !== officeCode) {
      throw new EnrollmentRefusedError('enrollment-code-other-office', {
        codeOffice: body.officeCode,
        officeCode,
      });
    }
    store.transaction(() => {
      setDeviceToken(store, body.deviceToken);
      writeSyncValue(store, centralDeviceIdKey, body.deviceId);
      setClockOffsetMs(store, Math.round(clockOffsetMs));
      appendAudit(store, {
        actor: audit.actor,
        action: 'device.enrolled',
        subject: officeCode,
        details: { ...audit.details, deviceId: body.deviceId },
      });
    });
  }

  async #runRound(): Promise<SyncStatus> {
    const { store } = this.#options;
    this.#clockRefusals = 0;
    this.#update({ state: 'syncing', lastAttemptAt: this.#options.now().toISOString(), pulledInRound: 0 });
    try {
      if (!getDeviceToken(store)) {
        if (!this.#options.enrollmentCode) throw new SyncError('auth', 'chưa đăng ký thiết bị');
        await this.enroll(await this.#options.enrollmentCode());
      }
      await this.#push();
      await this.#pull();
      if (!this.#options.kiosk) await this.#refreshStaffWhenDue();
      await this.#refreshOfficesWhenDue();
      await this.#reportAuditHead();
      recordSyncSuccess(store, this.#options.now());
      this.#failures = 0;
      this.#update({
        lastSuccessAt: this.#options.now().toISOString(),
        // Connected, but events dated in the server's future wait until the clock is set right.
        ...(this.#clockRefusals > 0
          ? { state: 'needs-attention', clockWarning: true, error: clockError() }
          : { state: 'online', error: null }),
      });
      this.#schedule(this.#options.intervalMs);
    } catch (error) {
      const syncError = asSyncError(error);
      if (!(error instanceof SyncError)) console.error(`sync round failed: ${syncError.code}`, error);
      this.#failures += 1;
      const delay = syncError.kind === 'auth' ? this.#options.maxBackoffMs : this.#backoff();
      this.#update({
        state: syncError.kind === 'auth' || syncError.kind === 'schema' ? 'needs-attention' : 'offline',
        error: { kind: syncError.kind, code: syncError.code, message: syncError.message },
      });
      this.#schedule(delay);
    }
    this.#refreshCounts();
    return this.#status;
  }

  async #push(): Promise<void> {
    const { store, client } = this.#options;
    const deviceId = readSyncValue(store, centralDeviceIdKey);
    if (!deviceId) throw new SyncError('auth', 'thiếu mã thiết bị');
    // A batch the central finds too large (413: the body limit, or its event limit) is halved and
    // sent again, down to one event (docs/sync-protocol.md §6); the smaller size holds for the round.
    let batchSize = this.#options.pushBatchSize;
    // Bounded: events that the central keeps refusing for a passing reason wait for the next round.
    for (let batchNumber = 0; batchNumber < 1000; batchNumber += 1) {
      const batch = nextBatch(store, batchSize, this.#options.now());
      if (batch.length === 0) return;
      let answer: Awaited<ReturnType<CentralClient['push']>>;
      try {
        answer = await client.push(batch.map((event) => toWireEvent(event, deviceId)));
      } catch (error) {
        if (error instanceof SyncError && error.detail === 'payload-too-large' && batch.length > 1) {
          batchSize = Math.ceil(batch.length / 2);
          continue;
        }
        throw error;
      }
      const { body, clockOffsetMs } = answer;
      this.#recordClockOffset(clockOffsetMs);
      const retryLater = this.#applyPushResults(batch, body.results);
      if (retryLater.length === batch.length) return;
    }
  }

  /** Returns the ids that must wait (clock skew): everything else is finished one way or another. */
  #applyPushResults(batch: OutboxEvent[], results: EventResult[]): string[] {
    const { store } = this.#options;
    const byId = new Map(results.map((result) => [result.eventId, result]));
    const accepted: { eventId: string; serverCode: string | null }[] = [];
    const retryLater: string[] = [];
    for (const event of batch) {
      const result = byId.get(event.eventId);
      const outcome = result?.status === 'duplicate' ? (result.originalStatus ?? 'accepted') : result?.status;
      if (!result || (outcome === 'invalid' && result.reason?.code === 'clock-skew')) {
        retryLater.push(event.eventId);
      } else if (outcome === 'accepted') {
        accepted.push({ eventId: event.eventId, serverCode: result.registrationCode ?? null });
      } else if (outcome === 'conflict' && result.conflict) {
        markConflict(store, event.eventId, result.conflict);
      } else {
        markInvalid(store, event.eventId, result.reason?.code ?? 'invalid');
      }
    }
    // One transaction for every accepted event of the batch: each commit is an fsync.
    if (accepted.length > 0) markDone(store, accepted);
    if (retryLater.length > 0) {
      this.#clockRefusals += retryLater.length;
      scheduleRetry(
        store,
        retryLater,
        'clock-skew',
        new Date(this.#options.now().getTime() + this.#backoff()),
      );
    }
    return retryLater;
  }

  async #pull(): Promise<void> {
    const { store, client, officeCode } = this.#options;
    let pulled = 0;
    for (;;) {
      const after = getPullCursor(store, officeCode);
      const { body, clockOffsetMs } = await client.pull(officeCode, after, this.#options.pullPageSize);
      this.#recordClockOffset(clockOffsetMs);
      if (body.items.length > 0 || body.cursor > after) {
        if (this.#options.kiosk) upsertKioskStatusIndex(store, body.items, { officeCode, seq: body.cursor });
        else upsertFromCentral(store, body.items, { officeCode, seq: body.cursor });
      }
      pulled += body.items.length;
      this.#update({ pulledInRound: pulled });
      if (!body.hasMore || body.cursor <= after) return;
    }
  }

  async #refreshStaffWhenDue(): Promise<void> {
    const { store, client, officeCode } = this.#options;
    const last = Date.parse(readSyncValue(store, staffRefreshedAtKey) ?? '');
    const now = this.#options.now();
    if (!Number.isNaN(last) && Math.abs(now.getTime() - last) < this.#options.staffRefreshMs) return;
    const { body } = await client.staff(officeCode);
    store.transaction(() => {
      replaceAllStaff(store, body.staff);
      writeSyncValue(store, staffRefreshedAtKey, now.toISOString());
    });
    this.#options.onStaffReplaced?.();
  }

  /**
   * The receiving offices a kiosk form may name. They change a few times a year, so once a day is
   * plenty. Unlike the staff directory (which decides who may sign in, so a failure to get it fails
   * the round), a failure here never fails the round: its registrations are pushed and pulled
   * already, and the kiosk keeps offering the list it has. It is logged (the code, never a body)
   * and tried again after `officesRetryMs`; a central from before the list answers 404 until it is
   * upgraded, and that must not turn every kiosk's status to "offline".
   */
  async #refreshOfficesWhenDue(): Promise<void> {
    const { store, client } = this.#options;
    const now = this.#options.now();
    // Distances, not comparisons: a clock set back must not hold the refresh for as long.
    const since = (at: number) => Math.abs(now.getTime() - at);
    if (this.#officesFailedAt !== null && since(this.#officesFailedAt) < this.#options.officesRetryMs) return;
    const last = Date.parse(readSyncValue(store, officesRefreshedAtKey) ?? '');
    if (!Number.isNaN(last) && since(last) < this.#options.officesRefreshMs) return;
    try {
      const { body } = await client.offices();
      store.transaction(() => {
        replaceAllOffices(store, body.offices);
        writeSyncValue(store, officesRefreshedAtKey, now.toISOString());
      });
      this.#officesFailedAt = null;
    } catch (error) {
      const syncError = asSyncError(error);
      console.warn(`office list refresh failed: ${syncError.code}: ${syncError.message}`);
      this.#officesFailedAt = now.getTime();
    }
  }

  /**
   * The audit chain's head for the central's comparison. Like the office list, a failure here never
   * fails the round (its events and registrations are through already): it is logged and the
   * report is simply made again next round. A central from before the check answers 404.
   */
  async #reportAuditHead(): Promise<void> {
    try {
      const check = await reportAuditHead(this.#options.store, this.#options.client);
      if (check?.state === 'mismatch') {
        console.warn(`audit chain: the central reports a mismatch at entry ${check.entryId ?? '?'}`);
      }
    } catch (error) {
      const syncError = asSyncError(error);
      console.warn(`audit head report failed: ${syncError.code}: ${syncError.message}`);
    }
  }

  #recordClockOffset(offsetMs: number): void {
    const rounded = Math.round(offsetMs);
    setClockOffsetMs(this.#options.store, rounded);
    this.#update({ clockOffsetMs: rounded, clockWarning: Math.abs(rounded) > clockWarningThresholdMs });
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, so counters do not retry in step. */
  #backoff(): number {
    const exponential = Math.min(this.#options.maxBackoffMs, 1000 * 2 ** Math.min(this.#failures, 20));
    return Math.round(exponential / 2 + this.#options.random() * (exponential / 2));
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.syncNow();
    }, delayMs);
    this.#timer.unref();
    this.#update({ nextAttemptAt: new Date(this.#options.now().getTime() + delayMs).toISOString() });
  }

  #refreshCounts(): void {
    const backlog = outboxBacklog(this.#options.store);
    this.#update({
      backlog: backlog.pending,
      oldestPendingAt: backlog.oldestCreatedAt,
      openConflicts: countOpenConflicts(this.#options.store),
    });
  }

  /** Call after a local change (a decision, a kiosk form): the counts change now, the push follows. */
  localChange(): void {
    this.#refreshCounts();
    if (!this.#stopped) void this.syncNow();
  }

  #update(patch: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...patch };
    this.#options.onStatus?.(this.#status);
  }
}

/**
 * A failure of our own database (disk full, file locked, read-only) is not a protocol problem:
 * it is reported as `local`, so nobody is sent to look for a version mismatch. Anything else that
 * is not a SyncError is a bug or an answer we do not understand: `schema`.
 */
function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  // Training mode's own code refused: the in-process central is not what it should be.
  if (error instanceof EnrollmentRefusedError) return new SyncError('auth', error.code, { cause: error });
  if (error instanceof StoreError && error.code !== 'store-constraint') {
    return new SyncError('local', error.code, { cause: error });
  }
  return new SyncError('schema', (error as Error).message, { cause: error });
}

function clockError(): SyncStatus['error'] {
  const error = new SyncError('clock');
  return { kind: error.kind, code: error.code, message: error.message };
}

function toWireEvent(event: OutboxEvent, deviceId: string): SyncEvent {
  return {
    eventId: event.eventId,
    deviceId,
    occurredAt: event.createdAt,
    type: event.type,
    payload: event.payload,
  } as SyncEvent;
}
