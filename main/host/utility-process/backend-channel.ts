import { fail, type ApiResult } from '../../../preload/contract/api-result.ts';
import { parseBackendEvent, type BackendEvent } from '../../../preload/contract/events.ts';
import { parseBackendMessage, type ShellToBackend } from './backend-messages.ts';

// The main process's side of the conversation with the backend's utility process, free of electron
// so that it can be tested with a fake port: each call gets an id and waits for the result with that
// id; when the process dies, the calls in flight fail with `backend-unavailable` instead of hanging.

export interface BackendChannelOptions {
  send(message: ShellToBackend): void;
  onEvent(event: BackendEvent): void;
  onSettled?(state: 'ready' | 'failed'): void;
}

export class BackendChannel {
  readonly #options: BackendChannelOptions;
  readonly #pending = new Map<number, (result: ApiResult<unknown>) => void>();
  #nextId = 1;
  #listening = false;
  #closed = false;

  constructor(options: BackendChannelOptions) {
    this.#options = options;
  }

  get listening(): boolean {
    return this.#listening;
  }

  call(name: string, args: unknown): Promise<ApiResult<unknown>> {
    if (this.#closed || !this.#listening) {
      return Promise.resolve(fail('backend-unavailable', 'Dịch vụ cục bộ chưa sẵn sàng.'));
    }
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#options.send({ kind: 'call', id, name: name.slice(0, 64), args });
    });
  }

  /** A message from the utility process. */
  receive(raw: unknown): void {
    const message = parseBackendMessage(raw);
    if (!message) return;
    switch (message.kind) {
      case 'listening':
        this.#listening = true;
        return;
      case 'settled':
        this.#options.onSettled?.(message.state);
        return;
      case 'result': {
        const settle = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        settle?.(message.result as ApiResult<unknown>);
        return;
      }
      case 'event': {
        const event = parseBackendEvent(message.event);
        if (event) this.#options.onEvent(event);
        return;
      }
    }
  }

  /** The utility process exited: nothing in flight waits forever. */
  exited(): void {
    this.#listening = false;
    for (const settle of this.#pending.values()) {
      settle(fail('backend-unavailable', 'Dịch vụ cục bộ đã dừng; đang khởi động lại.'));
    }
    this.#pending.clear();
  }

  close(): void {
    this.#closed = true;
    this.exited();
  }
}
