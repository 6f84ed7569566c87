// A private CUPS spooler for tests: its own cupsd (own ServerRoot, spool, cache, state and logs in
// a temporary folder, listening only on a Unix socket there; no browsing, no web interface, no
// systemd) with a cups-pdf queue whose PDFs land in a temporary folder. Several Vitest workers
// may each start one at the same time.
//
// cups-pdf isolation: the backend ignores cupsd's ServerRoot and reads only /etc/cups, but for a
// device URI `cups-pdf:/ID` it reads /etc/cups/cups-pdf-ID.conf instead of the shared
// cups-pdf.conf. Every server gets a unique ID, so its queues' Out/Spool/Log folders are its own;
// that one file is the only thing written outside the temporary folder, and stop() (or, as a
// safety net, the process's exit) removes it.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

export interface CupsServer {
  /** process.env with CUPS_SERVER pointing at this server (and no LPDEST/PRINTER overrides). */
  env: NodeJS.ProcessEnv;
  /** The cups-pdf queue, also the server's default destination. */
  queue: string;
  /** Where cups-pdf writes the PDFs of this server's queues. */
  outputDirectory: string;
  /** cupsdisable -r REASON: the queue is stopped with that reason. */
  disable(reason?: string, queue?: string): Promise<void>;
  enable(queue?: string): Promise<void>;
  /** cupsreject -r REASON: the queue refuses new jobs. */
  reject(reason?: string, queue?: string): Promise<void>;
  accept(queue?: string): Promise<void>;
  /** Another cups-pdf queue on this server; with holdJobs its jobs wait forever (held). */
  addQueue(options?: { holdJobs?: boolean }): Promise<string>;
  /** Absolute paths of the PDFs cups-pdf has written, sorted. */
  printedFiles(): Promise<string[]>;
  /** The documents the spooler received (copies of what lp sent), oldest first. */
  spooledDocuments(): Promise<string[]>;
  /** The ids `lpstat -o` lists as not completed, on all queues. */
  queuedJobs(): Promise<string[]>;
  stop(): Promise<void>;
}

const cupsPdfPpd = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const cupsPdfBackend = '/usr/lib/cups/backend/cups-pdf';
const cupsPdfConfigFolder = '/etc/cups';
const install =
  'install the Debian packages cups, cups-client, cups-bsd and printer-driver-cups-pdf (.ci/ensure-tools.sh does)';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findCommand(command: string): string | null {
  for (const folder of [
    ...(process.env.PATH ?? '').split(path.delimiter),
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
  ]) {
    if (folder !== '' && isExecutable(path.join(folder, command))) return path.join(folder, command);
  }
  return null;
}

/** Why startCupsServer cannot work on this machine, or null. Synchronous, for describe.skipIf. */
export function cupsServerMissing(): string | null {
  if (process.platform !== 'linux') return 'the private CUPS test server needs Linux';
  const absent = ['cupsd', 'lpadmin', 'lp', 'lpstat', 'cancel', 'cupsdisable', 'cupsenable'].filter(
    (command) => findCommand(command) === null,
  );
  if (!existsSync(cupsPdfBackend) || !existsSync(cupsPdfPpd)) absent.push('cups-pdf');
  if (absent.length > 0) return `${absent.join(', ')} not found: ${install}`;
  // cups-pdf refuses to run without root, and its per-queue configuration lives in /etc/cups.
  if (process.getuid?.() !== 0) return 'the CUPS test server must run as root (cups-pdf requires it)';
  return null;
}

interface Running {
  cupsd: ChildProcess;
  folder: string;
  cupsPdfConfig: string;
}

const running = new Set<Running>();
let exitHookInstalled = false;

function cleanUpSynchronously(server: Running): void {
  if (server.cupsd.exitCode === null && server.cupsd.signalCode === null) server.cupsd.kill('SIGKILL');
  rmSync(server.cupsPdfConfig, { force: true });
  rmSync(server.folder, { recursive: true, force: true });
  running.delete(server);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A failed test that never reaches stop() must not leave a cupsd or /etc/cups file behind.
  process.on('exit', () => {
    for (const server of [...running]) cleanUpSynchronously(server);
  });
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 10_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')}: ${stderr.trim() || error.message}`));
    });
  });
}

function cupsdConfiguration(socket: string): string {
  return [
    'LogLevel info',
    `Listen ${socket}`,
    'Browsing No',
    'WebInterface No',
    'DefaultAuthType None',
    'PreserveJobHistory Yes',
    // Keeps what lp sent (spool/d*): cups-pdf's PostScript round trip turns text into Type 3
    // glyphs without a Unicode map, so the document's words can only be read before it.
    'PreserveJobFiles Yes',
    '<Location />',
    '  Order allow,deny',
    '  Allow all',
    '</Location>',
    // Everything is allowed to everyone: only this test process can reach the socket's folder.
    '<Policy default>',
    '  <Limit All>',
    '    Order deny,allow',
    '  </Limit>',
    '</Policy>',
    '',
  ].join('\n');
}

function cupsFilesConfiguration(folder: string): string {
  return [
    `ServerRoot ${folder}/server-root`,
    `RequestRoot ${folder}/spool`,
    `TempDir ${folder}/spool/tmp`,
    `CacheDir ${folder}/cache`,
    `StateDir ${folder}/state`,
    `AccessLog ${folder}/log/access_log`,
    `ErrorLog ${folder}/log/error_log`,
    `PageLog ${folder}/log/page_log`,
    // The default is /run/cups/printcap, shared with the machine's own CUPS.
    `Printcap ${folder}/printcap`,
    'SystemGroup root',
    '',
  ].join('\n');
}

