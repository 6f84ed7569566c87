// The CUPS driver against a real, private cupsd with a cups-pdf queue (tests/support/cups-server.ts):
// what lands in the output folder is what a printer would have printed.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cupsServerMissing,
  startCupsServer,
  writeSamplePdf,
  type CupsServer,
} from '../../../tests/support/cups-server.ts';
import { createCupsPrinterDriver } from './cups-printer-driver.ts';
import type { PrinterDriver, PrintRequest } from './printer-driver.ts';

const run = promisify(execFile);
const formText = 'Tờ khai thử Nguyễn Văn Hùng';
const missing = cupsServerMissing();
// CI installs CUPS (.ci/ensure-tools.sh): there a missing spooler is a failure, not a skip.
const skip = missing !== null && process.env.CI === undefined;

async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return stdout.normalize('NFC');
}

async function pageSize(file: string): Promise<string | undefined> {
  const { stdout } = await run('pdfinfo', [file], { encoding: 'utf8' });
  return /^Page size:\s+(.*)$/m.exec(stdout)?.[1]?.trim();
}

describe.skipIf(skip)(`CUPS printer driver on a private cupsd${skip ? ` (skipped: ${missing})` : ''}`, () => {
  let server: CupsServer;
  let driver: PrinterDriver;
  let folder: string;
  let form: string;
  const request = (overrides: Partial<PrintRequest> = {}): PrintRequest => ({
    printerName: server.queue,
    file: form,
    title: 'Tờ khai TK1-TS',
    copies: 1,
    paperSize: 'A4',
    ...overrides,
  });

  beforeAll(async () => {
    server = await startCupsServer();
    driver = createCupsPrinterDriver({ env: server.env });
    folder = await mkdtemp(path.join(tmpdir(), 'bhxh-print-'));
    form = path.join(folder, 'to-khai.pdf');
    await writeSamplePdf(form, formText);
  });

  afterAll(async () => {
    await server?.stop();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await server.enable();
    await server.accept();
  });

  it('lists the queue as the idle, accepting default printer', async () => {
    const list = await driver.listPrinters();
    expect(list).toEqual({
      printers: [
        {
          name: server.queue,
          description: 'Test queue 1',
          isDefault: true,
          state: 'idle',
          stateReason: null,
          acceptingJobs: true,
        },
      ],
    });
  });

  it('prints the form once, on the named queue and on the default one', async () => {
    const before = (await server.printedFiles()).length;
    const started = performance.now();
    const outcome = await driver.print(request(), { timeoutMs: 10_000 });
    const elapsed = performance.now() - started;
    expect(outcome).toEqual({
      status: 'done',
      systemJobId: expect.stringMatching(new RegExp(`^${server.queue}-\\d+$`)),
    });
    expect(elapsed).toBeLessThan(5_000);
    const files = await server.printedFiles();
    expect(files).toHaveLength(before + 1);
    expect(await pageSize(files.at(-1) ?? '')).toBe('595 x 842 pts (A4)');
    // The words themselves are checked in what the spooler received: cups-pdf's output holds
    // them as Type 3 glyphs without a Unicode map (see tests/support/cups-server.ts).
    const spooled = await server.spooledDocuments();
    expect(await pdfText(spooled.at(-1) ?? '')).toContain(formText);
    if (outcome.status === 'done' && outcome.systemJobId !== null) {
      expect(await driver.jobOutcome(outcome.systemJobId)).toBe('done');
    }

    const viaDefault = await driver.print(request({ printerName: null, paperSize: 'A5' }), {
      timeoutMs: 10_000,
    });
    expect(viaDefault.status).toBe('done');
    const after = await server.printedFiles();
    expect(after).toHaveLength(before + 2);
    expect(await pageSize(after.at(-1) ?? '')).toMatch(/^42[01] x 595 pts \(A5\)$/);
  });

  it('refuses a stopped queue with its reason, leaves nothing queued, and prints exactly once after it is re-enabled', async () => {
    const before = (await server.printedFiles()).length;
    await server.disable('Hết giấy');
    const outcome = await driver.print(request(), { timeoutMs: 5_000 });
    expect(outcome).toMatchObject({ status: 'failed', code: 'printer-stopped', systemJobId: null });
    expect(outcome.status === 'failed' && outcome.reason).toContain('Hết giấy');
    expect(await server.queuedJobs()).toEqual([]);

    await server.enable();
    const retried = await driver.print(request(), { timeoutMs: 10_000 });
    expect(retried.status).toBe('done');
    // Give a forgotten job time to show up: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await server.printedFiles()).toHaveLength(before + 1);
    expect(await server.queuedJobs()).toEqual([]);
  });

  it('cancels a job whose queue is stopped while it waits, so re-enabling does not print it', async () => {
    const held = await server.addQueue({ holdJobs: true });
    const before = (await server.printedFiles()).length;
    const printing = driver.print(request({ printerName: held }), { timeoutMs: 10_000 });
    // Wait until the job is really queued, then stop the queue under it.
    for (let attempt = 0; attempt < 100 && (await server.queuedJobs()).length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await server.queuedJobs()).toHaveLength(1);
    await server.disable('Kẹt giấy', held);
    const outcome = await printing;
    expect(outcome).toMatchObject({ status: 'failed', code: 'printer-stopped' });
    expect(outcome.status === 'failed' && outcome.reason).toContain('Kẹt giấy');
    expect(await server.queuedJobs()).toEqual([]);
    if (outcome.systemJobId === null) throw new Error('the failed job should name its CUPS job');
    expect(await driver.jobOutcome(outcome.systemJobId)).toBe('failed');
    await server.enable(held);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await server.printedFiles()).toHaveLength(before);
  });

  it('times out on a job that never finishes and cancels it', async () => {
    const held = await server.addQueue({ holdJobs: true });
    const started = performance.now();
    const outcome = await driver.print(request({ printerName: held }), { timeoutMs: 800 });
    const elapsed = performance.now() - started;
    expect(outcome).toMatchObject({ status: 'failed', code: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(790);
    expect(elapsed).toBeLessThan(3_000);
    expect(await server.queuedJobs()).toEqual([]);
    if (outcome.systemJobId === null) throw new Error('the timed-out job should name its CUPS job');
    expect(await driver.jobOutcome(outcome.systemJobId)).toBe('failed');
  });

  it('cancels a job when the caller aborts', async () => {
    const held = await server.addQueue({ holdJobs: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await driver.print(request({ printerName: held }), {
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    expect(outcome).toMatchObject({ status: 'failed', code: 'job-failed' });
    expect(await server.queuedJobs()).toEqual([]);
  });

  it('reports a job someone else cancels as failed, not done', async () => {
    const held = await server.addQueue({ holdJobs: true });
    const printing = driver.print(request({ printerName: held }), { timeoutMs: 10_000 });
    let jobs: string[] = [];
    for (let attempt = 0; attempt < 100 && jobs.length === 0; attempt += 1) {
      jobs = await server.queuedJobs();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await driver.cancel(jobs[0] ?? 'no-job');
    expect(await printing).toMatchObject({ status: 'failed', code: 'job-failed', systemJobId: jobs[0] });
  });

  it('refuses a queue that does not accept jobs', async () => {
    await server.reject('Đang bảo trì');
    const outcome = await driver.print(request(), { timeoutMs: 5_000 });
    expect(outcome).toMatchObject({
      status: 'failed',
      code: 'printer-not-accepting',
      reason: 'Đang bảo trì',
    });
    const list = await driver.listPrinters();
    expect(
      'printers' in list && list.printers.find((printer) => printer.name === server.queue),
    ).toMatchObject({
      acceptingJobs: false,
      stateReason: 'Đang bảo trì',
    });
  });

  it('says which printer does not exist', async () => {
    const outcome = await driver.print(request({ printerName: 'NoSuchPrinter' }), { timeoutMs: 5_000 });
    expect(outcome).toMatchObject({ status: 'failed', code: 'printer-not-found', systemJobId: null });
  });

  it('reports an unreachable spooler as no spooler, for lists and prints alike', async () => {
    const gone = createCupsPrinterDriver({
      env: { ...server.env, CUPS_SERVER: path.join(folder, 'no-cupsd.sock') },
    });
    const list = await gone.listPrinters();
    expect(list).toEqual({ unavailable: expect.stringMatching(/Scheduler is not running/i) });
    expect(await gone.print(request({ printerName: null }), { timeoutMs: 5_000 })).toMatchObject({
      status: 'failed',
      code: 'no-spooler',
    });
    expect(await gone.print(request(), { timeoutMs: 5_000 })).toMatchObject({
      status: 'failed',
      code: 'no-spooler',
    });
  });
});
