import { fail, ok, type ApiResult } from '../../preload/contract/api-result.ts';
import type { StartupStatus } from '../../preload/contract/areas/startup.ts';
import type { BackendOptions } from '../services/backend.ts';
import type { EventListener } from '../services/event-hub.ts';
import { launchBackend, type BackendLauncher } from '../services/startup/backend-launcher.ts';

// What both hosts (the web host and Electron's utility process) serve: a backend launcher that can
// be started again on the same data directory when the backend asks for it (after an
// administrator's restore, which is applied at start, before the database opens). Meanwhile the
// page gets `startup.status` "starting" and every other call `backend-starting`, exactly as during
// the first start, so it shows the start-up screen and comes back by itself; event subscriptions
// move to the new backend. The request is taken at once and carried out on the next turn, so the
// answer of the call that asked for it leaves first.

const restarting: StartupStatus = { state: 'starting', phase: 'locking-data-directory', progress: null };

export function launchRelaunchingBackend(
  options: Omit<BackendOptions, 'onRestartRequested'>,
  launch: (options: BackendOptions) => BackendLauncher = launchBackend,
): BackendLauncher {
  const subscriptions = new Map<EventListener, () => void>();
  let closed = false;
  let restart: Promise<void> | null = null;
  let current: BackendLauncher = start();

  function start(): BackendLauncher {
    const launcher = launch({ ...options, onRestartRequested: () => requestRestart() });
    for (const listener of subscriptions.keys()) subscriptions.set(listener, launcher.subscribe(listener));
    return launcher;
  }

  function requestRestart(): void {
    if (closed || restart !== null) return;
    const previous = current;
    restart = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      try {
        await previous.close();
      } catch (error) {
        console.error('the backend did not close cleanly before its restart', error);
      }
      if (!closed) current = start();
    })().finally(() => {
      restart = null;
    });
  }

  return {
    status: () => (restart ? restarting : current.status()),
    get ready() {
      return current.ready;
    },
    call: async (name, args): Promise<ApiResult<unknown>> => {
      if (restart === null) return current.call(name, args);
      if (name === 'startup.status') return ok(restarting);
      return fail('backend-starting', 'Ứng dụng đang khởi động lại, vui lòng chờ.');
    },
    subscribe: (listener) => {
      subscriptions.set(listener, restart ? () => {} : current.subscribe(listener));
      return () => {
        subscriptions.get(listener)?.();
        subscriptions.delete(listener);
      };
    },
    close: async () => {
      closed = true;
      await restart;
      await current.close();
    },
  };
}
