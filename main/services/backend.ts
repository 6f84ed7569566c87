import packageJson from '../../package.json' with { type: 'json' };
import type { ApiResult } from '../../preload/contract/api-result.ts';
import type { OperationName } from '../../preload/contract/operations.ts';
import { parseIdPayload } from '../core/id-card/parse-id-payload.ts';
import { vietnamCalendarDate } from '../core/time/vietnam-calendar-date.ts';
import { dispatchOperation, type OperationHandlers } from './dispatch-operation.ts';
import { EventHub, type EventListener } from './event-hub.ts';
import { SettingsService } from './handlers/settings-handlers.ts';
import { loadSettings } from './settings/config-file.ts';

export interface BackendOptions {
  dataDirectory: string;
  now?: () => Date;
}

/** The Electron-free backend both shells start: one `call` for every operation, one event stream. */
export interface Backend {
  call(name: unknown, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: EventListener): () => void;
  readonly events: EventHub;
  readonly operationNames: readonly OperationName[];
  close(): Promise<void>;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const settings = new SettingsService(options.dataDirectory, await loadSettings(options.dataDirectory));
  const events = new EventHub();

  const handlers: OperationHandlers = {
    health: () => ({
      status: 'ok',
      version: packageJson.version,
      mode: settings.current.mode,
      officeCode: settings.current.officeCode,
      counterId: settings.current.counterId,
      trainingMode: settings.current.centralUrl === null,
      dataDirectory: options.dataDirectory,
      serverTime: now().toISOString(),
      uptimeSeconds: Math.round((now().getTime() - startedAt.getTime()) / 1000),
    }),
    'id.parse': ({ payload }) => parseIdPayload(payload, { today: vietnamCalendarDate(now()) }),
    'settings.get': () => settings.current,
    'settings.set': ({ patch }) => settings.update(patch),
  };

  return {
    call: (name, args) => dispatchOperation(handlers, name, args),
    subscribe: (listener) => events.subscribe(listener),
    events,
    operationNames: Object.keys(handlers) as OperationName[],
    close: async () => {},
  };
}
