// The driver when the machine has no spooler the kiosk knows (no CUPS tools, not Windows): every
// call answers with the reason instead of failing somewhere deeper.

import type { PrintOutcome, PrinterDriver, PrinterList } from './printer-driver.ts';

export function createUnavailablePrinterDriver(reason: string): PrinterDriver {
  return {
    kind: 'none',
    async listPrinters(): Promise<PrinterList> {
      return { unavailable: reason };
    },
    async print(): Promise<PrintOutcome> {
      return { status: 'failed', code: 'no-spooler', reason, systemJobId: null };
    },
    async jobOutcome() {
      return 'unknown';
    },
    async cancel(): Promise<void> {},
  };
}
