import { dropCounterDataOnKiosk } from '../../store/kiosk-status-index.ts';
import { hostname } from 'node:os';
import type { CentralServer } from '../../../central/server/start-central-server.ts';
import type { SyncStatusWire } from '../../../preload/contract/areas/sync.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import type { Store } from '../../store/store.ts';
import { CentralClient } from '../../sync/central-client.ts';
import { SyncEngine } from '../../sync/sync-engine.ts';
import { EnrollmentRefusedError, SyncError } from '../../sync/sync-error.ts';
import { initialSyncStatus, type SyncStatus } from '../../sync/sync-status.ts';
import { getDeviceToken } from '../../store/sync-state-repository.ts';
import { AppError } from '../app-error.ts';
import { startTrainingCentral } from './training-central.ts';

export interface SyncServiceOptions {
  store: Store;
  dataDirectory: string;
  settings: Settings;
  now: () => Date;
  onStatus: (status: SyncStatusWire) => void;
  onStaffReplaced?: () => void;
  /** Tests shorten the loop; the product syncs every 30 s and right after every local change. */
  intervalMs?: number;
  timeoutMs?: number;
}

/** The sync engine for the configured central service, or for the in-process one in training mode. */
export class SyncService {
  readonly #options: SyncServiceOptions;
  #engine: SyncEngine | null = null;
  #trainingCentral: CentralServer | null = null;

  private constructor(options: SyncServiceOptions) {
    this.#options = options;
  }

  static async start(options: SyncServiceOptions): Promise<SyncService> {
    const service = new SyncService(options);
    await service.#startEngine();
    return service;
  }

  get trainingMode(): boolean {
    return this.#options.settings.centralUrl === null;
  }

  /** Training mode enrolls itself; otherwise this PC is enrolled once it holds a device token. */
  get enrolled(): boolean {
    return this.trainingMode || getDeviceToken(this.#options.store) !== null;
  }

  status(): SyncStatusWire {
    return this.#wire(this.#engine?.status);
  }

  async syncNow(): Promise<SyncStatusWire> {
    return this.#wire(await this.#engine?.syncNow());
  }

  /** A local change (decision, kiosk form) waits in the outbox; push it now. */
  localChange(): void {
    this.#engine?.localChange();
  }

  /** Enrolls with a code; `audit` says who did it (the enrollment's audit entry commits with it). */
  async enroll(
    enrollmentCode: string,
    audit: { actor: string; details?: Record<string, unknown> },
  ): Promise<SyncStatusWire> {
    if (!this.#engine || this.trainingMode) {
      throw new AppError(
        'sync-not-configured',
        'Chưa cấu hình máy chủ BHXH trung tâm (đang ở chế độ đào tạo).',
      );
    }
    try {
      await this.#engine.enroll(enrollmentCode, audit);
    } catch (error) {
      if (error instanceof EnrollmentRefusedError) {
        throw new AppError(error.code, error.message, {
          cause: error,
          ...(error.details ? { details: error.details } : {}),
        });
      }
      if (error instanceof SyncError) throw new AppError(error.code, error.message, { cause: error });
      throw error;
    }
    return this.syncNow();
  }

  /**
   * The settings changed: when the central service, the office or the counter is another one, the
   * next rounds talk to it as that office and counter.
   */
  async reconfigure(settings: Settings): Promise<void> {
    const previous = this.#options.settings;
    const changed =
      settings.centralUrl !== previous.centralUrl ||
      settings.officeCode !== previous.officeCode ||
      settings.counterId !== previous.counterId;
    this.#options.settings = settings;
    if (!changed) return;
    await this.#stopEngine();
    await this.#startEngine();
  }

  async close(): Promise<void> {
    await this.#stopEngine();
  }

  async #startEngine(): Promise<void> {
    const { store, settings, now } = this.#options;
    let baseUrl = settings.centralUrl;
    let enrollmentCode: (() => string) | undefined;
    if (baseUrl === null) {
      const central = await startTrainingCentral(this.#options.dataDirectory, now);
      this.#trainingCentral = central;
      baseUrl = central.url;
      enrollmentCode = () => central.createEnrollmentCode(settings.officeCode);
    }
    const client = new CentralClient({
      baseUrl,
      deviceToken: () => getDeviceToken(store),
      now,
      ...(this.#options.timeoutMs ? { timeoutMs: this.#options.timeoutMs } : {}),
    });
    this.#engine = new SyncEngine({
      store,
      client,
      officeCode: settings.officeCode,
      deviceName: `${settings.counterId} (${hostname()})`,
      ...(enrollmentCode ? { enrollmentCode } : {}),
      ...(this.#options.intervalMs ? { intervalMs: this.#options.intervalMs } : {}),
      now,
      onStatus: (status) => this.#options.onStatus(this.#wire(status)),
      ...(this.#options.onStaffReplaced ? { onStaffReplaced: this.#options.onStaffReplaced } : {}),
      kiosk: settings.mode === 'kiosk',
    });
    if (settings.mode === 'kiosk') dropCounterDataOnKiosk(store, settings.officeCode);
    this.#engine.start();
  }

  async #stopEngine(): Promise<void> {
    await this.#engine?.stop();
    this.#engine = null;
    await this.#trainingCentral?.close();
    this.#trainingCentral = null;
  }

  #wire(status: SyncStatus | undefined): SyncStatusWire {
    const base: SyncStatus = status ?? initialSyncStatus();
    return { ...base, trainingMode: this.trainingMode };
  }
}
