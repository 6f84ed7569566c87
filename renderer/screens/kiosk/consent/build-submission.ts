import { tidyText } from '../../../../main/core/text/vietnamese-text.ts';
import type { KioskLanguage, KioskSubmission } from '../../../../preload/contract/areas/kiosk.ts';
import { tidyEmail } from '../form/email-address.ts';
import { formProblems, needsGuardian } from '../form/form-problems.ts';
import { normalisePhone } from '../form/phone-number.ts';
import type { KioskVisit } from '../visit/visit-state.ts';

/**
 * The visit as `kiosk.submit` takes it, or null while something is missing (the form does not let
 * the citizen come this far then). Names, dates and numbers come from the cards, never typed.
 */
export function buildSubmission(visit: KioskVisit, language: KioskLanguage): KioskSubmission | null {
  const idCard = visit.idCard?.fields;
  const form = visit.form;
  if (!idCard || !form.officeCode || !form.consent || formProblems(visit).length > 0) return null;
  const guardianCard = visit.guardianCard?.fields;
  const guardian =
    needsGuardian(visit) && guardianCard && form.relationship
      ? { fullName: guardianCard.fullName, idNumber: guardianCard.idNumber, relationship: form.relationship }
      : null;
  const email = tidyEmail(form.email);
  return {
    submissionId: form.submissionId,
    language,
    socialInsuranceNumber:
      visit.healthCard?.fields.socialInsuranceNumber ?? form.socialInsuranceNumber.trim(),
    fullName: idCard.fullName,
    dateOfBirth: idCard.dateOfBirth,
    sex: idCard.sex,
    // The card's QR carries no issuing authority: the officer's copy of the card shows it.
    idDocument: { type: 'cccd', number: idCard.idNumber, issueDate: idCard.issueDate, issuePlace: null },
    address: tidyText(form.address),
    phone: normalisePhone(form.phone),
    email,
    officeCode: form.officeCode,
    guardian,
    sendDeclarationCopy: email !== null && form.sendDeclarationCopy,
    consent: true,
  };
}
