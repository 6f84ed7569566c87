// `npm run start:web -- [--port N] [--data-dir DIR] [--open]`: the backend plus the loopback web
// host serving the built renderer. Prints the URL with this launch's token on a line of its own.
// The host answers at once: while the backend starts the page shows progress, and when the start
// fails (broken config, damaged database, data directory in use) the page says what to do.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSettings } from '../services/settings/config-file.ts';
import { defaultDataDirectory } from '../services/settings/data-directory.ts';
import { launchRelaunchingBackend } from './relaunching-launcher.ts';
import { startWebHost } from './web/web-host.ts';
import { chromiumArguments, findChromium } from './web/find-chromium.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cổng không hợp lệ: ${values.port}`);
    return 64;
  }
  const dataDirectory = path.resolve(
    values['data-dir'] ?? defaultDataDirectory(process.platform, process.env, homedir()),
  );
  // Restartable: a restore from the administration screen reopens the backend on the same folder.
  const backend = launchRelaunchingBackend({ dataDirectory });
  const host = await startWebHost({
    backend,
    port,
    rendererDirectory: path.join(repositoryRoot, 'dist', 'renderer'),
  });

  console.error(`bhxh-kiosk: dữ liệu tại ${dataDirectory}`);
  console.log(host.launchUrl);

  if (values.open) openBrowser(host.launchUrl, dataDirectory);

  const stop = async () => {
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

function openBrowser(url: string, dataDirectory: string): void {
  const chromium = findChromium();
  if (!chromium) {
    console.error('Không tìm thấy Chromium: hãy mở địa chỉ trên bằng trình duyệt.');
    return;
  }
  // Opened at once, so the start-up progress shows; the window's kind (kiosk or app) follows the
  // configured mode, read straight from config.json (an unreadable file opens an app window, where
  // the failure screen can be read and the window closed).
  void loadSettings(dataDirectory)
    .then(
      (settings) => settings.mode,
      () => 'counter' as const,
    )
    .then((mode) => {
      const child = spawn(
        chromium,
        chromiumArguments(url, mode, path.join(dataDirectory, 'chromium-profile')),
        { stdio: 'ignore', detached: true },
      );
      child.unref();
    });
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(70);
  },
);
