// Which card a payload comes from, judged by the shape of several fields together — never by one
// character (a leading letter, a `$`), because damaged scans and other QR codes share any single
// trait with a card. Each family scores one point per trait it shows; a family needs two points
// and more than the other family to be chosen. Counts are checked again by the parsers: a payload
// with the traits of a card but the wrong number of fields is a `bad-field-count`, not "unknown".

import { parseBirthDate } from './card-dates.ts';
import { parseSexDigit, parseSexWord } from './card-sex.ts';
import { dropTrailingSpaces, isDigits, isUpperLetters, skipSpaces } from './field-text.ts';
import type { PayloadFields } from './payload-fields.ts';

export type PayloadKind = 'cccd' | 'bhyt';

/** True when the last field is a BHYT terminator (`$` on real cards, `#` seen in a test string). */
export function endsWithTerminator(fields: PayloadFields): boolean {
  const { text } = fields;
  const last = fields.count - 1;
  const first = skipSpaces(text, fields.start(last), fields.end(last));
  if (dropTrailingSpaces(text, first, fields.end(last)) - first !== 1) return false;
  const code = text.charCodeAt(first);
  return code === 36 || code === 35;
}

function isDigitField(fields: PayloadFields, index: number, minLength: number, maxLength: number): boolean {
  const { text } = fields;
  const first = skipSpaces(text, fields.start(index), fields.end(index));
  const last = dropTrailingSpaces(text, first, fields.end(index));
  return last - first >= minLength && last - first <= maxLength && isDigits(text, first, last);
}

function cccdScore(fields: PayloadFields, terminated: boolean): number {
  const { text, count } = fields;
  let score = 0;
  if (!terminated && (count === 7 || count === 11)) score += 1;
  if (isDigitField(fields, 0, 6, 15)) score += 1;
  if (count > 3 && isDigitField(fields, 3, 8, 8)) score += 1;
  if (count > 4 && parseSexWord(text, fields.start(4), fields.end(4)) !== null) score += 1;
  if (count > 6 && isDigitField(fields, 6, 8, 8)) score += 1;
  return score;
}

function looksLikeCardNumber(fields: PayloadFields): boolean {
  const { text } = fields;
  const first = skipSpaces(text, fields.start(0), fields.end(0));
  const length = dropTrailingSpaces(text, first, fields.end(0)) - first;
  return isDigitField(fields, 0, 10, 10) || (length === 15 && isUpperLetters(text, first, first + 2));
}

function bhytScore(fields: PayloadFields, terminated: boolean): number {
  const { text } = fields;
  const count = terminated ? fields.count - 1 : fields.count;
  let score = 0;
  if (terminated) score += 1;
  if (count === 8 || count === 9 || count === 14 || count === 16) score += 1;
  if (looksLikeCardNumber(fields)) score += 1;
  if (count > 2 && parseBirthDate(text, fields.start(2), fields.end(2)) !== null) score += 1;
  if (count > 3 && parseSexDigit(text, fields.start(3), fields.end(3)) !== null) score += 1;
  return score;
}

/** The card family the payload looks like, or null. */
export function detectPayloadKind(fields: PayloadFields): PayloadKind | null {
  const terminated = endsWithTerminator(fields);
  const cccd = cccdScore(fields, terminated);
  const bhyt = bhytScore(fields, terminated);
  if (cccd >= 2 && cccd > bhyt) return 'cccd';
  if (bhyt >= 2 && bhyt > cccd) return 'bhyt';
  return null;
}
