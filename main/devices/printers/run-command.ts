// Runs a spooler command (lp, lpstat, cancel) with execFile: arguments are never parsed by a
// shell, so a printer name or a title cannot inject anything.

import { execFile } from 'node:child_process';

export type CommandResult =
  | { kind: 'exited'; exitCode: number; stdout: string; stderr: string }
  /** The program is not installed (ENOENT). */
  | { kind: 'missing'; command: string }
  | { kind: 'timed-out'; command: string; timeoutMs: number }
  | { kind: 'error'; message: string };

export interface RunCommandOptions {
  /** Kept as given (CUPS_SERVER must reach lp), with LANG/LC_ALL forced to C so the words are parseable. */
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandResult> {
  const env = { ...options.env, LANG: 'C', LC_ALL: 'C', LANGUAGE: 'C' };
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { env, timeout: options.timeoutMs, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ kind: 'exited', exitCode: 0, stdout, stderr });
          return;
        }
        const details = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
        if (details.code === 'ENOENT') resolve({ kind: 'missing', command });
        else if (details.killed === true)
          resolve({ kind: 'timed-out', command, timeoutMs: options.timeoutMs });
        else if (typeof details.code === 'number') {
          resolve({ kind: 'exited', exitCode: details.code, stdout, stderr });
        } else resolve({ kind: 'error', message: `${command}: ${error.message}` });
      },
    );
  });
}

/** The command's own message (stderr, else stdout), for a failure reason. */
export function commandMessage(result: CommandResult): string {
  switch (result.kind) {
    case 'exited': {
      const text = (result.stderr.trim() || result.stdout.trim()).replace(/\s+/g, ' ');
      return text || `exit code ${result.exitCode}`;
    }
    case 'missing':
      return `${result.command} is not installed`;
    case 'timed-out':
      return `${result.command} did not answer within ${result.timeoutMs} ms`;
    case 'error':
      return result.message;
  }
}
