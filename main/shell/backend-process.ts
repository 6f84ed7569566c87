import { utilityProcess, type UtilityProcess } from 'electron';
import { fail, type ApiResult } from '../../preload/contract/api-result.ts';
import { parseBackendEvent, type BackendEvent } from '../../preload/contract/events.ts';

// The backend runs in a utility process so a slow SQLite query or a crash there never freezes the
// window. Each call gets an id; the answer comes back on the same port. If the process dies, the
// calls in flight fail with `backend-unavailable` instead of hanging, and the process is restarted.

type Pending = (result: ApiResult<unknown>) => void;

export class BackendProcess {
  readonly #modulePath: string;
  readonly #dataDirectory: string;
  readonly #onEvent: (event: BackendEvent) => void;
  #child: UtilityProcess | null = null;
  #ready: Promise<void> | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #stopping = false;

  constructor(modulePath: string, dataDirectory: string, onEvent: (event: BackendEvent) => void) {
    this.#modulePath = modulePath;
    this.#dataDirectory = dataDirectory;
    this.#onEvent = onEvent;
  }

  start(): Promise<void> {
    const child = utilityProcess.fork(this.#modulePath, [], {
      serviceName: 'bhxh-kiosk-backend',
      env: { ...process.env, BHXH_DATA_DIR: this.#dataDirectory },
      stdio: 'inherit',
    });
    this.#child = child;
    this.#ready = new Promise((resolve, reject) => {
      child.on('message', (message: unknown) => {
        const data = message as {
          kind?: string;
          id?: number;
          result?: ApiResult<unknown>;
          event?: unknown;
          message?: string;
        };
        if (data.kind === 'ready') resolve();
        else if (data.kind === 'failed') reject(new Error(data.message ?? 'backend failed to start'));
        else if (data.kind === 'result' && typeof data.id === 'number' && data.result) {
          this.#pending.get(data.id)?.(data.result);
          this.#pending.delete(data.id);
        } else if (data.kind === 'event') {
          const event = parseBackendEvent(data.event);
          if (event) this.#onEvent(event);
        }
      });
      child.on('exit', (code) => {
        for (const settle of this.#pending.values()) {
          settle(fail('backend-unavailable', 'Dịch vụ cục bộ đã dừng; đang khởi động lại.'));
        }
        this.#pending.clear();
        reject(new Error(`backend exited with code ${code}`));
        if (!this.#stopping) setTimeout(() => void this.start().catch(() => {}), 1000);
      });
    });
    return this.#ready;
  }

  async call(name: string, args: unknown): Promise<ApiResult<unknown>> {
    try {
      await this.#ready;
    } catch {
      return fail('backend-unavailable', 'Dịch vụ cục bộ không khởi động được.');
    }
    const child = this.#child;
    if (!child) return fail('backend-unavailable', 'Dịch vụ cục bộ chưa sẵn sàng.');
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      child.postMessage({ kind: 'call', id, name, args });
    });
  }

  stop(): void {
    this.#stopping = true;
    this.#child?.kill();
  }
}
