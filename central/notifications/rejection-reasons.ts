// The default rejection reasons of ../shared/domain/REGISTRATION.md, with the wording printed on the
// rejection notice (01/TB-GDĐT). Offices can edit the list on the desktop, so an unknown code is
// not an error: the notice then shows the code and the officer's note.
export const rejectionReasonLabels: Readonly<Record<string, string>> = {
  'identity-mismatch': 'Giấy tờ tùy thân không khớp với thông tin đăng ký',
  'identity-not-confirmed': 'Người đăng ký không có mặt hoặc không xác minh được danh tính',
  'declaration-missing': 'Thiếu tờ khai hoặc tờ khai chưa được ký',
  'wrong-social-insurance-number': 'Mã số BHXH không đúng',
  'contact-already-registered': 'Số điện thoại hoặc email đã được đăng ký cho mã số BHXH khác',
  'guardianship-proof-missing': 'Đăng ký cho trẻ em nhưng thiếu giấy tờ chứng minh quyền giám hộ',
  other: 'Lý do khác',
};

export function rejectionReasonLabel(reasonCode: string | null): string {
  if (reasonCode === null) return 'Không nêu lý do';
  return rejectionReasonLabels[reasonCode] ?? reasonCode;
}
