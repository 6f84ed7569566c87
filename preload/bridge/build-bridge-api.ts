import type { ApiResult } from '../contract/api-result.ts';
import { operationNames, type OperationName } from '../contract/operation-names.ts';

// What the preload exposes as `window.bhxh`: one small function per operation of the contract,
// each forwarding to the main process on a single channel, plus an event subscription. Never
// ipcRenderer itself. Kept free of electron imports so a test can check it against the contract.

export const apiCallChannel = 'bhxh:api-call';
export const apiEventChannel = 'bhxh:api-event';

export type BridgeOperation = (args: unknown) => Promise<ApiResult<unknown>>;

export interface BridgeApi {
  operations: Record<OperationName, BridgeOperation>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export interface BridgeTransport {
  invoke(channel: string, name: OperationName, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildBridgeApi(transport: BridgeTransport): BridgeApi {
  const operations = Object.fromEntries(
    operationNames.map((name) => [name, (args: unknown) => transport.invoke(apiCallChannel, name, args)]),
  ) as Record<OperationName, BridgeOperation>;
  return {
    operations,
    onEvent: (listener) => transport.subscribe(apiEventChannel, listener),
  };
}
