// The Electron shell: windows, lock-down and the IPC bridge. Everything else is in the backend,
// which runs in a utility process (main/host/utility-process-main.ts).
import { app, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { homedir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail } from '../../preload/contract/api-result.ts';
import { apiCallChannel, apiEventChannel } from '../../preload/bridge/build-bridge-api.ts';
import { defaultDataDirectory } from '../services/settings/data-directory.ts';
import { BackendProcess } from './backend-process.ts';
import { isAppPageUrl } from './navigation-policy.ts';
import {
  allowOnlyPageDownloads,
  createSecureWindow,
  enterKioskMode,
  grantOnlyTheCamera,
} from './secure-window.ts';

const bundleDirectory = __dirname;
const appPageUrl = pathToFileURL(path.join(bundleDirectory, '..', 'renderer', 'index.html')).href;

function argumentValue(name: string): string | null {
  const prefix = `--${name}=`;
  const found = process.argv.find((argument) => argument.startsWith(prefix));
  return found ? found.slice(prefix.length) : null;
}

const dataDirectory = path.resolve(
  argumentValue('data-dir') ?? defaultDataDirectory(process.platform, process.env, homedir()),
);
const devTools = process.argv.includes('--devtools');

if (!app.requestSingleInstanceLock()) {
  // A second launch (double click on the icon) focuses the running window instead.
  app.quit();
} else {
  app.setPath('userData', path.join(dataDirectory, 'electron'));
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  grantOnlyTheCamera(appPageUrl);

  let mainWindow: Electron.BrowserWindow | null = null;
  let kiosk = false;
  // A kiosk window refuses to close unless the app is quitting (kiosk-window-policy.ts): quitting
  // from the app, the OS's signals and the end of a Windows session must still get through.
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      quitting = true;
      app.quit();
    });
  }
  allowOnlyPageDownloads(() => kiosk);
  const backend = new BackendProcess({
    modulePath: path.join(bundleDirectory, 'backend.cjs'),
    dataDirectory,
    onEvent: (event) => mainWindow?.webContents.send(apiEventChannel, event),
    // The window opens at once (it shows the start's progress, or what went wrong); it becomes a
    // kiosk window once the backend says this PC is a kiosk.
    onSettled: (state) => {
      if (state !== 'ready') return;
      void backend.call('settings.display', {}).then((display) => {
        kiosk = display.ok && (display.value as { mode?: string }).mode === 'kiosk';
        if (kiosk && mainWindow) enterKioskMode(mainWindow);
      });
    },
  });
  try {
    await backend.start();
  } catch (error) {
    dialog.showErrorBox('BHXH Kiosk', `Không khởi động được dịch vụ cục bộ: ${(error as Error).message}`);
    app.exit(1);
    return;
  }

  ipcMain.handle(apiCallChannel, (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    // Only our own page may call the backend, never an iframe or a page navigated elsewhere.
    if (!event.senderFrame || !isAppPageUrl(event.senderFrame.url, appPageUrl)) {
      return fail('forbidden-origin', 'Yêu cầu không đến từ ứng dụng.');
    }
    return backend.call(typeof name === 'string' ? name : '', args);
  });

  mainWindow = createSecureWindow({
    preloadPath: path.join(bundleDirectory, 'preload.cjs'),
    appPageUrl,
    devTools,
    kiosk: () => kiosk,
    quitting: () => quitting,
  });
  mainWindow.on('session-end', () => {
    quitting = true;
  });
  if (kiosk) enterKioskMode(mainWindow);

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => backend.stop());
}
