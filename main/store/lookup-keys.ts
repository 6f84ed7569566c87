import { nameSearchKey } from '../core/text/vietnamese-text.ts';

// The exact forms the searchable columns are stored in, and that queries are folded to before they
// reach SQL. Keep both sides going through these functions, or an index lookup silently misses.

/** ID document numbers: no spaces, upper case (passport numbers carry letters). */
export function idNumberKey(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}

/** Vietnamese mobile numbers: digits only, the +84 / 84 country prefix written as a leading 0. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

export { nameSearchKey };

/**
 * The smallest string greater than every string that starts with `prefix` (by SQLite's BINARY
 * collation, i.e. UTF-8 byte order, which is code point order): `key >= prefix AND key < upper`
 * is a prefix search the name index answers as a range. Null when no such bound exists.
 */
export function prefixUpperBound(prefix: string): string | null {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = (codePoints.pop() as string).codePointAt(0) as number;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // no surrogate code points in UTF-8
    if (next <= 0x10ffff) return codePoints.join('') + String.fromCodePoint(next);
  }
  return null;
}
