// Character tests shared by the card parsers. They work on a range of the payload (`start`
// inclusive, `end` exclusive) instead of on substrings: reading the payload itself is about twice
// as fast as reading the sliced strings `split` makes, and nothing is allocated. Loops over
// character codes, no regular expressions: nothing can backtrack on hostile input.

import { tidyText } from '../text/vietnamese-text.ts';

const space = 32;

/** The first index of `[start, end)` that is not an ASCII space (`end` when there is none). */
export function skipSpaces(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === space) start += 1;
  return start;
}

/** The end of `[start, end)` once trailing ASCII spaces are dropped. */
export function dropTrailingSpaces(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === space) end -= 1;
  return end;
}

/** True when `[start, end)` is non-empty and only ASCII digits. */
export function isDigits(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** True when `[start, end)` is only ASCII upper-case letters. */
export function isUpperLetters(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 65 || code > 90) return false;
  }
  return true;
}

/** True when `[start, end)` is non-empty and only ASCII letters and digits. */
export function isAlphanumeric(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    const letter = code | 32;
    if (!((code >= 48 && code <= 57) || (letter >= 97 && letter <= 122))) return false;
  }
  return true;
}

/** True when `[start, end)` is exactly `expected`. */
export function rangeEquals(text: string, start: number, end: number, expected: string): boolean {
  return end - start === expected.length && text.startsWith(expected, start);
}

/** Traits `textTraits` reports, as bits. */
export const untidy = 1;
/** A `?` or U+FFFD where a character was. */
export const lostCharacter = 2;
/** Any character outside ASCII (on Vietnamese text: a diacritic survived). */
export const nonAscii = 4;
/** At least one ASCII letter. */
export const asciiLetter = 8;

function isTidyCharacter(code: number): boolean {
  // Printable Latin up to the combining marks, and Latin Extended Additional (the precomposed
  // Vietnamese letters ạ…ỹ): text made only of these has no combining mark, so it is already NFC.
  // U+00A0 (no-break space) is whitespace to tidyText, so it is untidy.
  return (code > 32 && code < 0x300 && code !== 0xa0) || (code >= 0x1e00 && code <= 0x1eff);
}

/** The traits of one character other than a space (spaces depend on their neighbours). */
export function characterTraits(code: number): number {
  const tidy = isTidyCharacter(code) ? 0 : untidy;
  if (code > 127) return tidy | (code === 0xfffd ? lostCharacter | nonAscii : nonAscii);
  if (code === 63) return tidy | lostCharacter;
  return (code | 32) >= 97 && (code | 32) <= 122 ? tidy | asciiLetter : tidy;
}

/**
 * What one pass over `[start, end)` tells: whether `tidyText` would change it (`untidy`), and the
 * traits the damaged-scan check needs. One pass, because this runs over every name and address.
 * (hex-text.ts collects the same traits while it decodes, with the same space rule.)
 */
export function textTraits(text: string, start = 0, end: number = text.length): number {
  let traits = 0;
  let previousWasSpace = true; // so that a leading space is untidy
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === space) {
      if (previousWasSpace) traits |= untidy;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
      traits |= characterTraits(code);
    }
  }
  return previousWasSpace && start < end ? traits | untidy : traits;
}

/**
 * `tidyText` of `[start, end)` (NFC, whitespace collapsed, trimmed). Nearly every real field is
 * already tidy, and then it is only sliced: normalising was the largest cost of a parse.
 */
export function tidyField(
  text: string,
  start = 0,
  end: number = text.length,
  traits: number = textTraits(text, start, end),
): string {
  const field = start === 0 && end === text.length ? text : text.slice(start, end);
  return (traits & untidy) === 0 ? field : tidyText(field);
}
