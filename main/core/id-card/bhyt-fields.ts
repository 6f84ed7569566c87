// The small coded fields of a BHYT QR (ID-CARDS.md §4), read from `[start, end)` of the payload.
// Each reader returns `undefined` when the field is malformed, so the caller can tell "no value"
// (null, written `-` on the card) from "broken" and report the right error code.

import { isNoValue } from './card-dates.ts';
import { dropTrailingSpaces, isAlphanumeric, isDigits, skipSpaces } from './field-text.ts';
import type { Facility, ResidenceArea } from './id-card-types.ts';

const hyphen = 45;
const enDash = 0x2013;

/** `PP - CCC`: 2-digit province, facility code (an en dash has been seen instead of `-`). */
export function readFacility(
  text: string,
  start = 0,
  end: number = text.length,
): Facility | null | undefined {
  if (isNoValue(text, start, end)) return null;
  let dash = start;
  while (dash < end && text.charCodeAt(dash) !== hyphen && text.charCodeAt(dash) !== enDash) dash += 1;
  if (dash === end) return undefined;
  const provinceStart = skipSpaces(text, start, dash);
  const provinceEnd = dropTrailingSpaces(text, provinceStart, dash);
  const codeStart = skipSpaces(text, dash + 1, end);
  const codeEnd = dropTrailingSpaces(text, codeStart, end);
  if (provinceEnd - provinceStart !== 2 || !isDigits(text, provinceStart, provinceEnd)) return undefined;
  if (codeEnd - codeStart > 10 || !isAlphanumeric(text, codeStart, codeEnd)) return undefined;
  return { province: text.slice(provinceStart, provinceEnd), code: text.slice(codeStart, codeEnd) };
}

const residenceAreas: readonly (ResidenceArea | null | undefined)[] = [null, 'K1', 'K2', 'K3'];

/** `4` none, `5` K1, `6` K2, `7` K3. */
export function readResidenceArea(
  text: string,
  start = 0,
  end: number = text.length,
): ResidenceArea | null | undefined {
  if (isNoValue(text, start, end)) return null;
  const first = skipSpaces(text, start, end);
  if (dropTrailingSpaces(text, first, end) - first !== 1) return undefined;
  return residenceAreas[text.charCodeAt(first) - 52];
}

/** One digit, 1–5 (new cards print it in a field of its own). */
export function readBenefitLevel(
  text: string,
  start = 0,
  end: number = text.length,
): number | null | undefined {
  if (isNoValue(text, start, end)) return null;
  const first = skipSpaces(text, start, end);
  if (dropTrailingSpaces(text, first, end) - first !== 1) return undefined;
  const level = text.charCodeAt(first) - 48;
  return level >= 1 && level <= 5 ? level : undefined;
}

/** 2-digit province + 2-digit office + 10-digit social-insurance number. */
export function readManagementCode(
  text: string,
  start = 0,
  end: number = text.length,
): string | null | undefined {
  if (isNoValue(text, start, end)) return null;
  const first = skipSpaces(text, start, end);
  const last = dropTrailingSpaces(text, first, end);
  return last - first === 14 && isDigits(text, first, last) ? text.slice(first, last) : undefined;
}
