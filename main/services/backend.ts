import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import type { ApiResult } from '../../preload/contract/api-result.ts';
import type { OperationName } from '../../preload/contract/operation-names.ts';
import { parseIdPayload } from '../core/id-card/parse-id-payload.ts';
import { vietnamDay } from '../core/time/vietnam-time.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { AppError } from './app-error.ts';
import { dispatchOperation, type OperationHandlers } from './dispatch-operation.ts';
import { EventHub, type EventListener } from './event-hub.ts';
import { SettingsService } from './settings/settings-service.ts';
import { startStoreMaintenance } from './maintenance/store-maintenance.ts';
import {
  acknowledgeConflict,
  decideRegistration,
  openConflicts,
  searchRegistrations,
} from './registrations/registration-service.ts';
import { loadSettings } from './settings/config-file.ts';
import { SyncService } from './sync/sync-service.ts';

export interface BackendOptions {
  dataDirectory: string;
  now?: () => Date;
  /** Tests shorten the sync loop and the central timeout. */
  syncIntervalMs?: number;
  syncTimeoutMs?: number;
}

/** The Electron-free backend both shells start: one `call` for every operation, one event stream. */
export interface Backend {
  call(name: unknown, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: EventListener): () => void;
  readonly events: EventHub;
  readonly operationNames: readonly OperationName[];
  close(): Promise<void>;
}

export const databaseFileName = 'bhxh-kiosk.sqlite';

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const settings = new SettingsService(options.dataDirectory, await loadSettings(options.dataDirectory));
  const store = openLocalStore(options.dataDirectory, now);
  const events = new EventHub();
  let sync: SyncService;
  try {
    sync = await SyncService.start({
      store,
      dataDirectory: options.dataDirectory,
      settings: settings.current,
      now,
      onStatus: (status) => events.emit('sync.status', status),
      ...(options.syncIntervalMs ? { intervalMs: options.syncIntervalMs } : {}),
      ...(options.syncTimeoutMs ? { timeoutMs: options.syncTimeoutMs } : {}),
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const stopMaintenance = startStoreMaintenance(store, options.dataDirectory);

  const handlers: OperationHandlers = {
    health: () => ({
      status: 'ok',
      version: packageJson.version,
      mode: settings.current.mode,
      officeCode: settings.current.officeCode,
      counterId: settings.current.counterId,
      trainingMode: sync.trainingMode,
      dataDirectory: options.dataDirectory,
      serverTime: now().toISOString(),
      uptimeSeconds: Math.round((now().getTime() - startedAt.getTime()) / 1000),
    }),
    'id.parse': ({ payload }) => parseIdPayload(payload, { today: vietnamDay(now()) }),
    'settings.get': () => settings.current,
    'settings.set': async ({ patch }) => {
      const next = await settings.update(patch);
      await sync.reconfigure(next);
      return next;
    },
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.enroll': ({ enrollmentCode }) => sync.enroll(enrollmentCode),
    'registrations.search': ({ query }) => searchRegistrations(store, query),
    'registrations.decide': (args) => {
      const decided = decideRegistration(store, settings.current.counterId, args);
      sync.localChange();
      return decided;
    },
    'conflicts.list': () => openConflicts(store),
    'conflicts.acknowledge': ({ conflictId, officerId }) => acknowledgeConflict(store, conflictId, officerId),
  };

  return {
    call: (name, args) => dispatchOperation(handlers, name, args),
    subscribe: (listener) => events.subscribe(listener),
    events,
    operationNames: Object.keys(handlers) as OperationName[],
    close: async () => {
      stopMaintenance();
      await sync.close();
      store.close();
    },
  };
}

function openLocalStore(dataDirectory: string, now: () => Date): Store {
  const opened = openStore(path.join(dataDirectory, databaseFileName), { now });
  if (!opened.ok) throw new AppError(opened.error.code, opened.error.message, { cause: opened.error.cause });
  return opened.value;
}
