import { isMinor } from '../scan/person-checks.ts';
import type { KioskVisit } from '../visit/visit-state.ts';
import { emailIsValid, tidyEmail } from './email-address.ts';
import { phoneProblem, type PhoneProblem } from './phone-number.ts';

// What still keeps the form from being sent, field by field, in the order the form shows them.
// The screen says each one next to its field and next to the disabled "next" button, so a citizen
// never faces a button that does nothing without knowing why.

export type FormProblem =
  | { field: 'guardian'; problem: 'guardian-card-missing' }
  | { field: 'guardian.relationship'; problem: 'relationship-missing' }
  | { field: 'socialInsuranceNumber'; problem: 'number-missing' | 'number-invalid' }
  | { field: 'address'; problem: 'address-missing' }
  | { field: 'phone'; problem: PhoneProblem }
  | { field: 'email'; problem: 'email-invalid' }
  | { field: 'officeCode'; problem: 'office-missing' };

export const socialInsuranceNumberPattern = /^\d{10}$/;

/** The person on the ID card is a child: a parent or guardian registers with them. */
export function needsGuardian(visit: KioskVisit): boolean {
  return visit.idCard !== null && isMinor(visit.idCard.fields.dateOfBirth);
}

export function formProblems(visit: KioskVisit): FormProblem[] {
  const form = visit.form;
  const problems: FormProblem[] = [];
  if (needsGuardian(visit)) {
    if (!visit.guardianCard) problems.push({ field: 'guardian', problem: 'guardian-card-missing' });
    if (!form.relationship)
      problems.push({ field: 'guardian.relationship', problem: 'relationship-missing' });
  }
  if (!visit.healthCard) {
    const number = form.socialInsuranceNumber.trim();
    if (number === '') problems.push({ field: 'socialInsuranceNumber', problem: 'number-missing' });
    else if (!socialInsuranceNumberPattern.test(number))
      problems.push({ field: 'socialInsuranceNumber', problem: 'number-invalid' });
  }
  if (form.address.trim() === '') problems.push({ field: 'address', problem: 'address-missing' });
  const phone = phoneProblem(form.phone);
  if (phone) problems.push({ field: 'phone', problem: phone });
  if (tidyEmail(form.email) !== null && !emailIsValid(form.email))
    problems.push({ field: 'email', problem: 'email-invalid' });
  if (!form.officeCode) problems.push({ field: 'officeCode', problem: 'office-missing' });
  return problems;
}
