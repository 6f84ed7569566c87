// Parsers for what CUPS's command-line tools print. The driver runs them with LANG=C, so the
// fixed words are CUPS's English ones; the printer's own messages (indented lines) may be in any
// language and are passed on verbatim. CUPS queue names contain no spaces, tabs, '/' or '#', so
// splitting on whitespace is safe.

import type { PrinterState } from './printer-driver.ts';

export interface LpstatPrinter {
  name: string;
  state: PrinterState;
  /** printer-state-message, or the printer-state-reasons when there is no message. */
  stateReason: string | null;
  description: string | null;
}

// The fields `lpstat -l -p` lists after the printer's message lines.
const longFieldPattern =
  /^\t(Form mounted|Content types|Printer types|Description|Alerts|Location|Connection|Interface|On fault|After fault|Users allowed|Forms allowed|Banner required|Charset sets|Default pitch|Default page size|Default port settings)\b/;
const printerLinePattern = /^printer (\S+) (.*)$/;

function stateOf(rest: string): PrinterState {
  if (rest.startsWith('is idle')) return 'idle';
  if (rest.startsWith('now printing')) return 'printing';
  if (rest.startsWith('disabled')) return 'stopped';
  return 'unknown';
}

/** `lpstat -p` or `lpstat -l -p`, one entry per printer in the order listed. */
export function parsePrinterStatus(output: string): LpstatPrinter[] {
  const printers: LpstatPrinter[] = [];
  let current: {
    printer: LpstatPrinter;
    message: string[];
    alerts: string | null;
    inLongFields: boolean;
  } | null = null;
  const finish = (): void => {
    if (current === null) return;
    const message = current.message.join(' ').trim();
    // lpstat writes "reason unknown" itself when a disabled printer has no message.
    const usefulMessage = message !== '' && message !== 'reason unknown' ? message : null;
    const usefulAlerts =
      current.alerts !== null && current.alerts !== '' && current.alerts !== 'none' ? current.alerts : null;
    current.printer.stateReason = usefulMessage ?? usefulAlerts;
    printers.push(current.printer);
    current = null;
  };
  for (const line of output.split(/\r?\n/)) {
    const header = printerLinePattern.exec(line);
    if (header !== null) {
      finish();
      const [, name = '', rest = ''] = header;
      current = {
        printer: { name, state: stateOf(rest), stateReason: null, description: null },
        message: [],
        alerts: null,
        inLongFields: false,
      };
      continue;
    }
    if (current === null || !line.startsWith('\t')) continue;
    if (longFieldPattern.test(line)) current.inLongFields = true;
    if (!current.inLongFields) {
      current.message.push(line.trim());
      continue;
    }
    const description = /^\tDescription: ?(.*)$/.exec(line);
    if (description !== null) current.printer.description = description[1]?.trim() || null;
    const alerts = /^\tAlerts: ?(.*)$/.exec(line);
    if (alerts !== null) current.alerts = alerts[1]?.trim() ?? null;
  }
  finish();
  return printers;
}

export interface LpstatAccepting {
  name: string;
  accepting: boolean;
  reason: string | null;
}

/** `lpstat -a`: "Q accepting requests since …" / "Q not accepting requests since … -\n\treason". */
export function parseAcceptingStatus(output: string): LpstatAccepting[] {
  const queues: LpstatAccepting[] = [];
  let current: LpstatAccepting | null = null;
  for (const line of output.split(/\r?\n/)) {
    const header = /^(\S+) (not )?accepting requests\b/.exec(line);
    if (header !== null) {
      current = { name: header[1] ?? '', accepting: header[2] === undefined, reason: null };
      queues.push(current);
      continue;
    }
    if (current !== null && line.startsWith('\t')) {
      const text = line.trim();
      if (text !== '' && text !== 'reason unknown') {
        current.reason = current.reason === null ? text : `${current.reason} ${text}`;
      }
    }
  }
  return queues;
}

/**
 * `lpstat -d`: the default queue, null for "no system default destination", undefined when the
 * output says neither (an error, or words this parser does not know).
 */
export function parseDefaultDestination(output: string): string | null | undefined {
  for (const line of output.split(/\r?\n/)) {
    // An lpoptions instance ("Q/draft") prints on the queue itself.
    const match = /^system default destination: ([^\s/]+)/.exec(line);
    if (match !== null) return match[1] ?? null;
    if (/^no system default destination/i.test(line)) return null;
  }
  return undefined;
}

/** `lp`: "request id is Q-12 (1 file(s))" → "Q-12". */
export function parseRequestId(output: string): string | null {
  return /request id is (\S+-\d+)\b/.exec(output)?.[1] ?? null;
}

/** The CUPS job number in a request id ("Q-12" → 12; a bare "12" too). */
export function jobNumberOf(systemJobId: string): number | null {
  const match = /(?:^|-)(\d+)$/.exec(systemJobId.trim());
  if (match === null) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

export type LpstatProblem = 'printer-not-found' | 'no-spooler' | 'no-printers' | null;

/** What an lpstat error message means, when it is one of the known ones. */
export function classifyLpstatMessage(message: string): LpstatProblem {
  if (/Invalid destination name|Unknown destination|does not exist/i.test(message))
    return 'printer-not-found';
  if (/Scheduler is not running|Unable to connect to server|Connection refused/i.test(message))
    return 'no-spooler';
  if (/No destinations added/i.test(message)) return 'no-printers';
  return null;
}

/** The ids of the jobs `lpstat -o` lists (first column). */
export function parseJobIds(output: string): string[] {
  const ids: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(\S+-\d+)\s/.exec(line);
    if (match?.[1] !== undefined) ids.push(match[1]);
  }
  return ids;
}
