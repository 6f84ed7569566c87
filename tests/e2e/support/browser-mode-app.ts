import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface BrowserModeApp {
  launchUrl: string;
  origin: string;
  token: string;
  dataDirectory: string;
  stop(): Promise<void>;
}

/**
 * Starts `node main/host/web-main.ts` (what `npm run start:web` runs after building the renderer)
 * with a fresh data folder and waits for the URL line. A test never runs against a real data folder.
 */
export async function startBrowserModeApp(
  config: Record<string, unknown> = {},
  options: { dataDirectory?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<BrowserModeApp> {
  // A second app on the same folder (the data-directory lock test) does not own it: it leaves it.
  const owned = options.dataDirectory === undefined;
  const dataDirectory = options.dataDirectory ?? mkdtempSync(path.join(tmpdir(), 'bhxh-e2e-'));
  if (owned && Object.keys(config).length > 0)
    writeFileSync(path.join(dataDirectory, 'config.json'), JSON.stringify(config));
  const child = spawn(
    process.execPath,
    [path.join(root, 'main/host/web-main.ts'), '--port', '0', '--data-dir', dataDirectory],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // No test reaches this machine's printers: lp asks a spooler that does not exist unless the
      // test started its own (tests/support/cups-server.ts) and passes its environment.
      env: { ...process.env, CUPS_SERVER: '/nonexistent/bhxh-kiosk-tests-never-print.sock', ...options.env },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const launchUrl = await firstUrlLine(child, () => stderr);
  const url = new URL(launchUrl);
  return {
    launchUrl,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    dataDirectory,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (owned) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

function firstUrlLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`web host did not print its URL in time:\n${stderr()}`)),
      20_000,
    );
    lines.on('line', (line) => {
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${stderr()}`));
    });
  });
}
