import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintJob } from '../../preload/contract/areas/print.ts';
import type { WireRegistration } from '../../preload/contract/areas/registrations.ts';
import { createPrinterDriver } from '../../main/devices/printers/create-printer-driver.ts';
import { createBackend, type Backend } from '../../main/services/backend.ts';
import { cupsServerMissing, startCupsServer, type CupsServer } from '../support/cups-server.ts';
import { signInAs, syncOnce, trainingStaff } from '../support/staff-session.ts';
import { readPrintedForm } from '../support/printed-form.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';

// The whole print path through a real spooler: the backend renders the declaration, the queue hands
// it to a private CUPS whose cups-pdf printer writes each job as a PDF file. The document the spooler
// received carries the citizen's text, and the printed page's QR code, read back with the app's own
// decoder, is the registration's code (cups-pdf re-distils text into glyphs without a Unicode map,
// so the printed file's own text cannot be extracted). A stopped printer fails with its reason and
// keeps the job, across a restart of the app too; re-enabling it and retrying prints it exactly once.

const missing = cupsServerMissing();

describe.skipIf(missing !== null)(`printing through CUPS${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let cups: CupsServer;
  const data = makeTemporaryDirectory('print-queue');
  let backend: Backend;
  let registration: WireRegistration['registration'];

  const start = async () => {
    backend = await createBackend({
      dataDirectory: data.path,
      strictContract: true,
      printer: createPrinterDriver({ env: cups.env }),
      printTimeoutMs: 20_000,
    });
    await signInAs(backend.call, trainingStaff.officer);
  };

  beforeAll(async () => {
    cups = await startCupsServer();
    backend = await createBackend({
      dataDirectory: data.path,
      strictContract: true,
      printer: createPrinterDriver({ env: cups.env }),
      printTimeoutMs: 20_000,
    });
    await syncOnce(backend.call);
    await signInAs(backend.call, trainingStaff.officer);
    const found = await backend.call('registrations.search', { query: 'nguyen' });
    if (!found.ok) throw new Error(found.error.code);
    const first = (found.value as WireRegistration[])[0];
    if (!first) throw new Error('training data has no registration to print');
    registration = first.registration;
  }, 60_000);
  afterAll(async () => {
    await backend?.close();
    await cups?.stop();
    data.remove();
  });

  it('lists the spooler’s printers with the default one', async () => {
    const listed = await backend.call('printers.list', {});
    expect(listed).toMatchObject({
      ok: true,
      value: { spooler: 'cups', unavailable: null, chosen: null },
    });
    const printers = (
      listed as { value: { printers: Array<{ name: string; isDefault: boolean; state: string }> } }
    ).value.printers;
    expect(printers.find((printer) => printer.name === cups.queue)).toMatchObject({
      isDefault: true,
      state: 'idle',
    });
  });

  it('prints the declaration; the printed file carries the citizen’s data', async () => {
    const answer = await backend.call('print.submit', { registrationCode: registration.code });
    expect(answer.ok).toBe(true);
    const job = (answer as { value: PrintJob }).value;
    expect(job).toMatchObject({
      state: 'done',
      attempts: 1,
      failure: null,
      registrationCode: registration.code,
    });
    const files = await cups.printedFiles();
    expect(files).toHaveLength(1);
    const { text, qr } = await readPrintedForm(cups, files[0] as string);
    expect(text).toContain(registration.fullName.normalize('NFC'));
    expect(text).toContain(registration.code);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qr).toBe(registration.code);
  });

  it('fails with the printer’s reason when the queue is stopped, keeps the job across a restart, and prints it once on retry', async () => {
    await cups.disable('Hết giấy khay 1');
    const answer = await backend.call('print.submit', { registrationCode: registration.code });
    const job = (answer as { value: PrintJob }).value;
    expect(job.state).toBe('failed');
    expect(job.failure?.code).toBe('printer-stopped');
    expect(job.failure?.reason).toContain('Hết giấy khay 1');
    expect(await cups.queuedJobs()).toEqual([]);
    expect(await cups.printedFiles()).toHaveLength(1);

    // The app stops and starts again: the failed job is still there, with its reason.
    await backend.close();
    await start();
    const jobs = await backend.call('print.jobs', {});
    const kept = (jobs as { value: { jobs: PrintJob[] } }).value.jobs.find((row) => row.jobId === job.jobId);
    expect(kept).toMatchObject({ state: 'failed', failure: { code: 'printer-stopped' } });

    await cups.enable();
    const retried = await backend.call('print.retry', { jobId: job.jobId });
    expect((retried as { value: PrintJob }).value).toMatchObject({
      state: 'done',
      attempts: 2,
      failure: null,
    });
    const files = await cups.printedFiles();
    expect(files).toHaveLength(2);
    const printed = await readPrintedForm(cups, files[1] as string);
    expect(printed.text).toContain(registration.fullName.normalize('NFC'));
    expect(printed.qr).toBe(registration.code);

    // A second retry of the same job is refused: it printed.
    const again = await backend.call('print.retry', { jobId: job.jobId });
    expect(again).toMatchObject({ ok: false, error: { code: 'print-job-not-retryable' } });
    expect(await cups.printedFiles()).toHaveLength(2);
  }, 60_000);

  it('prints a test page without any citizen’s data on the printer asked for', async () => {
    const other = await cups.addQueue();
    const answer = await backend.call('print.testPage', { printerName: other });
    expect((answer as { value: PrintJob }).value).toMatchObject({
      state: 'done',
      printerName: other,
      registrationCode: null,
    });
    const files = await cups.printedFiles();
    const { text, qr } = await readPrintedForm(cups, files.at(-1) as string);
    expect(text).toContain('Trang in thử');
    expect(text).not.toContain(registration.fullName.normalize('NFC'));
    expect(qr).toBe('IN-THU-0000');
  });
});
