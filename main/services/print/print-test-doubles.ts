import type { FormRenderer, PrinterPort, PrintOutcome } from './print-ports.ts';

// Test doubles of the print queue's ports, for the print service's and the kiosk service's tests:
// a spooler that does what each test queues in `next` (done by default), and a renderer whose
// "PDF" names the registration (and the ticket's form code, when there is one).

export interface FakePrinter extends PrinterPort {
  printed: string[];
  cancelled: string[];
  next: Array<() => Promise<PrintOutcome>>;
  outcomes: Map<string, 'done' | 'pending' | 'failed' | 'unknown'>;
}

export function fakePrinter(): FakePrinter {
  let count = 0;
  const printer: FakePrinter = {
    kind: 'cups',
    printed: [],
    cancelled: [],
    next: [],
    outcomes: new Map(),
    listPrinters: async () => ({ printers: [] }),
    print: async (request, options) => {
      count += 1;
      const id = `Q-${count}`;
      // Like CUPS: the spooler names the queue that took the job, the default one when none was asked.
      options.onSubmitted?.(id, request.printerName ?? 'Mac-dinh');
      printer.printed.push(request.title);
      const step = printer.next.shift();
      return step ? step() : { status: 'done', systemJobId: id };
    },
    jobOutcome: async (id) => printer.outcomes.get(id) ?? 'unknown',
    cancel: async (id) => void printer.cancelled.push(id),
  };
  return printer;
}

export const renderer: FormRenderer = {
  declaration: async ({ registration }) => ({
    pdf: Buffer.from(`%PDF ${registration.code}`),
    pages: 1,
    template: { source: 'default', revision: 'test', problem: null },
  }),
  testPage: async () => ({
    pdf: Buffer.from('%PDF test'),
    pages: 1,
    template: { source: 'default', revision: 'test', problem: null },
  }),
};
