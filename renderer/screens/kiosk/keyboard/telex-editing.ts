// What one key of the on-screen keyboard does to the field's value. Editing always happens at the
// end of the value: kiosk fields are short (a name, an address line, a phone number), and a citizen
// corrects them by deleting back, so there is no caret to move and nothing to get wrong about
// where it is.
//
// Telex follows Unikey exactly by keeping the keys typed for the current word (everything since the
// last space, digit or punctuation) and rendering the word from them with `composeWord` on every
// key: "Nguyeenx" and "Nguyenxe" both end up "Nguyễn", and a repeated mark key undoes exactly what
// Unikey undoes. While the word is still being typed it is composed as unfinished (`ended: false`,
// "tiens" shows "tién" on the way to "tiến"); a word-break key finishes it (`ended: true`, a word
// that is no Vietnamese shows its keys again, as Unikey's "restore keys of invalid words").
//
// The keys are only trusted while the value is exactly what the keyboard last gave: a value changed
// from outside (filled in from the ID card, edited with a physical keyboard, another field) has no
// keys, and its last word is continued from its text with `continueWord`.
//
// Backspace deletes the last character as rendered ("Nguyễn" → "Nguyễ", never half a letter). The
// word left keeps the longest start of the keys typed that types exactly what is left — the usual
// case, deleting the last letter: "tiensg" shows "tiéng", backspace leaves "tién" with the keys
// "tiens", so the word still ends as "tiens" if it is no Vietnamese. When no start of the keys fits
// ("Nguyeenx" less its "n", a tone typed after the deleted letter; a word from outside), the word
// goes on from its text with `continueWord`, and is not restored at its end: keys rebuilt from the
// text would "restore" keys the citizen never typed.

import {
  composeWord,
  continueWord,
  type ToneStyle,
} from '../../../../main/core/vietnamese-input/compose-word.ts';
import { readLetter } from '../../../../main/core/vietnamese-input/vietnamese-letters.ts';

export interface TypingMemory {
  /** The value as the keyboard last gave it (NFC); any other value was changed from outside. */
  readonly emitted: string;
  /** The part of `emitted` before the current word. */
  readonly prefix: string;
  /** The keys that typed the current word; '' for a word not begun, null when they are unknown. */
  readonly keys: string | null;
}

export interface Edit {
  readonly value: string;
  readonly memory: TypingMemory;
}

export const emptyMemory: TypingMemory = { emitted: '', prefix: '', keys: '' };

/** The letters at the end of `text` (Latin and Vietnamese letters: what the engine reads as a word). */
function trailingWord(text: string): string {
  const characters = [...text];
  let start = characters.length;
  while (start > 0 && readLetter(characters[start - 1] as string) !== null) start -= 1;
  return characters.slice(start).join('');
}

/** The memory for a value whose keys are not known (typed elsewhere, or without Telex). */
function memoryOfText(value: string): TypingMemory {
  const word = trailingWord(value);
  return {
    emitted: value,
    prefix: value.slice(0, value.length - word.length),
    keys: word === '' ? '' : null,
  };
}

/** The current word of `value`: the memory when it is still valid, else read from the text. */
function currentWord(value: string, memory: TypingMemory): TypingMemory {
  return value === memory.emitted ? memory : memoryOfText(value);
}

/** A letter key with Telex on: the current word is composed again with one key more. */
export function typeTelexLetter(
  value: string,
  key: string,
  memory: TypingMemory,
  toneStyle: ToneStyle,
): Edit {
  const text = value.normalize('NFC');
  const word = currentWord(text, memory);
  if (word.keys !== null) {
    const keys = word.keys + key;
    const next = word.prefix + composeWord(keys, { toneStyle, ended: false });
    return { value: next, memory: { emitted: next, prefix: word.prefix, keys } };
  }
  const next = word.prefix + continueWord(text.slice(word.prefix.length), key, { toneStyle });
  return { value: next, memory: { emitted: next, prefix: word.prefix, keys: null } };
}

/** Text typed as it is (Telex off, digits of the number pad, the e-mail keys): no composition. */
export function typeLiteral(value: string, text: string): Edit {
  const next = (value + text).normalize('NFC');
  return { value: next, memory: memoryOfText(next) };
}

/** The current word finished (`ended: true`): an unfinished or foreign word shows its keys. */
export function finishWord(value: string, memory: TypingMemory, toneStyle: ToneStyle): Edit {
  const text = value.normalize('NFC');
  const word = currentWord(text, memory);
  if (word.keys === null || word.keys === '') return { value: text, memory: word };
  const next = word.prefix + composeWord(word.keys, { toneStyle, ended: true });
  return { value: next, memory: { ...word, emitted: next } };
}

/** A key that ends the word (space, digit, punctuation): the word is finished, then `text` typed. */
export function typeWordBreak(value: string, text: string, memory: TypingMemory, toneStyle: ToneStyle): Edit {
  return typeLiteral(finishWord(value, memory, toneStyle).value, text);
}

/** The longest start of `typed` that types `word` (see the top of this file), or null. */
function keysAfterDeletion(word: string, typed: string | null, toneStyle: ToneStyle): string | null {
  if (typed === null) return word === '' ? '' : null;
  for (let length = typed.length - 1; length >= 0; length -= 1) {
    const keys = typed.slice(0, length);
    if (composeWord(keys, { toneStyle, ended: false }) === word) return keys;
  }
  return null;
}

/** Deletes the last character as shown; the word left keeps the keys that typed it, if known. */
export function deleteLast(value: string, memory: TypingMemory, toneStyle: ToneStyle): Edit {
  const text = value.normalize('NFC');
  const characters = [...text];
  characters.pop();
  const next = characters.join('');
  const word = trailingWord(next);
  const prefix = next.slice(0, next.length - word.length);
  const before = currentWord(text, memory);
  const typed = before.prefix === prefix ? before.keys : null;
  return { value: next, memory: { emitted: next, prefix, keys: keysAfterDeletion(word, typed, toneStyle) } };
}

export function cleared(): Edit {
  return { value: '', memory: emptyMemory };
}
