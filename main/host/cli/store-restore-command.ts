import { restoreBackup } from '../../store/backup.ts';
import type { CliRun } from './cli-command.ts';
import { parseRequiredOptions, usageExitCode } from './store-command-args.ts';

const usage =
  'Cách dùng / usage: npm run -s cli -- store restore --backup FILE --db FILE   (đóng ứng dụng trước)';

/**
 * `store restore --backup FILE --db FILE`: verifies the backup, moves the current database aside
 * (`<db>.before-restore-<time>`, never deleted) and puts the backup in its place. The app must be closed.
 */
export const run: CliRun = async (args, io) => {
  const options = parseRequiredOptions(args, ['backup', 'db'], usage, io);
  if (options === null) return usageExitCode;
  const result = restoreBackup(options.backup, options.db);
  if (!result.ok) {
    io.stderr.write(`${result.error.code}: ${result.error.message}\n`);
    return 1;
  }
  io.stdout.write(`Đã khôi phục / restored ${options.db} từ / from ${result.value.restoredFrom}\n`);
  if (result.value.previousKeptAt !== null) {
    io.stdout.write(
      `Cơ sở dữ liệu cũ được giữ tại / previous database kept at: ${result.value.previousKeptAt}\n`,
    );
  }
  io.stdout.write(
    'Các quyết định đã đồng bộ sẽ được tải lại từ máy chủ; quyết định chưa đồng bộ sau ngày sao lưu cần nhập lại.\n',
  );
  return 0;
};
