// CCCD (2021, 7 fields) and Căn cước (2024, 11 fields) QR payloads, ID-CARDS.md §1–3. The four
// fields Căn cước added are empty on adults' cards; fields 8 and 9 hold the parents' names on
// children's cards, and fields 7 and 10 are kept raw because their meaning is unpublished — a
// card is never rejected because of them.

import { parseCompactDate, yearOf } from './card-dates.ts';
import { parseSexWord } from './card-sex.ts';
import { isDamagedAddress, isDamagedName } from './damaged-scan.ts';
import { dropTrailingSpaces, isDigits, skipSpaces, textTraits, tidyField } from './field-text.ts';
import { cardWarning, failure } from './id-card-codes.ts';
import type { CardWarning, CccdParseSuccess, IdParseFailure } from './id-card-types.ts';
import { checkIdNumber } from './id-number-checks.ts';
import type { PayloadFields } from './payload-fields.ts';

/** A number field without its surrounding spaces, or null when it is not `length` (or `otherLength`) digits. */
function digitField(
  fields: PayloadFields,
  index: number,
  length: number,
  otherLength = length,
): string | null {
  const { text } = fields;
  const first = skipSpaces(text, fields.start(index), fields.end(index));
  const last = dropTrailingSpaces(text, first, fields.end(index));
  const size = last - first;
  return (size === length || size === otherLength) && isDigits(text, first, last)
    ? text.slice(first, last)
    : null;
}

function isBlank(fields: PayloadFields, index: number): boolean {
  return skipSpaces(fields.text, fields.start(index), fields.end(index)) === fields.end(index);
}

function textOrNull(fields: PayloadFields, index: number, traits?: number): string | null {
  const text = tidyField(fields.text, fields.start(index), fields.end(index), traits);
  return text.length === 0 ? null : text;
}

/** Parses a payload already recognised as a CCCD/Căn cước QR. */
export function parseCccd(fields: PayloadFields): CccdParseSuccess | IdParseFailure {
  const { text, count } = fields;
  if (count !== 7 && count !== 11) return failure('bad-field-count');

  const idNumber = digitField(fields, 0, 12);
  if (idNumber === null) return failure('bad-id-number');
  const oldIdNumber = digitField(fields, 1, 9, 12);
  if (oldIdNumber === null && !isBlank(fields, 1)) return failure('bad-old-id-number');
  const nameTraits = textTraits(text, fields.start(2), fields.end(2));
  const fullName = tidyField(text, fields.start(2), fields.end(2), nameTraits);
  if (fullName.length === 0) return failure('missing-name');
  const dateOfBirth = parseCompactDate(text, fields.start(3), fields.end(3));
  if (dateOfBirth === null) return failure('bad-date');
  const sex = parseSexWord(text, fields.start(4), fields.end(4));
  if (sex === null) return failure('bad-sex');
  const addressTraits = textTraits(text, fields.start(5), fields.end(5));
  const address = textOrNull(fields, 5, addressTraits);
  const issueDate = parseCompactDate(text, fields.start(6), fields.end(6));
  if (issueDate === null) return failure('bad-date');

  const isCanCuoc = count === 11;
  const fatherName = isCanCuoc ? textOrNull(fields, 8) : null;
  const motherName = isCanCuoc ? textOrNull(fields, 9) : null;

  const warnings: CardWarning[] = [];
  checkIdNumber(idNumber, sex, yearOf(dateOfBirth), warnings);
  if (
    isDamagedAddress(addressTraits) ||
    isDamagedName(nameTraits, addressTraits) ||
    (fatherName !== null && isDamagedName(textTraits(fatherName), addressTraits)) ||
    (motherName !== null && isDamagedName(textTraits(motherName), addressTraits))
  ) {
    warnings.push(cardWarning('lost-diacritics'));
  }

  return {
    ok: true,
    kind: 'cccd',
    format: isCanCuoc ? 'cancuoc-2024' : 'cccd-2021',
    fields: {
      idNumber,
      oldIdNumber,
      fullName,
      dateOfBirth,
      sex,
      address,
      issueDate,
      fatherName,
      motherName,
      extra: isCanCuoc ? [fields.slice(7).normalize('NFC'), fields.slice(10).normalize('NFC')] : [],
    },
    warnings,
  };
}
