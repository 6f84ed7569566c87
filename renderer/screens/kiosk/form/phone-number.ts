import { vietnameseMobilePattern } from '../../../../preload/contract/areas/kiosk.ts';

// A Vietnamese mobile number as people write it: 0912 345 678, +84 912 345 678, 84912345678,
// with spaces, dots or dashes between the groups. The kiosk stores 0XXXXXXXXX (the contract's
// pattern: 10 digits, mobile prefixes 03/05/07/08/09 since the 2018 renumbering).

export type PhoneProblem = 'empty' | 'not-digits' | 'too-short' | 'too-long' | 'not-mobile';

const separators = /[\s.\-()]/g;

/** The number in the stored form (0XXXXXXXXX) when it can be read as one, else the digits typed. */
export function normalisePhone(typed: string): string {
  const compact = typed.replace(separators, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  // 84 912 345 678: the country code without "+" (11 digits); a 10-digit 08x number stays as it is.
  if (/^84\d{9}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

/** What is wrong with the number typed, or null when it is a Vietnamese mobile number. */
export function phoneProblem(typed: string): PhoneProblem | null {
  const number = normalisePhone(typed);
  if (number === '') return 'empty';
  if (!/^\d+$/.test(number)) return 'not-digits';
  if (number.length < 10) return 'too-short';
  if (number.length > 10) return 'too-long';
  return vietnameseMobilePattern.test(number) ? null : 'not-mobile';
}

/** Enough has been typed to judge the number (the citizen need not leave the field to be told). */
export function phoneLengthReached(typed: string): boolean {
  return normalisePhone(typed).length >= 10;
}
