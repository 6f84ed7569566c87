// Errors of the local store as data with a stable code (STYLE.md "Errors as data with a kind").
// `message` is the Vietnamese sentence a person sees; `cause` keeps the SQLite error for the log;
// `details` carries what the screen needs to explain the refusal (e.g. who decided first). The
// codes are part of the API contract's catalogue (preload/contract/error-codes.ts).
import type { ErrorCode } from '../../preload/contract/error-codes.ts';

export const storeErrorCodes = [
  /** quick_check/integrity_check failed or the file is not a database: restore a backup. */
  'store-corrupt',
  /** PRAGMA user_version is higher than the last migration this build knows. */
  'store-from-newer-version',
  /** Another process holds the database lock longer than the busy timeout. */
  'store-locked',
  /** The file or its folder cannot be written. */
  'store-read-only',
  /** Any other I/O failure: disk full, missing folder, permission, unknown SQLite error. */
  'store-io',
  /** A constraint refused a write: a bug or invalid data, never a user mistake. */
  'store-constraint',
  /** The registration is unknown locally (or its personal data was purged). */
  'registration-not-found',
  /** A decision exists already (here or at another counter/office): `details` says who, what, when. */
  'already-decided',
  /** The registration was withdrawn or expired: nothing to decide. */
  'registration-not-pending',
  /** No open conflict with this id. */
  'conflict-not-found',
  /** A backup file failed verification; it was not restored. */
  'backup-corrupt',
  /** A backup or restore argument is wrong (missing file, same file twice…). */
  'backup-invalid',
] as const satisfies readonly ErrorCode[];

export type StoreErrorCode = (typeof storeErrorCodes)[number];

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.details = options.details;
  }

  /** The `{code, message}` shape every API result carries (ARCHITECTURE.md "One API contract"). */
  toResultError(): { code: StoreErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: { ...this.details } };
  }
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

export function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}

export function failure<T>(error: StoreError): StoreResult<T> {
  return { ok: false, error };
}

/** The restore command a corrupt database message points to. */
export function restoreHint(databasePath: string): string {
  return `npm run -s cli -- store restore --backup <tệp bhxh-NGÀY.sqlite mới nhất> --db ${databasePath}`;
}

/** The message for a database that failed its check: what happened and the recovery path. */
export function corruptStoreError(
  databasePath: string,
  options: { cause?: unknown; details?: Record<string, unknown> } = {},
): StoreError {
  return new StoreError(
    'store-corrupt',
    `Cơ sở dữ liệu trên máy này bị hỏng (${databasePath}). Hãy đóng ứng dụng và khôi phục bản sao lưu ` +
      `gần nhất: ${restoreHint(databasePath)}. Tệp hỏng được đặt sang một bên, không bị xoá.`,
    {
      ...options,
      details: { databasePath, restoreCommand: restoreHint(databasePath), ...options.details },
    },
  );
}

/**
 * Sorts an exception thrown by better-sqlite3 (or fs) into a StoreError. SQLite's extended codes
 * (SQLITE_IOERR_SHORT_READ, SQLITE_READONLY_DBMOVED…) are matched on their primary prefix.
 */
export function toStoreError(cause: unknown, databasePath: string): StoreError {
  if (cause instanceof StoreError) return cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return corruptStoreError(databasePath, { cause });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'store-locked',
      'Cơ sở dữ liệu đang bị một chương trình khác giữ khoá (có thể ứng dụng đang mở ở cửa sổ khác). ' +
        'Hãy đóng chương trình đó rồi thử lại.',
      { cause },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new StoreError(
      'store-read-only',
      `Không ghi được vào cơ sở dữ liệu (${databasePath}): hãy kiểm tra quyền ghi của thư mục dữ liệu.`,
      { cause },
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new StoreError(
      'store-constraint',
      'Dữ liệu không hợp lệ nên không được lưu (lỗi chương trình). Hãy báo cho bộ phận kỹ thuật.',
      { cause },
    );
  }
  return new StoreError(
    'store-io',
    `Lỗi đọc/ghi cơ sở dữ liệu (${databasePath}): hãy kiểm tra ổ đĩa còn chỗ trống và thư mục dữ liệu ` +
      'còn tồn tại, rồi thử lại.',
    { cause },
  );
}
