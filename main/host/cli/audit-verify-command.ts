import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditBreakReason } from '../../../preload/contract/areas/audit.ts';
import { vietnamDateTime } from '../../core/time/vietnam-time.ts';
import { databaseFileName } from '../../services/backend.ts';
import { verifyAuditTrail } from '../../services/audit/audit-verification.ts';
import { auditHashChain } from '../../store/migrations/0008-audit-hash-chain.ts';
import { createStore } from '../../store/store.ts';
import { toStoreError } from '../../store/store-error.ts';
import type { CliRun } from './cli-command.ts';

// `audit verify --data-dir DIR`: recomputes the audit chain of the app's database in DIR, read-only
// (the app may be running: a WAL reader neither waits for it nor blocks it), and says whether it is
// intact, with the central's last verdict. Exit codes: 0 intact, 1 broken (the first broken entry is
// named) or rewritten (the central's copy differs), 2 wrong usage or no database to check.

const usage = 'Cách dùng / usage: npm run -s cli -- audit verify --data-dir DIR';
const usageExitCode = 2;

const reasonWords: Record<AuditBreakReason, string> = {
  'content-changed': 'nội dung đã bị sửa / content changed',
  'chain-broken': 'không nối với mục trước: một mục đã bị xoá, chèn hoặc chuyển chỗ / chain broken',
  'sequence-gap': 'thiếu mục trước nó / an entry is missing before it',
};

export const run: CliRun = async (args, io) => {
  let dataDirectory: string | undefined;
  try {
    const parsed = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
    dataDirectory = parsed.values['data-dir'];
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return usageExitCode;
  }
  if (!dataDirectory) {
    io.stderr.write(`Thiếu tham số / missing: --data-dir\n${usage}\n`);
    return usageExitCode;
  }
  const databasePath = path.join(dataDirectory, databaseFileName);
  if (!fs.existsSync(databasePath)) {
    io.stderr.write(
      `Không có cơ sở dữ liệu ${databasePath}: hãy kiểm tra thư mục dữ liệu. / No database in ${dataDirectory}.\n`,
    );
    return usageExitCode;
  }

  let db: Database.Database;
  try {
    db = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: 5000 });
  } catch (error) {
    const storeError = toStoreError(error, databasePath);
    io.stderr.write(`${storeError.code}: ${storeError.message}\n`);
    return usageExitCode;
  }
  const store = createStore(db, databasePath, () => new Date());
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < auditHashChain.version) {
      io.stderr.write(
        `Cơ sở dữ liệu ${databasePath} còn ở lược đồ số ${version}, trước khi có chuỗi băm: hãy mở ứng dụng một lần để nâng cấp. / ` +
          'The database predates the hash chain: start the app once to migrate it.\n',
      );
      return usageExitCode;
    }
    const result = await verifyAuditTrail(store, { now: () => new Date() });
    const central = result.central;
    const centralLine =
      central.state === 'not-checked'
        ? 'central: chưa đối chiếu / not checked yet'
        : `central: ${central.state === 'matches' ? 'khớp / matches' : 'KHÔNG KHỚP / MISMATCH'} ` +
          `(#${central.entryId ?? '?'}, ${central.checkedAt ? vietnamDateTime(central.checkedAt) : '?'})`;
    if (!result.intact && result.firstBroken) {
      const { id, reason } = result.firstBroken;
      io.stdout.write(
        `broken: entry #${id}: ${reason} — ${reasonWords[reason]}; ${result.entries} entries verified before it\n`,
      );
      io.stdout.write(`${centralLine}\n`);
      return 1;
    }
    const head = result.head ? `head #${result.head.id} ${result.head.hash}` : 'empty trail';
    io.stdout.write(`intact: ${result.entries} entries, ${head}\n${centralLine}\n`);
    if (central.state === 'mismatch') {
      io.stderr.write(
        `Chuỗi nhật ký không còn chứa mục #${central.entryId ?? '?'} như máy chủ trung tâm đã nhận: chuỗi đã bị viết lại. / ` +
          'The chain no longer holds what the central received: it was rewritten.\n',
      );
      return 1;
    }
    return 0;
  } catch (error) {
    const storeError = toStoreError(error, databasePath);
    io.stderr.write(`${storeError.code}: ${storeError.message}\n`);
    return usageExitCode;
  } finally {
    db.close();
  }
};
