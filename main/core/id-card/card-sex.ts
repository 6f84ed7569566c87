// Sex as the two card families write it: CCCD prints the words `Nam`/`Nữ` (some scanners
// upper-case them, some deliver NFD), BHYT writes `1`/`2`.

import { dropTrailingSpaces, rangeEquals, skipSpaces } from './field-text.ts';
import type { Sex } from './id-card-types.ts';

/** `Nam` → male, `Nữ` → female, in any case, NFC or NFD, with surrounding spaces; else null. */
export function parseSexWord(text: string, start = 0, end: number = text.length): Sex | null {
  const first = skipSpaces(text, start, end);
  const last = dropTrailingSpaces(text, first, end);
  if (rangeEquals(text, first, last, 'Nam')) return 'male';
  if (rangeEquals(text, first, last, 'Nữ')) return 'female';
  // The word is at most 4 characters even in NFD: never normalise a long hostile field.
  if (last - first > 4) return null;
  const word = text.slice(first, last).normalize('NFC').toLowerCase();
  if (word === 'nam') return 'male';
  if (word === 'nữ') return 'female';
  return null;
}

/** `1` → male, `2` → female (surrounding spaces allowed); else null. */
export function parseSexDigit(text: string, start = 0, end: number = text.length): Sex | null {
  const first = skipSpaces(text, start, end);
  if (dropTrailingSpaces(text, first, end) - first !== 1) return null;
  const digit = text.charCodeAt(first);
  return digit === 49 ? 'male' : digit === 50 ? 'female' : null;
}
