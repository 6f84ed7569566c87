import type { ApiResult } from '../contract/api-result.ts';
import type { BridgeApi } from '../contract/bridge-api.ts';

// What the preload exposes as `window.bhxh`: one small function per operation of the contract,
// each forwarding to the main process on a single channel, plus an event subscription. Never
// ipcRenderer itself. Kept free of electron imports so a test can check it against the contract.
// The names come in as an argument: the preload bundle gets them injected at build time
// (scripts/build.ts), so it carries no zod and no schemas.

export const apiCallChannel = 'bhxh:api-call';
export const apiEventChannel = 'bhxh:api-event';

export interface BridgeTransport {
  invoke(channel: string, name: string, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildBridgeApi(transport: BridgeTransport, operationNames: readonly string[]): BridgeApi {
  const operations = Object.freeze(
    Object.fromEntries(
      operationNames.map((name) => [name, (args: unknown) => transport.invoke(apiCallChannel, name, args)]),
    ),
  );
  return {
    operations,
    onEvent: (listener) => transport.subscribe(apiEventChannel, listener),
  };
}
