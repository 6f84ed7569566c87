import type { Registration } from '../../core/registration/registration.ts';
import type { FormTemplateStatus, SummaryLanguage } from '../../../preload/contract/areas/print.ts';
import type { PrintOutcome, PrinterDriver } from '../../devices/printers/printer-driver.ts';
import type { TicketSlip } from '../../documents/declaration/draw-ticket-slip.ts';

// What the print queue needs from the outside, as narrow as it can be: the documents module renders,
// the devices module prints. Tests plug in the real ones (pdfkit, a private CUPS) or small fakes.

export interface RenderedForm {
  pdf: Buffer;
  pages: number;
  template: FormTemplateStatus;
}

export interface FormRenderer {
  declaration(input: {
    registration: Registration;
    summaryLanguage: SummaryLanguage | null;
    training: boolean;
    paperSize: 'A4' | 'A5';
    printedAt: Date;
    /** A kiosk submission's ticket slip, printed as the last page. */
    ticket?: TicketSlip | null;
  }): Promise<RenderedForm>;
  /** A sample form marked as a printer test, without any citizen's data. */
  testPage(input: {
    paperSize: 'A4' | 'A5';
    printedAt: Date;
    printerName: string | null;
  }): Promise<RenderedForm>;
}

/** The OS spooler (main/devices/printers): CUPS, Windows, or none. */
export type PrinterPort = PrinterDriver;
export type { PrintOutcome };
