import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = path.join(root, 'main/host/cli.ts');

/** A free loopback port, so the central service can be stopped and started again on the same URL. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm run -s cli -- central serve …` as a separate process: the "central BHXH service" of the test. */
export async function startCentralProcess(
  databaseFile: string,
  port: number,
  seed: number,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [cli, 'central', 'serve', '--port', String(port), '--db', databaseFile, '--seed', String(seed)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('central did not start')), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`central exited with ${code}`)));
  });
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export function enrollmentCode(databaseFile: string, officeCode: string): string {
  const result = spawnSync(
    process.execPath,
    [cli, 'central', 'enroll-code', '--db', databaseFile, '--office', officeCode],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`enroll-code failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').pop()!.trim();
}
