// Health-insurance card (BHYT) QR payloads, ID-CARDS.md §4. Every field has a fixed index, so
// empty fields count. The format is chosen by the number of fields once the terminator (`$`, `#`,
// or none) is set aside: 14 old card, 16 new card, 9 or 8 the short forms (8 = without address).

import { isNoValue, parseBirthDate, parseSlashDate } from './card-dates.ts';
import { parseSexDigit } from './card-sex.ts';
import { isDamagedAddress, isDamagedName } from './damaged-scan.ts';
import { endsWithTerminator } from './detect-payload-kind.ts';
import { readBenefitLevel, readFacility, readManagementCode, readResidenceArea } from './bhyt-fields.ts';
import { readNewCardNumber, readOldCardNumber } from './bhyt-card-number.ts';
import { dropTrailingSpaces, skipSpaces, textTraits, tidyField } from './field-text.ts';
import { decodeHexText, isEvenLengthHex } from './hex-text.ts';
import type { DecodedTraits } from './hex-text.ts';
import { cardWarning, failure } from './id-card-codes.ts';
import type { BhytFormat, BhytParseSuccess, CardWarning, IdParseFailure } from './id-card-types.ts';
import type { PayloadFields } from './payload-fields.ts';

const formatByFieldCount: Readonly<Record<number, BhytFormat>> = {
  8: 'bhyt-short',
  9: 'bhyt-short',
  14: 'bhyt-2015',
  16: 'bhyt-2021',
};

// The text traits of the last hex field read (see damaged-scan.ts), one reused holder per module.
const decoded: DecodedTraits = { traits: 0 };

/** A hex UTF-8 field: `null` for no value, `undefined` when it is not hex text. */
function readHexText(fields: PayloadFields, index: number): string | null | undefined {
  const { text } = fields;
  const first = skipSpaces(text, fields.start(index), fields.end(index));
  const last = dropTrailingSpaces(text, first, fields.end(index));
  decoded.traits = 0;
  if (isNoValue(text, first, last)) return null;
  return decodeHexText(text, first, last, decoded) ?? undefined;
}

/** `null` for no value, `undefined` when malformed. */
function readDate(fields: PayloadFields, index: number): string | null | undefined {
  const { text } = fields;
  if (isNoValue(text, fields.start(index), fields.end(index))) return null;
  return parseSlashDate(text, fields.start(index), fields.end(index)) ?? undefined;
}

// Seen as plain text (often damaged by a wedge scanner) and, in one parser, as hex: decode only
// what is unambiguously hex text, keep anything else as read.
function readGuardian(fields: PayloadFields, index: number): string | null {
  const { text } = fields;
  const first = skipSpaces(text, fields.start(index), fields.end(index));
  const last = dropTrailingSpaces(text, first, fields.end(index));
  if (isNoValue(text, first, last)) return null;
  const fromHex = isEvenLengthHex(text, first, last) ? decodeHexText(text, first, last) : null;
  return fromHex ?? (tidyField(text, first, last) || null);
}

/** Parses a payload already recognised as a BHYT QR; `today` (YYYY-MM-DD) dates the validity. */
export function parseBhyt(fields: PayloadFields, today: string): BhytParseSuccess | IdParseFailure {
  const { text } = fields;
  const fieldCount = endsWithTerminator(fields) ? fields.count - 1 : fields.count;
  const format = formatByFieldCount[fieldCount];
  if (format === undefined) return failure('bad-field-count');

  const numberStart = fields.start(0);
  const numberEnd = fields.end(0);
  const number =
    format === 'bhyt-2015'
      ? readOldCardNumber(text, numberStart, numberEnd)
      : format === 'bhyt-2021'
        ? readNewCardNumber(text, numberStart, numberEnd)
        : (readOldCardNumber(text, numberStart, numberEnd) ??
          readNewCardNumber(text, numberStart, numberEnd));
  if (number === null) return failure('bad-card-number');

  const fullName = readHexText(fields, 1);
  if (fullName === undefined) return failure('bad-hex');
  if (fullName === null || fullName.length === 0) return failure('missing-name');
  const nameTraits = decoded.traits;
  const dateOfBirth = parseBirthDate(text, fields.start(2), fields.end(2));
  if (dateOfBirth === null) return failure('bad-date');
  const sex = parseSexDigit(text, fields.start(3), fields.end(3));
  if (sex === null) return failure('bad-sex');

  // The 8-field short form has no address: every later field sits one place earlier.
  const hasAddress = fieldCount !== 8;
  const shift = hasAddress ? 0 : -1;
  const address = hasAddress ? readHexText(fields, 4) : null;
  if (address === undefined) return failure('bad-hex');
  const addressTraits = hasAddress ? decoded.traits : 0;
  const facility = readFacility(text, fields.start(5 + shift), fields.end(5 + shift));
  if (facility === undefined) return failure('bad-facility');
  const validFrom = readDate(fields, 6 + shift);
  const validTo = readDate(fields, 7 + shift);
  const issueDate = readDate(fields, 8 + shift);
  if (validFrom === undefined || validTo === undefined || issueDate === undefined) return failure('bad-date');

  const long = fieldCount >= 14;
  const managementCode = long ? readManagementCode(text, fields.start(9), fields.end(9)) : null;
  if (managementCode === undefined) return failure('bad-management-code');
  const guardian = long ? readGuardian(fields, 10) : null;
  const residenceArea = long ? readResidenceArea(text, fields.start(11), fields.end(11)) : null;
  if (residenceArea === undefined) return failure('bad-residence-area');
  const fiveYearDate = long ? readDate(fields, 12) : null;
  if (fiveYearDate === undefined) return failure('bad-date');
  const checkString =
    long && !isNoValue(text, fields.start(13), fields.end(13)) ? fields.slice(13).trim() : null;

  const isNew = fieldCount === 16;
  const benefitLevel = isNew ? readBenefitLevel(text, fields.start(14), fields.end(14)) : number.benefitLevel;
  if (benefitLevel === undefined) return failure('bad-benefit-level');
  const issuer = isNew ? readHexText(fields, 15) : null;
  if (issuer === undefined) return failure('bad-hex');

  const warnings: CardWarning[] = [];
  if (managementCode !== null && !managementCode.endsWith(number.socialInsuranceNumber)) {
    warnings.push(cardWarning('management-code-mismatch'));
  }
  if (
    isDamagedAddress(addressTraits) ||
    isDamagedName(nameTraits, addressTraits) ||
    (guardian !== null && isDamagedName(textTraits(guardian), addressTraits))
  ) {
    warnings.push(cardWarning('lost-diacritics'));
  }
  if (validTo !== null && validTo < today) warnings.push(cardWarning('card-expired'));
  if (validFrom !== null && validFrom > today) warnings.push(cardWarning('card-not-yet-valid'));

  return {
    ok: true,
    kind: 'bhyt',
    format,
    fields: {
      cardNumber: number.cardNumber,
      socialInsuranceNumber: number.socialInsuranceNumber,
      beneficiaryGroup: number.beneficiaryGroup,
      benefitLevel,
      provinceCode: number.provinceCode,
      fullName,
      dateOfBirth,
      sex,
      address,
      facility,
      validFrom,
      validTo,
      issueDate,
      managementCode,
      guardian,
      residenceArea,
      fiveYearDate,
      checkString,
      issuer,
    },
    warnings,
  };
}