async function waitUntilRunning(
  cupsd: ChildProcess,
  socket: string,
  env: NodeJS.ProcessEnv,
  log: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (cupsd.exitCode !== null || cupsd.signalCode !== null) break;
    if (existsSync(socket)) {
      const answer = await run('lpstat', ['-r'], env).catch(() => '');
      if (answer.includes('scheduler is running')) return;
    }
    await delay(25);
  }
  const errors = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
  throw new Error(
    `the private cupsd did not start (exit ${String(cupsd.exitCode ?? cupsd.signalCode)}):\n${errors}`,
  );
}

/** Starts a private cupsd with a default cups-pdf queue. Throws (saying what to install) when it cannot. */
export async function startCupsServer(): Promise<CupsServer> {
  const missing = cupsServerMissing();
  if (missing !== null) throw new Error(`cannot start a CUPS test server: ${missing}`);
  installExitHook();

  const id = `bhxh-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const folder = mkdtempSync(path.join(tmpdir(), 'bhxh-cups-'));
  // cupsd runs filters as user lp: they must be able to reach the spool inside.
  chmodSync(folder, 0o755);
  for (const sub of ['server-root', 'spool/tmp', 'cache', 'state', 'log', 'output', 'cups-pdf-spool']) {
    mkdirSync(path.join(folder, sub), { recursive: true });
  }
  const outputDirectory = path.join(folder, 'output');
  chmodSync(outputDirectory, 0o777);
  const socket = path.join(folder, 'cups.sock');
  writeFileSync(path.join(folder, 'cupsd.conf'), cupsdConfiguration(socket));
  writeFileSync(path.join(folder, 'cups-files.conf'), cupsFilesConfiguration(folder));

  const cupsPdfConfig = path.join(cupsPdfConfigFolder, `cups-pdf-${id}.conf`);
  writeFileSync(
    cupsPdfConfig,
    [
      `Out ${outputDirectory}`,
      `AnonDirName ${outputDirectory}`,
      `Spool ${path.join(folder, 'cups-pdf-spool')}`,
      `Log ${path.join(folder, 'log')}`,
      '',
    ].join('\n'),
  );

  const { LPDEST: _lpdest, PRINTER: _printer, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, CUPS_SERVER: socket };
  const cupsd = spawn(
    findCommand('cupsd') ?? 'cupsd',
    ['-f', '-c', path.join(folder, 'cupsd.conf'), '-s', path.join(folder, 'cups-files.conf')],
    { env, stdio: 'ignore' },
  );
  const server: Running = { cupsd, folder, cupsPdfConfig };
  running.add(server);
  const exited = new Promise<void>((resolve) => cupsd.once('exit', () => resolve()));
  cupsd.once('error', () => undefined);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (cupsd.exitCode === null && cupsd.signalCode === null) {
      cupsd.kill('SIGTERM');
      const gone = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      if (!gone) cupsd.kill('SIGKILL');
    }
    cleanUpSynchronously(server);
  };

  const deviceUri = `cups-pdf:/${id}`;
  let queueCount = 0;
  const addQueue = async (options: { holdJobs?: boolean } = {}): Promise<string> => {
    queueCount += 1;
    const name = `${id}-${queueCount}`;
    const hold = options.holdJobs === true ? ['-o', 'job-hold-until-default=indefinite'] : [];
    await run(
      'lpadmin',
      ['-p', name, '-E', '-v', deviceUri, '-P', cupsPdfPpd, '-D', `Test queue ${queueCount}`, ...hold],
      env,
    );
    return name;
  };

  try {
    await waitUntilRunning(cupsd, socket, env, path.join(folder, 'log', 'error_log'));
    const queue = await addQueue();
    await run('lpadmin', ['-d', queue], env);
    return {
      env,
      queue,
      outputDirectory,
      disable: async (reason, target = queue) => {
        await run('cupsdisable', [...(reason === undefined ? [] : ['-r', reason]), target], env);
      },
      enable: async (target = queue) => {
        await run('cupsenable', [target], env);
      },
      reject: async (reason, target = queue) => {
        await run('cupsreject', [...(reason === undefined ? [] : ['-r', reason]), target], env);
      },
      accept: async (target = queue) => {
        await run('cupsaccept', [target], env);
      },
      addQueue,
      printedFiles: async () =>
        (await readdir(outputDirectory))
          .filter((name) => name.endsWith('.pdf'))
          .sort()
          .map((name) => path.join(outputDirectory, name)),
      spooledDocuments: async () =>
        (await readdir(path.join(folder, 'spool')))
          .filter((name) => /^d\d+-\d+$/.test(name))
          .sort()
          .map((name) => path.join(folder, 'spool', name)),
      queuedJobs: async () =>
        (await run('lpstat', ['-o'], env))
          .split('\n')
          .map((line) => line.split(/\s+/)[0] ?? '')
          .filter((job) => job !== ''),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const vietnameseFont = fileURLToPath(
  new URL(
    '../../node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
    import.meta.url,
  ),
);

/** A one-page A4 PDF with `text` in a font that has every Vietnamese letter: something to print. */
export async function writeSamplePdf(file: string, text: string): Promise<void> {
  const document = new PDFDocument({ size: 'A4' });
  const written = new Promise<void>((resolve, reject) => {
    const stream = createWriteStream(file);
    stream.on('finish', resolve);
    stream.on('error', reject);
    document.pipe(stream);
  });
  document.font(vietnameseFont).fontSize(20).text(text);
  document.end();
  await written;
}
