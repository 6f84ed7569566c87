// Cross-checks of the 12-digit ID number (ID-CARDS.md §3). The number has no check digit, so these
// are all the checks there are. A disagreement is a warning for the officer, not a rejection:
// cards with data errors exist, and province codes may change after the 2025 merger.

import provinces from '../../../resources/domain/provinces.json' with { type: 'json' };
import { cardWarning } from './id-card-codes.ts';
import type { CardWarning, Sex } from './id-card-types.ts';

const provinceCodes: ReadonlySet<string> = new Set(Object.keys(provinces.codes));

/** True when the 3-digit code is in resources/domain/provinces.json. */
export function isKnownProvince(code: string): boolean {
  return provinceCodes.has(code);
}

/**
 * Appends the warnings for `idNumber` (already known to be 12 digits) against the sex and birth
 * year printed on the same card. Digit 4: even = male, odd = female; 0/1 = 1900s, 2/3 = 2000s …
 */
export function checkIdNumber(idNumber: string, sex: Sex, birthYear: number, warnings: CardWarning[]): void {
  const centuryAndSex = idNumber.charCodeAt(3) - 48;
  if ((centuryAndSex % 2 === 0 ? 'male' : 'female') !== sex) warnings.push(cardWarning('id-sex-mismatch'));
  if (1900 + 100 * Math.floor(centuryAndSex / 2) !== birthYear - (birthYear % 100)) {
    warnings.push(cardWarning('id-century-mismatch'));
  }
  const yearDigits = (idNumber.charCodeAt(4) - 48) * 10 + (idNumber.charCodeAt(5) - 48);
  if (yearDigits !== birthYear % 100) warnings.push(cardWarning('id-year-mismatch'));
  if (!provinceCodes.has(idNumber.slice(0, 3))) warnings.push(cardWarning('unknown-province'));
}
