// The stable codes of what can go wrong between a HID-POS scanner and a decoded text. Codes are the
// contract (logs, the CLI and the UI key on them); the messages are the default Vietnamese wording
// and say what the officer can do. Built once and frozen, like the ID parser's errors.

export const hidPosErrorCodes = [
  'bad-report-id',
  'bad-report-size',
  'bad-length',
  'layout-mismatch',
  'scan-too-long',
  'truncated-scan',
  'bad-utf8',
] as const;

export type HidPosErrorCode = (typeof hidPosErrorCodes)[number];

export interface HidPosError {
  readonly kind: 'error';
  readonly code: HidPosErrorCode;
  readonly message: string;
}

const rescan = 'Hãy quét lại.';

export const hidPosErrorMessages: Readonly<Record<HidPosErrorCode, string>> = {
  'bad-report-id': 'Máy quét gửi một báo cáo HID không phải dữ liệu mã vạch (sai report id); đã bỏ qua.',
  'bad-report-size': `Báo cáo HID từ máy quét không đủ 64 byte. ${rescan}`,
  'bad-length': `Độ dài dữ liệu trong báo cáo HID vượt quá sức chứa của báo cáo. ${rescan}`,
  'layout-mismatch': `Báo cáo HID không đúng kiểu máy quét đã cấu hình (honeywell/zebra/plain). ${rescan}`,
  'scan-too-long': `Lần quét quá dài (máy quét không báo kết thúc). ${rescan}`,
  'truncated-scan': `Lần quét bị ngắt giữa chừng (thiếu phần cuối dữ liệu). ${rescan}`,
  'bad-utf8': `Dữ liệu quét không phải văn bản UTF-8. ${rescan}`,
};

const errors = new Map<HidPosErrorCode, HidPosError>(
  hidPosErrorCodes.map((code) => [
    code,
    Object.freeze({ kind: 'error', code, message: hidPosErrorMessages[code] }),
  ]),
);

/** The (shared, frozen) error outcome of a code. */
export function hidPosError(code: HidPosErrorCode): HidPosError {
  return errors.get(code) as HidPosError;
}
