// Printing through CUPS (issue #9): print() until the spooler reports the job completed, on a private
// cupsd's cups-pdf queue (tests/support/cups-server.ts), beside a baseline in the same run: one
// `lpstat -r` (is the scheduler running?), the cheapest question the driver asks the spooler.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPrinterDriver } from '../../main/devices/printers/create-printer-driver.ts';
import { cupsServerMissing, startCupsServer, writeSamplePdf } from '../support/cups-server.ts';
import { median, result, type Benchmark, type BenchResult } from './bench-result.ts';

const run = promisify(execFile);
const prints = 12;

const benchmark: Benchmark = {
  title: 'printing through CUPS (cups-pdf queue)',
  async run() {
    const missing = cupsServerMissing();
    if (missing !== null) {
      console.error(`bench: print-spooler skipped: ${missing}`);
      return [];
    }
    const cups = await startCupsServer();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'bhxh-print-bench-'));
    try {
      const file = path.join(folder, 'form.pdf');
      await writeSamplePdf(file, 'Tờ khai thử Nguyễn Văn Hùng');
      const driver = createPrinterDriver({ env: cups.env });
      const printMs: number[] = [];
      const lpstatMs: number[] = [];
      for (let index = 0; index < prints; index += 1) {
        let started = performance.now();
        await run('lpstat', ['-r'], { env: cups.env });
        lpstatMs.push(performance.now() - started);
        started = performance.now();
        const outcome = await driver.print(
          { printerName: null, file, title: `bench ${index}`, copies: 1, paperSize: 'A4' },
          { timeoutMs: 20_000 },
        );
        if (outcome.status !== 'done') throw new Error(`print failed: ${JSON.stringify(outcome)}`);
        printMs.push(performance.now() - started);
      }
      const results: BenchResult[] = [
        result({
          name: 'print() to done on cups-pdf, median',
          unit: 'ms',
          value: median(printMs),
          baseline: median(lpstatMs),
          baselineName: 'lpstat -r',
          target: '<= 2000',
        }),
      ];
      return results;
    } finally {
      await cups.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

export default benchmark;
