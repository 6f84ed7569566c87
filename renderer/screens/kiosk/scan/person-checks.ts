import type { BhytFields, CccdFields } from '../../../../main/core/id-card/id-card-types.ts';
import { nameComparisonKey } from '../../../../main/core/text/vietnamese-text.ts';
import { vietnamToday } from '../../../../main/core/time/vietnam-time.ts';

// Who the cards belong to. Names are compared as the officer compares them (case and spaces
// folded, never the diacritics: Hùng and Hưng are two people); a year-only BHYT birth date
// matches on the year.

/** Full years of age on `today` (YYYY-MM-DD), from a YYYY-MM-DD birth date. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [birthYear, birthMonth, birthDay] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}

/** Under 18 today in Vietnam: the registration needs a parent or guardian. */
export function isMinor(dateOfBirth: string, today: string = vietnamToday()): boolean {
  return ageOn(dateOfBirth, today) < 18;
}

/** The health-insurance card belongs to the person on the ID card. */
export function samePerson(idCard: CccdFields, healthCard: BhytFields): boolean {
  const sameName = nameComparisonKey(idCard.fullName) === nameComparisonKey(healthCard.fullName);
  const birth = healthCard.dateOfBirth;
  const sameBirth =
    birth.length === 4 ? idCard.dateOfBirth.startsWith(`${birth}-`) : idCard.dateOfBirth === birth;
  return sameName && sameBirth;
}
