// Signs that a keyboard-wedge scanner lost the Vietnamese letters (ID-CARDS.md §6). Names read this
// way are kept as read — the officer must see what the scanner delivered — but flagged, because a
// damaged name must never be stored silently. Upper-casing by the scanner is not damage.
// Decisions are made on the traits `textTraits` collects in its single pass over each text.

import { asciiLetter, lostCharacter, nonAscii } from './field-text.ts';

/**
 * True when a name looks damaged: a lost character in it, or plain ASCII letters while the address
 * on the same card kept its diacritics — the scanner passed some characters through but not the
 * name's (almost every Vietnamese full name carries a diacritic).
 */
export function isDamagedName(nameTraits: number, addressTraits: number): boolean {
  if ((nameTraits & lostCharacter) !== 0) return true;
  return (addressTraits & nonAscii) !== 0 && (nameTraits & (asciiLetter | nonAscii)) === asciiLetter;
}

/** True when the address lost characters (then the names on the card cannot be trusted either). */
export function isDamagedAddress(addressTraits: number): boolean {
  return (addressTraits & lostCharacter) !== 0;
}
