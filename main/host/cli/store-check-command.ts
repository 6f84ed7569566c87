import fs from 'node:fs';
import { checkDatabaseFile } from '../../store/backup.ts';
import { restoreHint, toStoreError } from '../../store/store-error.ts';
import type { CliRun } from './cli-command.ts';
import { parseRequiredOptions, usageExitCode } from './store-command-args.ts';

const usage = 'Cách dùng / usage: npm run -s cli -- store check --db FILE';

/** `store check --db FILE`: PRAGMA integrity_check on the file (read-only); exit 0 when sound, 1 otherwise. */
export const run: CliRun = async (args, io) => {
  const options = parseRequiredOptions(args, ['db'], usage, io);
  if (options === null) return usageExitCode;
  if (!fs.existsSync(options.db)) {
    io.stderr.write(`store-io: Không tìm thấy tệp cơ sở dữ liệu ${options.db}.\n`);
    return 1;
  }
  let result: { problems: string[]; userVersion: number };
  try {
    result = checkDatabaseFile(options.db);
  } catch (error) {
    const storeError = toStoreError(error, options.db);
    io.stderr.write(`${storeError.code}: ${storeError.message}\n`);
    return 1;
  }
  if (result.problems.length === 0) {
    io.stdout.write(`ok (user_version ${result.userVersion})\n`);
    return 0;
  }
  io.stdout.write(`${result.problems.join('\n')}\n`);
  io.stderr.write(
    `store-corrupt: Cơ sở dữ liệu ${options.db} bị hỏng. Cách khôi phục: ${restoreHint(options.db)}\n`,
  );
  return 1;
};
