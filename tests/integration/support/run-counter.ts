// Starts counter-process.ts as a child process and follows its progress lines, so a test can SIGKILL
// it at the right moment. Every child started here is remembered and killed by killStartedCounters()
// (call it in afterEach): nothing outlives its test.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./counter-process.ts', import.meta.url));
const started = new Set<ChildProcess>();

export interface CounterExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CounterRun {
  /** Progress lines so far (stdout). */
  readonly lines: readonly string[];
  readonly stderr: string;
  /** Resolves with the first line (already seen or to come) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  readonly exited: Promise<CounterExit>;
  /** SIGKILL, as the OS would on a power cut or an OOM kill. */
  kill(): void;
}

export interface CounterArguments {
  db: string;
  central: string;
  office: string;
  enrollCode?: string;
  pull?: boolean;
  decide?: number;
  skip?: number;
  sync?: boolean;
  pageSize?: number;
  pushBatch?: number;
  timeoutMs?: number;
  officer?: string;
  counter?: string;
  killSelfAtRow?: number;
  killSelfInMarkDone?: boolean;
  maxSeconds?: number;
}

export function runCounter(args: CounterArguments): CounterRun {
  const argv = [script, '--db', args.db, '--central', args.central, '--office', args.office];
  const add = (name: string, value: string | number | boolean | undefined) => {
    if (value === undefined || value === false) return;
    argv.push(`--${name}`);
    if (value !== true) argv.push(String(value));
  };
  add('enroll-code', args.enrollCode);
  add('pull', args.pull);
  add('decide', args.decide);
  add('skip', args.skip);
  add('sync', args.sync);
  add('page-size', args.pageSize);
  add('push-batch', args.pushBatch);
  add('timeout-ms', args.timeoutMs);
  add('officer', args.officer);
  add('counter', args.counter);
  add('kill-self-at-row', args.killSelfAtRow);
  add('kill-self-in-mark-done', args.killSelfInMarkDone);
  add('max-seconds', args.maxSeconds ?? 45);

  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    lines.push(...complete);
    for (const waiter of waiters) waiter();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close' comes after the child's stdout and stderr are drained, so `lines` is complete by then.
  const exited = new Promise<CounterExit>((resolve) => {
    child.once('close', (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const waiter of waiters) waiter();
  });

  return {
    lines,
    get stderr() {
      return stderr;
    },
    exited,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    waitForLine(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find((line) => pattern.test(line));
          if (found !== undefined) {
            finish();
            resolve(found);
          } else if (hasExited) {
            finish();
            reject(new Error(`counter exited without printing ${pattern}:\n${lines.join('\n')}\n${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no line ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}\n${stderr}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Runs a counter to its end and fails with its output unless it exits with code 0. */
export async function runCounterToEnd(args: CounterArguments): Promise<CounterRun> {
  const run = runCounter(args);
  const exit = await run.exited;
  if (exit.code !== 0) {
    throw new Error(
      `counter exited with ${exit.code ?? exit.signal}:\n${run.lines.join('\n')}\n${run.stderr}`,
    );
  }
  return run;
}

/** Kills (SIGKILL, by pid) every counter process started here that is still running. */
export async function killStartedCounters(): Promise<void> {
  const running = [...started];
  for (const child of running) child.kill('SIGKILL');
  await Promise.all(
    running.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => child.once('close', resolve)),
    ),
  );
}
