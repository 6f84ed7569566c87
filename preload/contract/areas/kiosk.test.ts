import { describe, expect, it } from 'vitest';
import { kioskSubmissionSample } from '../../../tests/fixtures/kiosk-submission.ts';
import { kioskSubmissionSchema } from './kiosk.ts';

// What the kiosk refuses before anything is stored, whatever the page sent.

const valid = kioskSubmissionSample;

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
