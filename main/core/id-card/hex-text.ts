// BHYT cards store name, address, issuer (and sometimes the guardian) as hex-encoded UTF-8. A
// keyboard-wedge scanner cannot damage hex (it is ASCII), so hex that does not decode means the
// field was not hex in the first place, or the scan was cut: never guess, report it.
//
// Decoding hex and UTF-8 by hand into preallocated buffers is the hottest loop of a BHYT parse and
// is measurably faster than TextDecoder on such short fields. The decoder is as strict as
// `new TextDecoder('utf-8', { fatal: true })`; its test compares the two.

import { tidyText } from '../text/vietnamese-text.ts';
import { characterTraits, nonAscii, untidy } from './field-text.ts';

// Nibble value per ASCII code, -1 where the character is not a hex digit (upper or lower case).
const nibbles = new Int8Array(128).fill(-1);
for (let code = 48; code <= 57; code += 1) nibbles[code] = code - 48;
for (let code = 65; code <= 70; code += 1) nibbles[code] = code - 55;
for (let code = 97; code <= 102; code += 1) nibbles[code] = code - 87;

// Payloads are at most 4 KB, so a field holds at most 2 KB: one buffer serves every call (parsing
// is synchronous, nothing else can run between filling and reading it).
const bytes = new Uint8Array(2048);

/** True when `[start, end)` is non-empty, of even length and only hex digits. */
export function isEvenLengthHex(text: string, start = 0, end: number = text.length): boolean {
  if (start >= end || (end - start) % 2 !== 0) return false;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 127 || (nibbles[code] as number) < 0) return false;
  }
  return true;
}

/** Fills `bytes` from the hex digits of `[start, end)`; the byte count, or -1 when it is not hex. */
function hexToBytes(text: string, start: number, end: number): number {
  const count = (end - start) >>> 1;
  if (start >= end || (end - start) % 2 !== 0 || count > bytes.length) return -1;
  for (let index = 0, digit = start; index < count; index += 1, digit += 2) {
    const highCode = text.charCodeAt(digit);
    const lowCode = text.charCodeAt(digit + 1);
    if ((highCode | lowCode) > 127) return -1;
    const high = nibbles[highCode] as number;
    const low = nibbles[lowCode] as number;
    if ((high | low) < 0) return -1;
    bytes[index] = (high << 4) | low;
  }
  return count;
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

// Where `utf8ToUnits` leaves the traits of what it decoded (see field-text.ts).
let unitTraits = 0;

/**
 * Decodes `bytes[0, count)` as UTF-8 into UTF-16 code units, or null when invalid, collecting the
 * text's traits on the way (so the decoded text is not read again). The units go to a fresh plain
 * array, not a reused typed array: `String.fromCharCode.apply` is more than twice as fast on it.
 */
function utf8ToUnits(count: number): number[] | null {
  const units = new Array<number>(count);
  let unitCount = 0;
  let traits = 0;
  let previousWasSpace = true;
  let index = 0;
  while (index < count) {
    const lead = bytes[index] as number;
    let code: number;
    if (lead < 0x80) {
      if (lead < 0x20 || lead === 0x7f) return null;
      code = lead;
      index += 1;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      const second = index + 1 < count ? (bytes[index + 1] as number) : 0;
      if (!isContinuation(second)) return null;
      code = ((lead & 0x1f) << 6) | (second & 0x3f);
      index += 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      const second = index + 2 < count ? (bytes[index + 1] as number) : 0;
      const third = index + 2 < count ? (bytes[index + 2] as number) : 0;
      if (!isContinuation(second) || !isContinuation(third)) return null;
      code = ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
      // Overlong forms and UTF-16 surrogates are not UTF-8.
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return null;
      index += 3;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      if (index + 3 >= count) return null;
      const second = bytes[index + 1] as number;
      const third = bytes[index + 2] as number;
      const fourth = bytes[index + 3] as number;
      if (!isContinuation(second) || !isContinuation(third) || !isContinuation(fourth)) return null;
      const codePoint =
        ((lead & 0x07) << 18) | ((second & 0x3f) << 12) | ((third & 0x3f) << 6) | (fourth & 0x3f);
      if (codePoint < 0x10000 || codePoint > 0x10ffff) return null;
      units[unitCount++] = 0xd800 | ((codePoint - 0x10000) >> 10);
      units[unitCount++] = 0xdc00 | ((codePoint - 0x10000) & 0x3ff);
      traits |= untidy | nonAscii; // outside the characters known to be NFC
      previousWasSpace = false;
      index += 4;
      continue;
    } else {
      return null;
    }
    units[unitCount++] = code;
    if (code === 32) {
      if (previousWasSpace) traits |= untidy;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
      traits |= characterTraits(code);
    }
  }
  units.length = unitCount;
  unitTraits = previousWasSpace && unitCount > 0 ? traits | untidy : traits;
  return units;
}

/** Where `decodeHexText` reports the `textTraits` of what it decoded, to spare a second pass. */
export interface DecodedTraits {
  traits: number;
}

/**
 * Hex-encoded UTF-8 in `[start, end)` → tidy NFC text, or null when the field is not even-length
 * hex, is not valid UTF-8 (overlong forms, surrogates and truncated sequences included), or holds
 * control characters (then it was not text).
 */
export function decodeHexText(
  text: string,
  start = 0,
  end: number = text.length,
  decoded?: DecodedTraits,
): string | null {
  const byteCount = hexToBytes(text, start, end);
  if (byteCount < 0) return null;
  const units = utf8ToUnits(byteCount);
  if (units === null) return null;
  if (decoded !== undefined) decoded.traits = unitTraits;
  const value = String.fromCharCode.apply(null, units);
  return (unitTraits & untidy) === 0 ? value : tidyText(value);
}
