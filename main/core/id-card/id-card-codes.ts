// The Vietnamese message of each code (id-card-code-lists.ts), the default wording for people.
// Errors and warnings are built once and frozen: a parse allocates nothing to report them, and no
// caller can change the wording another caller will see.

import {
  idCardErrorCodes,
  idCardWarningCodes,
  type IdCardErrorCode,
  type IdCardWarningCode,
} from './id-card-code-lists.ts';
import type { CardWarning, IdParseFailure } from './id-card-types.ts';

const rescan = 'Hãy quét lại; nếu vẫn lỗi, chuyển máy quét sang chế độ HID-POS/serial.';

export const idCardErrorMessages: Readonly<Record<IdCardErrorCode, string>> = {
  'not-an-id-payload': 'Mã QR này không phải của thẻ căn cước/CCCD hay thẻ BHYT.',
  'payload-too-large': 'Dữ liệu quét quá dài (trên 4 KB), không phải mã QR của thẻ.',
  'bad-encoding': `Dữ liệu quét không phải văn bản UTF-8. ${rescan}`,
  'bad-field-count': `Số trường dữ liệu trong mã QR không đúng định dạng thẻ. ${rescan}`,
  'bad-id-number': 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
  'bad-old-id-number': 'Số CMND cũ phải gồm 9 hoặc 12 chữ số.',
  'missing-name': 'Mã QR không có họ và tên.',
  'bad-date': 'Ngày trong mã QR không hợp lệ (sai định dạng hoặc không có trên lịch).',
  'bad-sex': 'Giới tính trong mã QR không hợp lệ.',
  'bad-hex': `Trường mã hóa hex trên thẻ BHYT bị hỏng (không phải hex UTF-8). ${rescan}`,
  'bad-card-number': 'Mã thẻ BHYT không đúng cấu trúc.',
  'bad-facility': 'Nơi đăng ký khám chữa bệnh ban đầu không đúng định dạng "TT - MMM".',
  'bad-management-code': 'Mã quản lý trên thẻ BHYT phải gồm 14 chữ số.',
  'bad-residence-area': 'Mã nơi sinh sống (K1/K2/K3) trên thẻ BHYT không hợp lệ.',
  'bad-benefit-level': 'Mức hưởng trên thẻ BHYT phải là một chữ số từ 1 đến 5.',
};

export const idCardWarningMessages: Readonly<Record<IdCardWarningCode, string>> = {
  'id-sex-mismatch': 'Chữ số thứ 4 của số định danh không khớp với giới tính ghi trên thẻ.',
  'id-century-mismatch': 'Chữ số thứ 4 của số định danh không khớp với thế kỷ của năm sinh.',
  'id-year-mismatch': 'Chữ số thứ 5–6 của số định danh không khớp với năm sinh.',
  'unknown-province': 'Mã tỉnh (3 chữ số đầu của số định danh) không có trong danh mục.',
  'lost-diacritics': `Họ tên hoặc địa chỉ có vẻ đã mất dấu tiếng Việt khi quét. ${rescan}`,
  'management-code-mismatch': 'Mã quản lý trên thẻ BHYT không kết thúc bằng mã số BHXH của thẻ.',
  'card-expired': 'Thẻ BHYT đã hết hạn sử dụng.',
  'card-not-yet-valid': 'Thẻ BHYT chưa đến ngày có giá trị sử dụng.',
};

const failures = new Map<IdCardErrorCode, IdParseFailure>(
  idCardErrorCodes.map((code) => [
    code,
    Object.freeze({ ok: false, error: Object.freeze({ code, message: idCardErrorMessages[code] }) }),
  ]),
);

const warnings = new Map<IdCardWarningCode, CardWarning>(
  idCardWarningCodes.map((code) => [code, Object.freeze({ code, message: idCardWarningMessages[code] })]),
);

/** The (shared, frozen) failed result for an error code. */
export function failure(code: IdCardErrorCode): IdParseFailure {
  return failures.get(code) as IdParseFailure;
}

/** The (shared, frozen) warning for a code. */
export function cardWarning(code: IdCardWarningCode): CardWarning {
  return warnings.get(code) as CardWarning;
}
