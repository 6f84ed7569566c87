import { describe, expect, it } from 'vitest';
import { kioskSubmissionSchema } from './kiosk.ts';

// What the kiosk refuses before anything is stored, whatever the page sent.

const valid = {
  submissionId: '6f1c2a4e-8b1d-4c7e-9a3f-2b5d7e9f1a3c',
  language: 'vi',
  socialInsuranceNumber: '7912345678',
  fullName: 'Lê Thị Hoa',
  dateOfBirth: '1990-05-01',
  sex: 'female',
  idDocument: { type: 'cccd', number: '079190001234', issueDate: '2021-08-09', issuePlace: null },
  address: 'Số 1 Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh',
  phone: '0912345678',
  email: null,
  officeCode: '07921',
  guardian: null,
  sendDeclarationCopy: false,
  consent: true,
};

const issues = (value: unknown) => {
  const parsed = kioskSubmissionSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('a kiosk submission', () => {
  it('accepts a complete adult form', () => {
    expect(issues(valid)).toEqual([]);
  });

  it.each([
    ['a date that does not exist', { dateOfBirth: '1990-02-31' }, 'dateOfBirth'],
    ['a birth date in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    ['an empty address', { address: '   ' }, 'address'],
    ['a landline', { phone: '0283829000' }, 'phone'],
    ['no consent', { consent: false }, 'consent'],
    ['a copy by e-mail without an e-mail', { sendDeclarationCopy: true }, 'email'],
    ['a child without a guardian', { dateOfBirth: '2019-11-28' }, 'guardian'],
    ['a field the contract does not know', { note: 'x' }, ''],
  ])('refuses %s', (_label, change, path) => {
    expect(issues({ ...valid, ...change })).toContain(path);
  });

  it('accepts a child with a guardian', () => {
    const child = {
      ...valid,
      dateOfBirth: '2019-11-28',
      guardian: { fullName: 'Lê Văn Nam', idNumber: '079080001234', relationship: 'Cha' },
    };
    expect(issues(child)).toEqual([]);
  });
});
