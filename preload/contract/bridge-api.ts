import type { ApiResult } from './api-result.ts';

/**
 * What the Electron preload exposes to the page as `window.bhxh`: one function per operation of the
 * contract and an event subscription, never ipcRenderer itself (preload/bridge/build-bridge-api.ts).
 */
export interface BridgeApi {
  operations: Record<string, BridgeOperation>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export type BridgeOperation = (args: unknown) => Promise<ApiResult<unknown>>;
