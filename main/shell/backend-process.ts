import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiResult } from '../../preload/contract/api-result.ts';
import type { BackendEvent } from '../../preload/contract/events.ts';
import { BackendChannel } from '../host/utility-process/backend-channel.ts';

// The backend runs in a utility process so a slow SQLite query or a crash there never freezes the
// window. The conversation itself (ids, results, events, a dying process) is BackendChannel's, tested
// without Electron; this class only starts the process and restarts it when it dies.

export class BackendProcess {
  readonly #modulePath: string;
  readonly #dataDirectory: string;
  readonly #onEvent: (event: BackendEvent) => void;
  readonly #onSettled: (state: 'ready' | 'failed') => void;
  #child: UtilityProcess | null = null;
  #channel: BackendChannel | null = null;
  #stopping = false;

  constructor(options: {
    modulePath: string;
    dataDirectory: string;
    onEvent: (event: BackendEvent) => void;
    onSettled: (state: 'ready' | 'failed') => void;
  }) {
    this.#modulePath = options.modulePath;
    this.#dataDirectory = options.dataDirectory;
    this.#onEvent = options.onEvent;
    this.#onSettled = options.onSettled;
  }

  /** Resolves once the process answers calls (the backend itself may still be starting). */
  start(): Promise<void> {
    const child = utilityProcess.fork(this.#modulePath, [], {
      serviceName: 'bhxh-kiosk-backend',
      env: { ...process.env, BHXH_DATA_DIR: this.#dataDirectory },
      stdio: 'inherit',
    });
    const channel = new BackendChannel({
      send: (message) => child.postMessage(message),
      onEvent: this.#onEvent,
      onSettled: this.#onSettled,
    });
    this.#child = child;
    this.#channel = channel;
    return new Promise((resolve, reject) => {
      child.on('message', (message: unknown) => {
        channel.receive(message);
        if (channel.listening) resolve();
      });
      child.on('exit', (code) => {
        channel.exited();
        reject(new Error(`backend exited with code ${code}`));
        if (!this.#stopping) setTimeout(() => void this.start().catch(() => {}), 1000);
      });
    });
  }

  call(name: string, args: unknown): Promise<ApiResult<unknown>> {
    if (!this.#channel)
      return Promise.resolve({
        ok: false,
        error: { code: 'backend-unavailable', message: 'Dịch vụ cục bộ chưa sẵn sàng.' },
      });
    return this.#channel.call(name, args);
  }

  stop(): void {
    this.#stopping = true;
    this.#channel?.close();
    this.#child?.kill();
  }
}
