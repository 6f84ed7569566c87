import fs from 'node:fs';
import { backupNow } from '../../store/backup.ts';
import { openStore } from '../../store/open-store.ts';
import type { CliRun } from './cli-command.ts';
import { parseRequiredOptions, usageExitCode } from './store-command-args.ts';

const usage = 'Cách dùng / usage: npm run -s cli -- store backup --db FILE --dir DIR';

/** `store backup --db FILE --dir DIR`: an online backup now (bhxh-YYYY-MM-DD.sqlite), keeping the last 7. */
export const run: CliRun = async (args, io) => {
  const options = parseRequiredOptions(args, ['db', 'dir'], usage, io);
  if (options === null) return usageExitCode;
  if (!fs.existsSync(options.db)) {
    io.stderr.write(`store-io: Không tìm thấy tệp cơ sở dữ liệu ${options.db}.\n`);
    return 1;
  }
  const opened = openStore(options.db);
  if (!opened.ok) {
    io.stderr.write(`${opened.error.code}: ${opened.error.message}\n`);
    return 1;
  }
  try {
    const result = await backupNow(opened.value, options.dir);
    if (!result.ok) {
      io.stderr.write(`${result.error.code}: ${result.error.message}\n`);
      return 1;
    }
    io.stdout.write(`Đã sao lưu / backed up: ${result.value.file}\n`);
    for (const file of result.value.deleted) io.stdout.write(`Đã xoá bản cũ / removed old backup: ${file}\n`);
    return 0;
  } finally {
    opened.value.close();
  }
};
