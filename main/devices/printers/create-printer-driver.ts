// Picks the printer driver for this machine: Windows prints through pdf-to-printer, everything
// with CUPS's lp and lpstat on PATH (Linux, macOS, BSDs) through CUPS, the rest gets a driver
// that says why nothing can print.

import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { createCupsPrinterDriver } from './cups-printer-driver.ts';
import type { PrinterDriver } from './printer-driver.ts';
import { createUnavailablePrinterDriver } from './unavailable-printer-driver.ts';
import { createWindowsPrinterDriver } from './windows-printer-driver.ts';

export interface CreatePrinterDriverOptions {
  platform?: NodeJS.Platform;
  /** The spooler commands' environment (PATH, CUPS_SERVER); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Each spooler command's own time limit. */
  commandTimeoutMs?: number;
  /** Windows: SumatraPDF's unpacked path in a packaged app (see windows-printer-driver.ts). */
  sumatraPdfPath?: string;
}

/** Whether `command` is an executable file in one of the PATH folders of `env`. */
export function isOnPath(command: string, env: NodeJS.ProcessEnv): boolean {
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (folder === '') continue;
    try {
      accessSync(path.join(folder, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

export function createPrinterDriver(options: CreatePrinterDriverOptions = {}): PrinterDriver {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  if (platform === 'win32') {
    return createWindowsPrinterDriver(
      options.sumatraPdfPath === undefined ? {} : { sumatraPdfPath: options.sumatraPdfPath },
    );
  }
  const missing = ['lp', 'lpstat'].filter((command) => !isOnPath(command, env));
  if (missing.length > 0) {
    return createUnavailablePrinterDriver(
      `no printing system: ${missing.join(' and ')} not found on PATH (install CUPS: cups, cups-client)`,
    );
  }
  return createCupsPrinterDriver({
    env,
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: options.commandTimeoutMs }),
  });
}
