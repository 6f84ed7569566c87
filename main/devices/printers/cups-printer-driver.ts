// Printing through CUPS (Linux, macOS) with its command-line tools: `lp` submits, `lpstat` reads
// printers, `cancel` withdraws, and the job's state is asked over IPP (ipp-job-status.ts) because
// lpstat cannot tell a completed job from a cancelled one.
//
// The invariant (issue #9): print() resolves only when the job has a real result, and a job the
// kiosk gives up on is cancelled, never left queued. Otherwise a stopped queue that someone
// re-enables later would print the forgotten job next to the one the citizen retried: two forms.

import { userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fetchJobStatus, parseCupsServer, type IppJobStatus, type IppServer } from './ipp-job-status.ts';
import {
  classifyLpstatMessage,
  jobNumberOf,
  parseAcceptingStatus,
  parseDefaultDestination,
  parseJobIds,
  parsePrinterStatus,
  parseRequestId,
} from './parse-lpstat.ts';
import {
  assertValidPrintRequest,
  type JobOutcome,
  type PrintFailureCode,
  type PrintOutcome,
  type PrinterDriver,
  type PrinterInfo,
  type PrinterList,
  type PrintOptions,
  type PrintRequest,
} from './printer-driver.ts';
import { commandMessage, runCommand, type CommandResult } from './run-command.ts';

export interface CupsPrinterDriverOptions {
  /** The environment of lp/lpstat (CUPS_SERVER …); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Each child command's own limit; default 5 s. */
  commandTimeoutMs?: number;
  /** How often a submitted job is looked at; default 100 ms (a local queue finishes in ~0.2 s). */
  pollIntervalMs?: number;
}

interface Failure {
  code: PrintFailureCode;
  reason: string;
}

type QueueStatus = { ok: true; printer: PrinterInfo } | { ok: false; failure: Failure };

// A job seen through lpstat alone (IPP unreachable): still listed as not completed, or gone.
type JobView = IppJobStatus | { state: 'gone' };

