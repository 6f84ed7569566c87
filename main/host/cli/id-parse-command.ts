import type { CliRun } from './cli-command.ts';

// Placeholder until the ID-card core lands (issue 2).
export const run: CliRun = async (_args, io) => {
  io.stderr.write('id parse: not implemented yet\n');
  return 70;
};
