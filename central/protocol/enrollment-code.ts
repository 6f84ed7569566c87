// One-time enrollment codes as people type them (docs/sync-protocol.md §4). Shared by the central
// (which makes them) and the desktop (which checks a typed code before sending it), so no Node
// imports here.
//
// A code is Crockford base32: no I, L, O or U, so a code read aloud or copied from paper is
// unambiguous, and when typed O reads as 0, I and L as 1; case, spaces and dashes do not matter.
// Codes made since issue #12 have 12 random characters (60 bits) and a 13th, a check character
// (Luhn mod 32), printed as `7K3M-Q9TX-2HBD-R`: a wrong or missing character, or two neighbours
// swapped (all but 0 and Z), is caught on the PC before any request. Codes from before have 12 characters and no
// check character; they still work (the central alone can tell whether one exists), and since a
// code lives 24 hours they are gone a day after the central is upgraded.

export const enrollmentCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random characters of a code; a checked code has one more. */
export const enrollmentCodeRandomLength = 12;

/** Case, spaces and dashes do not matter; O reads as 0 and I/L as 1, as Crockford intends. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Luhn mod 32 of `characters` (all from the alphabet): detects every single wrong character and
 * every swap of two different neighbours except 0 ↔ Z (whose doubled values fold to the same sum).
 */
export function enrollmentCheckCharacter(characters: string): string {
  const base = enrollmentCodeAlphabet.length;
  let sum = 0;
  let factor = 2;
  for (let index = characters.length - 1; index >= 0; index -= 1) {
    const addend = factor * enrollmentCodeAlphabet.indexOf(characters[index] as string);
    sum += Math.floor(addend / base) + (addend % base);
    factor = factor === 2 ? 1 : 2;
  }
  return enrollmentCodeAlphabet[(base - (sum % base)) % base] as string;
}

/**
 * What a typed code looks like: `checked` (a current code whose check character fits), `legacy`
 * (12 characters: a code from before check characters, only the central can tell), `mistyped`
 * (anything else: wrong length, a character outside the alphabet, a check character that does not
 * fit). Takes the code as typed.
 */
export function enrollmentCodeShape(typed: string): 'checked' | 'legacy' | 'mistyped' {
  const code = normalizeEnrollmentCode(typed);
  if (![...code].every((character) => enrollmentCodeAlphabet.includes(character))) return 'mistyped';
  if (code.length === enrollmentCodeRandomLength) return 'legacy';
  if (code.length !== enrollmentCodeRandomLength + 1) return 'mistyped';
  const body = code.slice(0, enrollmentCodeRandomLength);
  return enrollmentCheckCharacter(body) === code.slice(enrollmentCodeRandomLength) ? 'checked' : 'mistyped';
}

/** `XXXXXXXXXXXXC` → `XXXX-XXXX-XXXX-C`, as printed for the administrator. */
export function formatEnrollmentCode(code: string): string {
  return [code.slice(0, 4), code.slice(4, 8), code.slice(8, 12), code.slice(12)].filter(Boolean).join('-');
}
