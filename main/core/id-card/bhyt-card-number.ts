// The BHYT card number (ID-CARDS.md §4–5). Old cards (2015): 15 characters, the beneficiary
// group (2 letters), the benefit level (1 digit, 1–5), the province (2 digits) and the 10-digit
// social-insurance number. New cards (2021): the 10-digit social-insurance number alone. The
// social-insurance number has no published check digit or structure: digits are all we check.

import { dropTrailingSpaces, isDigits, isUpperLetters, skipSpaces } from './field-text.ts';

export interface BhytCardNumber {
  cardNumber: string;
  socialInsuranceNumber: string;
  beneficiaryGroup: string | null;
  benefitLevel: number | null;
  provinceCode: string | null;
}

/** A 15-character (old) card number in `[start, end)`, or null when it lacks that structure. */
export function readOldCardNumber(text: string, start = 0, end: number = text.length): BhytCardNumber | null {
  const first = skipSpaces(text, start, end);
  const last = dropTrailingSpaces(text, first, end);
  if (last - first !== 15 || !isUpperLetters(text, first, first + 2) || !isDigits(text, first + 2, last)) {
    return null;
  }
  const benefitLevel = text.charCodeAt(first + 2) - 48;
  if (benefitLevel < 1 || benefitLevel > 5) return null;
  return {
    cardNumber: text.slice(first, last),
    socialInsuranceNumber: text.slice(first + 5, last),
    beneficiaryGroup: text.slice(first, first + 2),
    benefitLevel,
    provinceCode: text.slice(first + 3, first + 5),
  };
}

/** A 10-digit (new) card number in `[start, end)`, or null. */
export function readNewCardNumber(text: string, start = 0, end: number = text.length): BhytCardNumber | null {
  const first = skipSpaces(text, start, end);
  const last = dropTrailingSpaces(text, first, end);
  if (last - first !== 10 || !isDigits(text, first, last)) return null;
  const number = text.slice(first, last);
  return {
    cardNumber: number,
    socialInsuranceNumber: number,
    beneficiaryGroup: null,
    benefitLevel: null,
    provinceCode: null,
  };
}

// Labels of the beneficiary groups ID-CARDS.md names; other valid groups exist and stay unlabelled.
const beneficiaryGroupLabels: Readonly<Record<string, string>> = {
  DN: 'Người lao động trong doanh nghiệp',
  HC: 'Cán bộ, công chức, viên chức',
  HT: 'Người hưởng lương hưu',
  TE: 'Trẻ em dưới 6 tuổi',
  GD: 'Hộ gia đình',
  HS: 'Học sinh',
  SV: 'Sinh viên',
};

/** The Vietnamese label of a beneficiary group code, or null when this code has none here. */
export function beneficiaryGroupLabel(code: string): string | null {
  return Object.hasOwn(beneficiaryGroupLabels, code) ? (beneficiaryGroupLabels[code] as string) : null;
}
