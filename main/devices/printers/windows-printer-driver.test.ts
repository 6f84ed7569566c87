import { describe, expect, it } from 'vitest';
import type { PrintRequest } from './printer-driver.ts';
import { createWindowsPrinterDriver, type PdfToPrinterModule } from './windows-printer-driver.ts';

const printers = [
  { deviceId: 'EPSON L3150', name: 'EPSON L3150' },
  { deviceId: 'HP-Quay', name: 'HP LaserJet quầy 2' },
];
const request: PrintRequest = {
  printerName: 'hp laserjet quầy 2',
  file: 'C:\\forms\\a.pdf',
  title: 't',
  copies: 2,
  paperSize: 'A5',
};

function fake(overrides: Partial<PdfToPrinterModule> = {}): {
  module: PdfToPrinterModule;
  calls: unknown[][];
} {
  const calls: unknown[][] = [];
  return {
    calls,
    module: {
      getPrinters: async () => printers,
      getDefaultPrinter: async () => printers[0] ?? null,
      print: async (...args) => {
        calls.push(args);
      },
      ...overrides,
    },
  };
}

describe('Windows printer driver (pdf-to-printer faked)', () => {
  it('lists printers with the default marked and no made-up state', async () => {
    const { module } = fake();
    const driver = createWindowsPrinterDriver({ loadModule: async () => module });
    expect(await driver.listPrinters()).toEqual({
      printers: [
        {
          name: 'EPSON L3150',
          description: null,
          isDefault: true,
          state: 'unknown',
          stateReason: null,
          acceptingJobs: true,
        },
        {
          name: 'HP LaserJet quầy 2',
          description: 'HP-Quay',
          isDefault: false,
          state: 'unknown',
          stateReason: null,
          acceptingJobs: true,
        },
      ],
    });
  });

  it('hands the PDF to SumatraPDF with printer, copies, paper and the unpacked SumatraPDF path', async () => {
    const { module, calls } = fake();
    const driver = createWindowsPrinterDriver({
      loadModule: async () => module,
      sumatraPdfPath: 'C:\\app\\SumatraPDF.exe',
    });
    expect(await driver.print(request, { timeoutMs: 1_000 })).toEqual({ status: 'done', systemJobId: null });
    expect(calls).toEqual([
      [
        'C:\\forms\\a.pdf',
        {
          printer: 'HP LaserJet quầy 2',
          copies: 2,
          paperSize: 'A5',
          sumatraPdfPath: 'C:\\app\\SumatraPDF.exe',
        },
      ],
    ]);
    expect(await driver.jobOutcome('anything')).toBe('unknown');
  });

  it('fails without a default printer, for an unknown one, on errors and on timeout', async () => {
    const none = createWindowsPrinterDriver({
      loadModule: async () => fake({ getDefaultPrinter: async () => null }).module,
    });
    expect(await none.print({ ...request, printerName: null }, { timeoutMs: 1_000 })).toMatchObject({
      code: 'no-default-printer',
    });
    const driver = createWindowsPrinterDriver({ loadModule: async () => fake().module });
    expect(await driver.print({ ...request, printerName: 'Canon' }, { timeoutMs: 1_000 })).toMatchObject({
      code: 'printer-not-found',
    });
    const broken = createWindowsPrinterDriver({
      loadModule: async () =>
        fake({ print: async () => Promise.reject(new Error('SumatraPDF exited with 1')) }).module,
    });
    expect(await broken.print(request, { timeoutMs: 1_000 })).toEqual({
      status: 'failed',
      code: 'job-failed',
      reason: 'SumatraPDF exited with 1',
      systemJobId: null,
    });
    const stuck = createWindowsPrinterDriver({
      loadModule: async () => fake({ print: () => new Promise(() => undefined) }).module,
    });
    expect(await stuck.print(request, { timeoutMs: 50 })).toMatchObject({ code: 'timeout' });
  });

  it('reports a module that does not load as no spooler', async () => {
    const driver = createWindowsPrinterDriver({
      loadModule: async () => Promise.reject(new Error('Cannot find module')),
    });
    expect(await driver.print(request, { timeoutMs: 1_000 })).toMatchObject({
      code: 'no-spooler',
      reason: 'Cannot find module',
    });
    expect(await driver.listPrinters()).toEqual({
      unavailable: expect.stringContaining('Cannot find module'),
    });
  });
});
