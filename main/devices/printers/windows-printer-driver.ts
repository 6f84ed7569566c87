// Printing on Windows through pdf-to-printer (SumatraPDF). It has no job-status API: "done" here
// means SumatraPDF handed the document to the Windows spooler, not that paper came out, and
// jobOutcome cannot say anything ('unknown'). The module is imported lazily so Linux and macOS
// never load it.

import {
  assertValidPrintRequest,
  type JobOutcome,
  type PrintOutcome,
  type PrinterDriver,
  type PrinterList,
  type PrintOptions,
  type PrintRequest,
} from './printer-driver.ts';

interface PdfToPrinterPrinter {
  deviceId: string;
  name: string;
}

/** The part of pdf-to-printer 5.x the driver uses. */
export interface PdfToPrinterModule {
  getPrinters(): Promise<PdfToPrinterPrinter[]>;
  getDefaultPrinter(): Promise<PdfToPrinterPrinter | null>;
  print(
    pdf: string,
    options?: { printer?: string; copies?: number; paperSize?: string; sumatraPdfPath?: string },
  ): Promise<void>;
}

export interface WindowsPrinterDriverOptions {
  /**
   * SumatraPDF's path. Needed in a packaged app: pdf-to-printer's own asar detection fails under
   * an ESM main process, so the shell passes the asar-unpacked copy.
   */
  sumatraPdfPath?: string;
  /** Tests pass a fake. */
  loadModule?: () => Promise<PdfToPrinterModule>;
}

async function loadPdfToPrinter(): Promise<PdfToPrinterModule> {
  const loaded = await import('pdf-to-printer');
  // A CommonJS bundle: its exports are the default export.
  return loaded.default;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createWindowsPrinterDriver(options: WindowsPrinterDriverOptions = {}): PrinterDriver {
  const load = options.loadModule ?? loadPdfToPrinter;
  let module: Promise<PdfToPrinterModule> | null = null;
  const pdfToPrinter = (): Promise<PdfToPrinterModule> => {
    module ??= load().catch((error: unknown) => {
      module = null;
      throw error;
    });
    return module;
  };

  return {
    kind: 'windows',

    async listPrinters(): Promise<PrinterList> {
      try {
        const printers = await pdfToPrinter();
        const [all, fallback] = await Promise.all([printers.getPrinters(), printers.getDefaultPrinter()]);
        return {
          printers: all.map((printer) => ({
            name: printer.name,
            description: printer.deviceId !== printer.name ? printer.deviceId : null,
            isDefault: fallback !== null && fallback.deviceId === printer.deviceId,
            // Win32_Printer as pdf-to-printer reads it carries no state: say so rather than guess.
            state: 'unknown' as const,
            stateReason: null,
            acceptingJobs: true,
          })),
        };
      } catch (error) {
        return { unavailable: `Windows printers could not be listed: ${messageOf(error)}` };
      }
    },

    async print(request: PrintRequest, printOptions: PrintOptions): Promise<PrintOutcome> {
      assertValidPrintRequest(request);
      let printers: PdfToPrinterModule;
      try {
        printers = await pdfToPrinter();
      } catch (error) {
        return { status: 'failed', code: 'no-spooler', reason: messageOf(error), systemJobId: null };
      }
      let printer: string;
      try {
        if (request.printerName === null) {
          const fallback = await printers.getDefaultPrinter();
          if (fallback === null) {
            return {
              status: 'failed',
              code: 'no-default-printer',
              reason: 'Windows has no default printer',
              systemJobId: null,
            };
          }
          printer = fallback.name;
        } else {
          const wanted = request.printerName.toLowerCase();
          const found = (await printers.getPrinters()).find(
            (entry) => entry.name.toLowerCase() === wanted || entry.deviceId.toLowerCase() === wanted,
          );
          if (found === undefined) {
            const reason = `no printer named "${request.printerName}"`;
            return { status: 'failed', code: 'printer-not-found', reason, systemJobId: null };
          }
          printer = found.name;
        }
      } catch (error) {
        return { status: 'failed', code: 'spooler-error', reason: messageOf(error), systemJobId: null };
      }
      if (printOptions.signal?.aborted === true) {
        return {
          status: 'failed',
          code: 'job-failed',
          reason: 'cancelled by the application before submission',
          systemJobId: null,
        };
      }
      // SumatraPDF cannot be called back once started: on timeout the outcome is reported, the
      // hand-over may still finish. Without a job id there is nothing to cancel.
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), printOptions.timeoutMs);
      });
      try {
        const result = await Promise.race([
          printers
            .print(request.file, {
              printer,
              copies: request.copies,
              paperSize: request.paperSize,
              ...(options.sumatraPdfPath === undefined ? {} : { sumatraPdfPath: options.sumatraPdfPath }),
            })
            .then(() => 'handed-over' as const),
          timedOut,
        ]);
        if (result === 'timeout') {
          const reason = `SumatraPDF did not finish within ${printOptions.timeoutMs} ms`;
          return { status: 'failed', code: 'timeout', reason, systemJobId: null };
        }
        return { status: 'done', systemJobId: null };
      } catch (error) {
        return { status: 'failed', code: 'job-failed', reason: messageOf(error), systemJobId: null };
      } finally {
        clearTimeout(timer);
      }
    },

    async jobOutcome(): Promise<JobOutcome> {
      return 'unknown';
    },

    async cancel(): Promise<void> {
      // No job ids on this path (see the top of the file).
    },
  };
}
