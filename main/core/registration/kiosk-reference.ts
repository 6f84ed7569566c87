// The kiosk's own reference of a citizen's form (docs/sync-protocol.md "Codes assigned offline").
// The central assigns registration codes, so a kiosk that is offline when the citizen submits
// prints this reference instead — as text and in the form's QR code. It travels with the
// submission's event; once the central has it, the registration carries it and every counter
// finds the registration by it. 60 random bits in Crockford's base32 (no I, L, O, U: nothing to
// misread when an officer types it), in three groups of four.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const kioskReferencePattern = /^KS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A new reference, e.g. "KS-7K3Q-X9PM-A2B4". `random` fills the bytes (tests pass their own). */
export function newKioskReference(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(12));
  let text = '';
  // Each byte gives one symbol from its low five bits: 12 symbols, 60 bits.
  for (const byte of bytes) text += alphabet[byte & 31];
  return `KS-${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}`;
}

/** The reference as typed or scanned (lower case, I/L for 1, O for 0), or null when it is not one. */
export function readKioskReference(text: string): string | null {
  const normalised = text
    .trim()
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
    .replace(/^K5-/, 'KS-');
  return kioskReferencePattern.test(normalised) ? normalised : null;
}
