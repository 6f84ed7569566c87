// The backend inside Electron: a utility process started by main/shell, talking to the main process
// over `process.parentPort`. Electron-free on purpose: the same backend runs under plain Node in
// browser mode and in tests. Messages are validated (utility-process/backend-messages.ts).
import path from 'node:path';
import { launchRelaunchingBackend } from './relaunching-launcher.ts';
import { serveBackendOnPort, type ParentPortLike } from './utility-process/serve-backend-on-port.ts';

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
const dataDirectory = process.env.BHXH_DATA_DIR;

if (!parentPort || !dataDirectory) {
  console.error('utility-process-main must be started by the Electron shell (parentPort and BHXH_DATA_DIR).');
  process.exit(64);
}

// In a packaged app, resources/ holds what cannot be read from inside the asar archive: SumatraPDF
// (Windows printing, unpacked by electron-builder) and the fonts of the declaration.
const resources = (process as { resourcesPath?: string }).resourcesPath;
const sumatraPdfPath =
  resources && process.platform === 'win32'
    ? path.join(
        resources,
        'app.asar.unpacked',
        'node_modules',
        'pdf-to-printer',
        'dist',
        'SumatraPDF-3.4.6-32.exe',
      )
    : undefined;

// Restartable inside this process: a restore from the administration screen reopens the backend on
// the same data directory while the window shows the start-up screen.
serveBackendOnPort(
  parentPort,
  launchRelaunchingBackend({ dataDirectory, ...(sumatraPdfPath ? { sumatraPdfPath } : {}) }),
);
