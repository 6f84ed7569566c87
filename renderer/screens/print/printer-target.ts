import type { OperationResult } from '../../../preload/contract/operations.ts';

export type PrinterTarget =
  { state: 'none' } | { state: 'ready' | 'stopped' | 'missing'; name: string; reason: string | null };

/**
 * Which printer a form will go to, as the officer should read it before printing: the one the
 * settings chose, else the system default; whether it exists and takes jobs.
 */
export function printerTarget(listed: OperationResult<'printers.list'>): PrinterTarget {
  if (listed.spooler === 'none' || listed.unavailable !== null) return { state: 'none' };
  const name = listed.chosen ?? listed.printers.find((printer) => printer.isDefault)?.name ?? null;
  if (name === null) return { state: 'none' };
  const printer = listed.printers.find((candidate) => candidate.name === name);
  // On Windows the spooler does not always list network printers it can still print to.
  if (!printer) return { state: listed.spooler === 'windows' ? 'ready' : 'missing', name, reason: null };
  if (printer.state === 'stopped' || !printer.acceptingJobs) {
    return { state: 'stopped', name, reason: printer.stateReason };
  }
  return { state: 'ready', name, reason: null };
}
