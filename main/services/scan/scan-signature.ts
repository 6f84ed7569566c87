/**
 * What two sightings of one physical scan have in common even when one of them was damaged on the
 * way: the digits (ID numbers, dates, card numbers survive a wrong keyboard layout's letters, lost
 * diacritics and input-method rewrites far better than letters). A text with too few digits to be
 * told apart by them is compared whole.
 */
export function scanSignature(text: string): string {
  const digits = text.replace(/\D+/g, '');
  return digits.length >= 8 ? `digits:${digits}` : `text:${text.normalize('NFC').trim()}`;
}
