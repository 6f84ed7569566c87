import type { IdDocument, Registration } from '../../main/core/registration/registration.ts';
import { vietnamDisplayDate } from '../../main/core/time/vietnam-time.ts';
import type { Office } from '../store/office-store.ts';
import type { NewNotification } from '../store/notification-store.ts';

// The copy of the declaration a citizen asked for at the kiosk (`sendDeclarationCopy`). It goes to
// the e-mail of the form (the kiosk refuses the flag without one, and so does the central) right
// when the registration is made, so the citizen has the code and the list of what to bring even if
// the printed form is lost. The real service attaches the filled-in form 01/ĐK-GD; the reference
// service renders no PDF and says so, as the approval notice does about the first password.
// The counter to go to is the receiving office's: the citizen may have chosen another office than
// the kiosk's.

const documentNames: Record<IdDocument['type'], string> = {
  cccd: 'thẻ Căn cước/CCCD',
  cmnd: 'chứng minh nhân dân',
  passport: 'hộ chiếu',
};

export function declarationCopyNotification(
  registration: Registration,
  office: Pick<Office, 'name'>,
  createdAt: string,
): NewNotification | null {
  if (!registration.email) return null;
  const toBring = [
    'tờ khai 01/ĐK-GD đã ký (bản in tại ki-ốt, hoặc bản in từ tệp đính kèm)',
    `bản gốc ${documentNames[registration.idDocument.type]} đã khai trong tờ khai`,
    ...(registration.guardian
      ? ['giấy tờ tùy thân của người giám hộ và giấy tờ chứng minh quan hệ giám hộ (giấy khai sinh…)']
      : []),
  ];
  return {
    registrationCode: registration.code,
    officeCode: registration.officeCode,
    createdAt,
    channel: 'email',
    to: registration.email,
    template: 'declaration-copy',
    subject: `BHXH Việt Nam: tờ khai đăng ký giao dịch điện tử (Mẫu 01/ĐK-GD), hồ sơ ${registration.code}`,
    body:
      `Kính gửi ông/bà ${registration.fullName},\n` +
      'Cơ quan BHXH đã tiếp nhận đăng ký tài khoản giao dịch điện tử của ông/bà tại ki-ốt tự phục vụ ' +
      `ngày ${vietnamDisplayDate(registration.submittedAt)}.\n` +
      `Mã hồ sơ: ${registration.code}\n` +
      `Nơi tiếp nhận: ${office.name} (mã ${registration.officeCode})\n` +
      'Tờ khai đăng ký sử dụng phương thức giao dịch điện tử (Mẫu 01/ĐK-GD): đính kèm thư này ' +
      '(dịch vụ tham chiếu không đính kèm tệp).\n' +
      `Để hoàn tất đăng ký, ông/bà vui lòng đến bộ phận một cửa của ${office.name} và mang theo:\n` +
      toBring.map((item) => `- ${item};\n`).join('') +
      `Cán bộ tiếp nhận tìm hồ sơ theo mã ${registration.code} hoặc mã QR trên tờ khai. ` +
      'Hồ sơ chờ duyệt cho đến khi ông/bà đến đối chiếu giấy tờ tại quầy.',
    reason: null,
  };
}
