import { describe, expect, it } from 'vitest';
import { registrationSchema } from './registration.ts';

// The example straight from ../shared/domain/REGISTRATION.md must be accepted as is.
const documented = {
  code: 'DK-07921-2026-000123',
  socialInsuranceNumber: '7912345678',
  fullName: 'Trịnh Quang Vĩnh',
  dateOfBirth: '1992-04-17',
  sex: 'male',
  idDocument: {
    type: 'cccd',
    number: '079092004321',
    issueDate: '2021-08-09',
    issuePlace: 'Cục Cảnh sát QLHC về TTXH',
  },
  address: 'Số 45 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh',
  phone: '0903123456',
  email: 'vinh.trinh@example.vn',
  officeCode: '07921',
  channel: 'portal',
  submittedAt: '2026-11-20T08:15:00Z',
  guardian: null,
  status: 'pending',
  decision: null,
};

describe('registration schema', () => {
  it('accepts the documented canonical example', () => {
    expect(registrationSchema.parse(documented)).toEqual(documented);
  });

  it('rejects a social-insurance number that is not 10 digits', () => {
    expect(registrationSchema.safeParse({ ...documented, socialInsuranceNumber: '79123456' }).success).toBe(
      false,
    );
  });

  it('rejects an unknown status', () => {
    expect(registrationSchema.safeParse({ ...documented, status: 'done' }).success).toBe(false);
  });
});
