// The Electron preload (sandboxed, context-isolated). It is bundled into one file because a
// sandboxed preload cannot require anything but electron's renderer modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridgeApi } from './build-bridge-api.ts';

/** The contract's operation names, written in by scripts/build.ts (Vite `define`). */
declare const __BHXH_OPERATION_NAMES__: readonly string[];

const api = buildBridgeApi(
  {
    invoke: (channel, name, args) => ipcRenderer.invoke(channel, name, args),
    subscribe: (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => ipcRenderer.removeListener(channel, handler);
    },
  },
  __BHXH_OPERATION_NAMES__,
);

contextBridge.exposeInMainWorld('bhxh', api);
