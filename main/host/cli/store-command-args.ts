import { parseArgs } from 'node:util';
import type { CliIo } from './cli-command.ts';

// Shared by the `store …` commands: parses `--name value` options, all required.
// Exit codes: 0 done, 1 refused or failed (the message says why), 64 wrong usage.

export const usageExitCode = 64;

export function parseRequiredOptions<const Name extends string>(
  args: string[],
  names: readonly Name[],
  usage: string,
  io: CliIo,
): Record<Name, string> | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
      allowPositionals: false,
      strict: true,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return null;
  }
  const missing = names.filter((name) => typeof values[name] !== 'string' || values[name] === '');
  if (missing.length > 0) {
    io.stderr.write(`Thiếu tham số / missing: ${missing.map((name) => `--${name}`).join(', ')}\n${usage}\n`);
    return null;
  }
  return values as Record<Name, string>;
}
