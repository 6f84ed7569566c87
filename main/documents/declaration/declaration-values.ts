// The text each field of the form shows, from the canonical registration: dates as people in a
// BHXH office write them (dd/MM/yyyy, Vietnam time for instants), codes in the page's words, and
// every value the citizen typed passed through the sanitizer. The same function feeds the
// Vietnamese form and the translated summary, so the two can never disagree on a value.
import type { Registration } from '../../core/registration/registration.ts';
import { vietnamDisplayDate, vietnamTimeOfDay } from '../../core/time/vietnam-time.ts';
import type { DeclarationFieldId, DeclarationWords } from './declaration-template-schema.ts';
import { sanitizeFieldText } from './sanitize-field-text.ts';

export interface FieldValue {
  text: string;
  /**
   * "data": written by or about the citizen (names, addresses: Vietnamese, drawn with the
   * Vietnamese font on every page); "words": the page's own words (sex, document type, channel).
   */
  origin: 'data' | 'words';
}

export type DeclarationValues = Record<DeclarationFieldId, FieldValue>;

export interface ValueWording {
  words: DeclarationWords;
  /** "{name} (mã {code})" */
  officeFormat: string;
  /** Printed for a value the registration does not have. */
  empty: string;
}

/** YYYY-MM-DD → dd/MM/yyyy; a calendar date, so no time zone is involved. */
export function displayCalendarDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** An ISO instant as dd/MM/yyyy HH:mm on Vietnam's clock, whatever the PC's time zone. */
export function displayVietnamDateTime(isoTimestamp: string): string {
  return `${vietnamDisplayDate(isoTimestamp)} ${vietnamTimeOfDay(isoTimestamp)}`;
}

/** The office as printed: its name and code, or the code alone when the name is unknown. */
export function displayOffice(office: { code: string; name: string | null }, officeFormat: string): string {
  const code = sanitizeFieldText(office.code);
  const name = office.name === null ? '' : sanitizeFieldText(office.name);
  if (name.length === 0) return code;
  return officeFormat.replaceAll('{name}', name).replaceAll('{code}', code);
}

export function declarationValues(
  registration: Registration,
  office: { code: string; name: string | null },
  wording: ValueWording,
): DeclarationValues {
  const data = (value: string | null | undefined): FieldValue => {
    const text = value === null || value === undefined ? '' : sanitizeFieldText(value);
    return { text: text.length > 0 ? text : wording.empty, origin: 'data' };
  };
  const words = (text: string): FieldValue => ({ text: sanitizeFieldText(text), origin: 'words' });
  const { idDocument, guardian } = registration;
  return {
    fullName: data(registration.fullName),
    dateOfBirth: data(displayCalendarDate(registration.dateOfBirth)),
    sex: words(wording.words.sex[registration.sex]),
    socialInsuranceNumber: data(registration.socialInsuranceNumber),
    idDocumentType: words(wording.words.idDocumentType[idDocument.type]),
    idDocumentNumber: data(idDocument.number),
    idDocumentIssueDate: data(
      idDocument.issueDate === null ? null : displayCalendarDate(idDocument.issueDate),
    ),
    idDocumentIssuePlace: data(idDocument.issuePlace),
    address: data(registration.address),
    phone: data(registration.phone),
    email: data(registration.email),
    guardianFullName: data(guardian?.fullName),
    guardianIdNumber: data(guardian?.idNumber),
    guardianRelationship: data(guardian?.relationship),
    channel: words(wording.words.channel[registration.channel]),
    submittedAt: data(displayVietnamDateTime(registration.submittedAt)),
    registrationCode: data(registration.code),
    office: data(displayOffice(office, wording.officeFormat)),
  };
}
