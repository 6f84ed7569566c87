// The Electron preload (sandboxed, context-isolated). It is bundled into one file because a
// sandboxed preload cannot require anything but electron's renderer modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridgeApi } from './build-bridge-api.ts';

const api = buildBridgeApi({
  invoke: (channel, name, args) => ipcRenderer.invoke(channel, name, args),
  subscribe: (channel, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => ipcRenderer.removeListener(channel, handler);
  },
});

contextBridge.exposeInMainWorld('bhxh', api);
