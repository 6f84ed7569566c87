import { fail, ok, type ApiError, type ApiResult } from '../../../preload/contract/api-result.ts';
import type { StartupStatus } from '../../../preload/contract/areas/startup.ts';
import { isAppError } from '../app-error.ts';
import { createBackend, type Backend, type BackendConnection, type BackendOptions } from '../backend.ts';
import type { EventListener } from '../event-hub.ts';

// What the hosts (web host, Electron's utility process) serve from their first moment. The backend's
// start can take seconds (the database check on a large store) or fail (a broken config file, a
// damaged or newer database, another instance holding the data directory). Meanwhile the launcher
// answers `startup.status` itself, so the page shows progress, or a screen that says what is wrong
// and what to do, instead of a blank window; every other call gets `backend-starting` or
// `startup-failed` until the backend is there.

export interface BackendLauncher extends BackendConnection {
  status(): StartupStatus;
  /** The backend once started; null when the start failed (status() says why). */
  readonly ready: Promise<Backend | null>;
  close(): Promise<void>;
}

export function launchBackend(options: BackendOptions): BackendLauncher {
  let status: StartupStatus = { state: 'starting', phase: 'locking-data-directory', progress: null };
  let backend: Backend | null = null;
  // Subscriptions made before the backend is there are attached once it is.
  const early = new Map<EventListener, (() => void) | null>();

  const ready = createBackend({
    ...options,
    onProgress: (progress) => {
      status = progress;
      options.onProgress?.(progress);
    },
  }).then(
    (started) => {
      backend = started;
      status = { state: 'ready' };
      for (const listener of early.keys()) early.set(listener, started.subscribe(listener));
      return started;
    },
    (error: unknown) => {
      const failure = startupError(error);
      if (!isAppError(error)) console.error('backend failed to start', error);
      console.error(`Không khởi động được: ${failure.message}`);
      status = { state: 'failed', error: failure };
      return null;
    },
  );

  return {
    status: () => status,
    ready,
    call: async (name, args): Promise<ApiResult<unknown>> => {
      if (backend) return backend.call(name, args);
      if (name === 'startup.status') return ok(status);
      return status.state === 'failed'
        ? fail('startup-failed', 'Ứng dụng không khởi động được; xem màn hình hướng dẫn.', {
            cause: status.error.code,
          })
        : fail('backend-starting', 'Ứng dụng đang khởi động, vui lòng chờ.');
    },
    subscribe: (listener) => {
      if (backend) return backend.subscribe(listener);
      early.set(listener, null);
      return () => {
        early.get(listener)?.();
        early.delete(listener);
      };
    },
    close: async () => {
      await (await ready)?.close();
    },
  };
}

function startupError(error: unknown): ApiError {
  if (isAppError(error)) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'internal', message: 'Lỗi không mong muốn khi khởi động. Hãy báo bộ phận kỹ thuật.' };
}
