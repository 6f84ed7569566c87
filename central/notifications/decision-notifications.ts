import type { Registration } from '../../main/core/registration/registration.ts';
import { stripDiacritics } from '../../main/core/text/vietnamese-text.ts';
import type { NewNotification } from '../store/notification-store.ts';
import { rejectionReasonLabel } from './rejection-reasons.ts';
import { vietnamDisplayDate } from '../../main/core/time/vietnam-time.ts';

// What BHXH would send after a counter decision (../shared/domain/REGISTRATION.md): on approval the
// account details go to the registered e-mail and phone; on rejection the notice 01/TB-GDĐT with the
// reason goes to the e-mail (by SMS when there is no e-mail). The first password is generated and
// sent by the real service; the reference service never makes or stores one, and says so.
// SMS text is written without diacritics, as Vietnamese service SMS usually are (GSM-7 length).

export function decisionNotifications(registration: Registration, createdAt: string): NewNotification[] {
  const decision = registration.decision;
  if (!decision) return [];
  const base = { registrationCode: registration.code, officeCode: registration.officeCode, createdAt };
  const decidedOn = vietnamDisplayDate(decision.decidedAt);

  if (decision.outcome === 'approved') {
    const notifications: NewNotification[] = [];
    if (registration.email) {
      notifications.push({
        ...base,
        channel: 'email',
        to: registration.email,
        template: 'account-approved',
        subject: 'BHXH Việt Nam: tài khoản giao dịch điện tử đã được kích hoạt',
        body:
          `Kính gửi ông/bà ${registration.fullName},\n` +
          `Đăng ký tài khoản giao dịch điện tử với cơ quan BHXH (mã hồ sơ ${registration.code}) ` +
          `đã được phê duyệt ngày ${decidedOn}.\n` +
          `Tên đăng nhập: ${registration.socialInsuranceNumber}\n` +
          'Mật khẩu lần đầu: gửi riêng (dịch vụ tham chiếu không tạo mật khẩu).\n' +
          'Vui lòng đăng nhập ứng dụng VssID và đổi mật khẩu ngay lần đầu sử dụng.',
        reason: null,
      });
    }
    if (registration.phone) {
      notifications.push({
        ...base,
        channel: 'sms',
        to: registration.phone,
        template: 'account-approved',
        subject: null,
        body: stripDiacritics(
          `BHXH: Tài khoản giao dịch điện tử ${registration.socialInsuranceNumber} đã được kích hoạt ` +
            `(hồ sơ ${registration.code}). Đăng nhập VssID và đổi mật khẩu lần đầu.`,
        ),
        reason: null,
      });
    }
    return notifications;
  }

  const reasonText = rejectionReasonLabel(decision.reasonCode);
  const note = decision.note?.trim().replace(/[.。\s]+$/u, '') || null;
  const reason = { code: decision.reasonCode, note: decision.note };
  if (registration.email) {
    return [
      {
        ...base,
        channel: 'email',
        to: registration.email,
        template: '01/TB-GDĐT',
        subject: 'Thông báo về việc từ chối đăng ký giao dịch điện tử (Mẫu 01/TB-GDĐT)',
        body:
          `Kính gửi ông/bà ${registration.fullName},\n` +
          `Cơ quan BHXH thông báo hồ sơ đăng ký giao dịch điện tử mã ${registration.code} ` +
          `không được chấp thuận ngày ${decidedOn}.\n` +
          `Lý do: ${reasonText}${note ? ` (${note})` : ''}.\n` +
          'Ông/bà vui lòng bổ sung, điều chỉnh thông tin và liên hệ lại bộ phận một cửa.',
        reason,
      },
    ];
  }
  if (registration.phone) {
    return [
      {
        ...base,
        channel: 'sms',
        to: registration.phone,
        template: '01/TB-GDĐT',
        subject: null,
        body: stripDiacritics(
          `BHXH: Hồ sơ ${registration.code} không được chấp thuận. Lý do: ${reasonText}. ` +
            'Vui lòng liên hệ bộ phận một cửa.',
        ),
        reason,
      },
    ];
  }
  return [];
}
