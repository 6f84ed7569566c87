// What the backend asks of a printer, whatever the operating system (issue #9). The backend is
// plain Node in both the Electron utility process and the browser-mode host, so forms are printed
// by handing the PDF to the OS spooler rather than through webContents.print.

export type PrinterState = 'idle' | 'printing' | 'stopped' | 'unknown';

export interface PrinterInfo {
  name: string;
  description: string | null;
  isDefault: boolean;
  state: PrinterState;
  /** The spooler's words, e.g. why it is stopped. */
  stateReason: string | null;
  acceptingJobs: boolean;
}

export type PrintFailureCode =
  | 'no-spooler'
  | 'printer-not-found'
  | 'no-default-printer'
  | 'printer-stopped'
  | 'printer-not-accepting'
  | 'job-failed'
  | 'timeout'
  | 'spooler-error';

export type PrintOutcome =
  | { status: 'done'; systemJobId: string | null }
  | {
      status: 'failed';
      code: PrintFailureCode;
      /** The printer's or spooler's reason in its own words. */
      reason: string;
      systemJobId: string | null;
    };

export interface PrintRequest {
  /** null: the system default printer. */
  printerName: string | null;
  /** Path of the PDF to print. */
  file: string;
  title: string;
  copies: number;
  paperSize: 'A4' | 'A5';
}

export interface PrintOptions {
  /** The whole print, submission to result; the job is cancelled when it runs out. */
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * Called once the spooler has taken the job, with its id and the queue that took it (the default
   * one resolved, when the request named none): the caller records them, so that after a crash it can
   * ask the spooler what became of the job (and withdraw it, instead of printing twice).
   */
  onSubmitted?: (systemJobId: string, printerName: string) => void;
}

export type PrinterList = { printers: PrinterInfo[] } | { unavailable: string };

export type JobOutcome = 'done' | 'pending' | 'failed' | 'unknown';

export interface PrinterDriver {
  readonly kind: 'cups' | 'windows' | 'none';
  /** `unavailable` says why there is no list at all (lpstat missing, cupsd not running …). */
  listPrinters(): Promise<PrinterList>;
  /** Never throws for printer or spooler problems: they are failed outcomes. */
  print(request: PrintRequest, options: PrintOptions): Promise<PrintOutcome>;
  /** After a restart: what became of a job submitted before (its systemJobId). */
  jobOutcome(systemJobId: string): Promise<JobOutcome>;
  cancel(systemJobId: string): Promise<void>;
}

/** Programmer errors in a request (not printer problems): thrown, never an outcome. */
export function assertValidPrintRequest(request: PrintRequest): void {
  if (!Number.isInteger(request.copies) || request.copies < 1 || request.copies > 99) {
    throw new RangeError(`copies must be an integer 1–99, got ${request.copies}`);
  }
  if (request.file.length === 0) throw new TypeError('print request without a file');
}
