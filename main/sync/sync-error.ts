// Every way a sync round can fail, as a kind the status bar can put in words. The device keeps
// working through all of them: decisions wait in the outbox until the next successful push.
export const syncErrorKinds = [
  'network', // the central service cannot be reached (cable out, server down, connection reset)
  'timeout', // it did not answer in time
  'server', // it answered with a 5xx: try again later
  'auth', // this device's token is missing, unknown or revoked: an administrator must re-enroll it
  'clock', // this PC's clock is too far from the server's: events would be refused
  'schema', // the answer (or our request) does not match the protocol: a version mismatch, a bug
  'conflict', // a decision lost to one made elsewhere (per event, shown to the officer)
  'local', // this PC's own database could not be read or written (disk full, locked by another program)
] as const;

export type SyncErrorKind = (typeof syncErrorKinds)[number];

const messages: Record<SyncErrorKind, string> = {
  network:
    'Không kết nối được máy chủ BHXH trung tâm. Các quyết định được lưu trên máy và sẽ tự gửi khi có mạng.',
  timeout: 'Máy chủ BHXH trung tâm không trả lời kịp. Sẽ thử lại tự động.',
  server: 'Máy chủ BHXH trung tâm đang gặp sự cố. Sẽ thử lại tự động.',
  auth: 'Máy này chưa được cấp quyền hoặc đã bị thu hồi quyền đồng bộ. Hãy báo quản trị viên đăng ký lại thiết bị.',
  clock: 'Đồng hồ của máy tính lệch nhiều so với máy chủ. Hãy chỉnh lại ngày giờ của máy.',
  schema:
    'Dữ liệu trao đổi với máy chủ không đúng định dạng (có thể do khác phiên bản). Hãy báo quản trị viên.',
  conflict: 'Hồ sơ đã được quyết định ở nơi khác.',
  local:
    'Không đọc/ghi được cơ sở dữ liệu trên máy này (ổ đĩa đầy hoặc tệp đang bị chương trình khác giữ). Sẽ thử lại tự động.',
};

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  /** A stable code for the UI: `sync-<kind>`. */
  readonly code: `sync-${SyncErrorKind}`;
  /** The central's own error code or what went wrong, when known (e.g. `payload-too-large`). */
  readonly detail: string | undefined;

  constructor(kind: SyncErrorKind, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${messages[kind]} (${detail})` : messages[kind], options);
    this.name = 'SyncError';
    this.kind = kind;
    this.code = `sync-${kind}`;
    this.detail = detail;
  }
}

export function syncErrorMessage(kind: SyncErrorKind): string {
  return messages[kind];
}

/** Why the central refused an enrollment code: each has its own words on the set-up screen. */
export type EnrollmentRefusal =
  | 'enrollment-code-mistyped'
  | 'enrollment-code-expired'
  | 'enrollment-code-used'
  | 'enrollment-code-other-office';

const refusalMessages: Record<EnrollmentRefusal, string> = {
  'enrollment-code-mistyped':
    'Mã đăng ký máy không đúng (không có mã này, hoặc gõ nhầm một ký tự). Hãy kiểm tra lại từng ký tự trên phiếu.',
  'enrollment-code-expired': 'Mã đăng ký máy đã hết hạn (mỗi mã dùng được 24 giờ). Hãy xin mã mới.',
  'enrollment-code-used': 'Mã đăng ký máy đã được dùng (mỗi mã chỉ dùng một lần). Hãy xin mã mới.',
  'enrollment-code-other-office':
    'Mã đăng ký thuộc một cơ quan BHXH khác với cơ quan của máy này. Mã chưa bị dùng.',
};

/**
 * The code did not enroll this PC, for a reason the person who typed it can act on. Nothing was
 * stored, and (from a current central) nothing was used up: a code for another office still works
 * there.
 */
export class EnrollmentRefusedError extends Error {
  readonly code: EnrollmentRefusal;
  /** For `enrollment-code-other-office`: the code's office and this PC's. */
  readonly details: { codeOffice: string; officeCode: string } | undefined;

  constructor(code: EnrollmentRefusal, details?: { codeOffice: string; officeCode: string }) {
    super(
      details
        ? `${refusalMessages[code]} (mã của cơ quan ${details.codeOffice}, máy thuộc ${details.officeCode})`
        : refusalMessages[code],
    );
    this.name = 'EnrollmentRefusedError';
    this.code = code;
    this.details = details;
  }
}