// CUPS queue names have no whitespace, '/', '#' or '\'; one starting with '-' would read as an option.
const possibleQueueName = /^[^\s/#\\-][^\s/#\\]*$/;

function failed(failure: Failure, systemJobId: string | null): PrintOutcome {
  return { status: 'failed', code: failure.code, reason: failure.reason, systemJobId };
}

/** A failed command as a print failure: missing tools and a dead scheduler mean no spooler at all. */
function commandFailure(result: CommandResult): Failure {
  const reason = commandMessage(result);
  if (result.kind === 'missing') return { code: 'no-spooler', reason };
  if (result.kind === 'exited' && classifyLpstatMessage(reason) === 'no-spooler')
    return { code: 'no-spooler', reason };
  return { code: 'spooler-error', reason };
}

function jobFailureReason(job: IppJobStatus): string {
  return job.message ?? (job.reasons.length > 0 ? job.reasons.join(', ') : `the job was ${job.state}`);
}

export function createCupsPrinterDriver(options: CupsPrinterDriverOptions = {}): PrinterDriver {
  const env = options.env ?? process.env;
  const commandTimeoutMs = options.commandTimeoutMs ?? 5_000;
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const run = (command: string, args: readonly string[]): Promise<CommandResult> =>
    runCommand(command, args, { env, timeoutMs: commandTimeoutMs });
  let server: Promise<IppServer | null> | null = null;

  function ippServer(): Promise<IppServer | null> {
    server ??= run('lpstat', ['-H']).then((result) => {
      const parsed =
        result.kind === 'exited' && result.exitCode === 0 ? parseCupsServer(result.stdout) : null;
      if (parsed === null) server = null; // ask again next time
      return parsed;
    });
    return server;
  }

  /**
   * Why the scheduler cannot be reached, or null when it runs. Asked before believing "no default"
   * or "no such printer": lpstat says both when there is no cupsd at all.
   */
  async function schedulerDown(): Promise<Failure | null> {
    const scheduler = await run('lpstat', ['-r']);
    if (scheduler.kind !== 'exited') return commandFailure(scheduler);
    if (/scheduler is not running/i.test(scheduler.stdout)) {
      return { code: 'no-spooler', reason: 'the CUPS scheduler is not running' };
    }
    return null;
  }

  async function defaultQueue(): Promise<
    { ok: true; queue: string | null } | { ok: false; failure: Failure }
  > {
    const result = await run('lpstat', ['-d']);
    if (result.kind !== 'exited') return { ok: false, failure: commandFailure(result) };
    // A dead scheduler still prints "no system default destination": the error decides first.
    const problem = classifyLpstatMessage(result.stderr);
    if (problem === 'no-spooler')
      return { ok: false, failure: { code: 'no-spooler', reason: commandMessage(result) } };
    const queue = parseDefaultDestination(result.stdout);
    if (queue === undefined && problem !== 'no-printers')
      return { ok: false, failure: commandFailure(result) };
    if (queue !== undefined && queue !== null) return { ok: true, queue };
    // `lpstat -d` says "no system default destination" and exits 0 when there is no scheduler.
    const down = await schedulerDown();
    return down === null ? { ok: true, queue: null } : { ok: false, failure: down };
  }

  async function queueStatus(queue: string): Promise<QueueStatus> {
    const [printerResult, acceptingResult] = await Promise.all([
      run('lpstat', ['-l', '-p', queue]),
      run('lpstat', ['-a', queue]),
    ]);
    for (const result of [printerResult, acceptingResult]) {
      if (result.kind !== 'exited') return { ok: false, failure: commandFailure(result) };
      const problem = classifyLpstatMessage(result.stderr);
      if (problem === 'printer-not-found' || problem === 'no-printers') {
        const down = await schedulerDown();
        if (down !== null) return { ok: false, failure: down };
        return { ok: false, failure: { code: 'printer-not-found', reason: `no printer named "${queue}"` } };
      }
      if (result.exitCode !== 0) return { ok: false, failure: commandFailure(result) };
    }
    const lower = queue.toLowerCase();
    // CUPS names are case-insensitive: "pdf" finds "PDF".
    const printer = parsePrinterStatus(printerResult.kind === 'exited' ? printerResult.stdout : '').find(
      (entry) => entry.name.toLowerCase() === lower,
    );
    const accepting = parseAcceptingStatus(
      acceptingResult.kind === 'exited' ? acceptingResult.stdout : '',
    ).find((entry) => entry.name.toLowerCase() === lower);
    if (printer === undefined) {
      return { ok: false, failure: { code: 'printer-not-found', reason: `lpstat does not list "${queue}"` } };
    }
    return {
      ok: true,
      printer: {
        name: printer.name,
        description: printer.description,
        isDefault: false,
        state: printer.state,
        stateReason: printer.stateReason ?? (accepting?.accepting === false ? accepting.reason : null),
        acceptingJobs: accepting?.accepting ?? false,
      },
    };
  }

  /** Where CUPS says the job is; null when neither IPP nor lpstat answered. */
  async function jobView(systemJobId: string, queue: string | null): Promise<JobView | 'not-found' | null> {
    const jobNumber = jobNumberOf(systemJobId);
    const target = await ippServer();
    if (jobNumber !== null && target !== null) {
      try {
        return await fetchJobStatus(target, jobNumber, {
          userName: env.USER ?? userInfo().username,
          timeoutMs: commandTimeoutMs,
        });
      } catch {
        // Fall back to lpstat below (e.g. a remote server that insists on TLS).
      }
    }
    const result = await run('lpstat', queue === null ? ['-o'] : ['-o', queue]);
    if (result.kind !== 'exited' || (result.exitCode !== 0 && result.stderr.trim() !== '')) return null;
    const listed = parseJobIds(result.stdout).some((id) => id.toLowerCase() === systemJobId.toLowerCase());
    return listed ? { state: 'pending', reasons: [], message: null } : { state: 'gone' };
  }

  async function cancelJob(systemJobId: string): Promise<CommandResult> {
    return run('cancel', [systemJobId]);
  }

  /** Cancels a job the kiosk gives up on; if it finished in the meantime, that result wins. */
  async function giveUp(systemJobId: string, queue: string, failure: Failure): Promise<PrintOutcome> {
    await cancelJob(systemJobId);
    const view = await jobView(systemJobId, queue);
    if (view !== null && view !== 'not-found' && view.state === 'completed')
      return { status: 'done', systemJobId };
    return failed(failure, systemJobId);
  }

  async function follow(
    systemJobId: string,
    queue: string,
    deadline: number,
    options: PrintOptions,
  ): Promise<PrintOutcome> {
    let lastWords: string | null = null;
    for (;;) {
      const view = await jobView(systemJobId, queue);
      // 'gone' (lpstat only) and 'not-found' (PreserveJobHistory Off purges finished jobs at
      // once) both mean CUPS finished the job; lpstat alone cannot tell whether it printed.
      if (view === 'not-found' || view?.state === 'gone' || view?.state === 'completed') {
        return { status: 'done', systemJobId };
      }
      if (view?.state === 'canceled' || view?.state === 'aborted') {
        return failed({ code: 'job-failed', reason: jobFailureReason(view) }, systemJobId);
      }
      if (view !== null && 'message' in view && view.message !== null) lastWords = view.message;
      const status = await queueStatus(queue);
      if (!status.ok && status.failure.code === 'printer-not-found')
        return giveUp(systemJobId, queue, status.failure);
      const stopped =
        (status.ok && status.printer.state === 'stopped') || view?.state === 'processing-stopped';
      if (stopped) {
        const reason =
          (status.ok ? status.printer.stateReason : null) ?? lastWords ?? 'the printer is stopped';
        return giveUp(systemJobId, queue, { code: 'printer-stopped', reason });
      }
      if (options.signal?.aborted === true) {
        return giveUp(systemJobId, queue, { code: 'job-failed', reason: 'cancelled by the application' });
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const detail = lastWords ?? (status.ok ? status.printer.stateReason : status.failure.reason);
        const reason = `no result within ${options.timeoutMs} ms` + (detail === null ? '' : `: ${detail}`);
        return giveUp(systemJobId, queue, { code: 'timeout', reason });
      }
      try {
        await delay(Math.min(pollIntervalMs, remaining), undefined, { signal: options.signal });
      } catch {
        // Aborted: the next round cancels the job.
      }
    }
  }

  return {
    kind: 'cups',

    async listPrinters(): Promise<PrinterList> {
      const [printersResult, defaultResult, acceptingResult] = await Promise.all([
        run('lpstat', ['-l', '-p']),
        defaultQueue(),
        run('lpstat', ['-a']),
      ]);
      for (const result of [printersResult, acceptingResult]) {
        if (result.kind !== 'exited') return { unavailable: commandMessage(result) };
        const problem = classifyLpstatMessage(result.stderr);
        if (problem === 'no-spooler') return { unavailable: commandMessage(result) };
        if (result.exitCode !== 0 && problem !== 'no-printers')
          return { unavailable: commandMessage(result) };
      }
      if (!defaultResult.ok) return { unavailable: defaultResult.failure.reason };
      const defaultName = defaultResult.queue?.toLowerCase() ?? null;
      const accepting = parseAcceptingStatus(acceptingResult.kind === 'exited' ? acceptingResult.stdout : '');
      const printers = parsePrinterStatus(printersResult.kind === 'exited' ? printersResult.stdout : '').map(
        (printer): PrinterInfo => {
          const queue = accepting.find((entry) => entry.name.toLowerCase() === printer.name.toLowerCase());
          return {
            name: printer.name,
            description: printer.description,
            isDefault: printer.name.toLowerCase() === defaultName,
            state: printer.state,
            stateReason: printer.stateReason ?? (queue?.accepting === false ? queue.reason : null),
            acceptingJobs: queue?.accepting ?? false,
          };
        },
      );
      return { printers };
    },

    async print(request: PrintRequest, options: PrintOptions): Promise<PrintOutcome> {
      assertValidPrintRequest(request);
      const deadline = Date.now() + options.timeoutMs;
      let queue = request.printerName;
      if (queue === null) {
        const found = await defaultQueue();
        if (!found.ok) return failed(found.failure, null);
        if (found.queue === null) {
          return failed({ code: 'no-default-printer', reason: 'no system default destination' }, null);
        }
        queue = found.queue;
      }
      if (!possibleQueueName.test(queue)) {
        return failed({ code: 'printer-not-found', reason: `"${queue}" cannot be a CUPS queue name` }, null);
      }
      // Checked before submitting so that a stopped queue never gets a job to hold on to.
      const status = await queueStatus(queue);
      if (!status.ok) return failed(status.failure, null);
      if (status.printer.state === 'stopped') {
        return failed(
          { code: 'printer-stopped', reason: status.printer.stateReason ?? 'the printer is stopped' },
          null,
        );
      }
      if (!status.printer.acceptingJobs) {
        const reason = status.printer.stateReason ?? 'the printer is not accepting jobs';
        return failed({ code: 'printer-not-accepting', reason }, null);
      }
      if (options.signal?.aborted === true) {
        return failed({ code: 'job-failed', reason: 'cancelled by the application before submission' }, null);
      }
      // lp gets the whole time left, not one command's share: an lp killed while it talks to a slow
      // server may leave a queued job nobody knows the id of, which would print behind a retry.
      const submitted = await runCommand(
        'lp',
        [
          '-d',
          queue,
          '-t',
          request.title,
          '-n',
          String(request.copies),
          '-o',
          `media=${request.paperSize}`,
          '--',
          // Absolute, so that a file name can never look like an option.
          path.resolve(request.file),
        ],
        { env, timeoutMs: Math.max(commandTimeoutMs, deadline - Date.now()) },
      );
      if (submitted.kind !== 'exited' || submitted.exitCode !== 0) {
        const failure = commandFailure(submitted);
        if (classifyLpstatMessage(failure.reason) === 'printer-not-found') failure.code = 'printer-not-found';
        return failed(failure, null);
      }
      const systemJobId = parseRequestId(submitted.stdout);
      if (systemJobId === null) {
        // lp exited 0 but did not say which job: nothing can be followed or cancelled.
        return failed(
          { code: 'spooler-error', reason: `lp gave no request id: ${commandMessage(submitted)}` },
          null,
        );
      }
      options.onSubmitted?.(systemJobId, queue);
      return follow(systemJobId, queue, deadline, options);
    },

    async jobOutcome(systemJobId: string): Promise<JobOutcome> {
      const view = await jobView(systemJobId, null);
      if (view === null || view === 'not-found' || view.state === 'gone') return 'unknown';
      if (view.state === 'completed') return 'done';
      if (view.state === 'canceled' || view.state === 'aborted') return 'failed';
      return 'pending';
    },

    async cancel(systemJobId: string): Promise<void> {
      const result = await cancelJob(systemJobId);
      if (result.kind === 'exited' && result.exitCode === 0) return;
      const message = commandMessage(result);
      // Nothing left to cancel is what the caller wanted.
      if (/already (completed|canceled|cancelled|aborted)|does not exist|not found/i.test(message)) return;
      throw new Error(`cancel ${systemJobId}: ${message}`);
    },
  };
}
