import type { BridgeApi } from '../../preload/contract/bridge-api.ts';
import { fail } from '../../preload/contract/api-result.ts';
import { parseBackendEvent } from '../../preload/contract/events.ts';
import type { ApiClient } from './api-client.ts';

declare global {
  interface Window {
    bhxh?: BridgeApi;
  }
}

/** The Electron shell: calls go through the preload bridge to the main process and the backend. */
export function createElectronApiClient(bridge: BridgeApi): ApiClient {
  return {
    call: (name, args) => {
      const operation = bridge.operations[name];
      if (!operation) return Promise.resolve(fail('unknown-operation', name) as never);
      return operation(args) as never;
    },
    onEvent: (listener) =>
      bridge.onEvent((raw) => {
        const event = parseBackendEvent(raw);
        if (event) listener(event);
      }),
  };
}
