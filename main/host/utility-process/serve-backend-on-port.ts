import type { BackendLauncher } from '../../services/startup/backend-launcher.ts';
import { parseShellMessage, resultMessage, type BackendToShell } from './backend-messages.ts';

/** The part of Electron's `process.parentPort` the backend uses (a fake in tests). */
export interface ParentPortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: BackendToShell): void;
}

/**
 * Serves a launching backend on the utility process's parent port: answers calls from the first
 * moment (the launcher replies `startup.status` while the backend starts), forwards its events, and
 * says when the start has settled. Messages that do not fit the schema are ignored.
 */
export function serveBackendOnPort(port: ParentPortLike, launcher: BackendLauncher): void {
  launcher.subscribe((event) => port.postMessage({ kind: 'event', event }));
  port.on('message', ({ data }) => {
    const request = parseShellMessage(data);
    if (!request) return;
    void launcher
      .call(request.name, request.args)
      .then((result) => port.postMessage(resultMessage(request.id, result)));
  });
  port.postMessage({ kind: 'listening' });
  void launcher.ready.then((backend) =>
    port.postMessage({ kind: 'settled', state: backend ? 'ready' : 'failed' }),
  );
}
