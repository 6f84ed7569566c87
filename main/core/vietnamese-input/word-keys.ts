// Text → the keys that type it: the inverse of the engine, for an on-screen keyboard that must
// carry on from text already there (backspace, a field filled in before) and for telling
// whether a string is what an input method would have made of other keys (wedge-damage.ts).

import { markKeys, type InputMethod, type MarkKeys } from './input-methods.ts';
import { plainLetter, readLetter, type ReadLetter } from './vietnamese-letters.ts';

export interface VietnameseKeysOptions {
  /** Default `telex`. */
  method?: InputMethod;
  /**
   * Where the mark keys go: right after their letter ("Nguyeexn", the default), or after the
   * word's letters ("Nguyenex", free marking). Both type the same word.
   */
  marks?: 'after-letter' | 'end-of-word';
}

function shapeKey(letter: string, keys: MarkKeys): string {
  if (letter === 'đ') return keys.stroke;
  if (letter === 'ă') return keys.breve;
  if (letter === 'ơ' || letter === 'ư') return keys.horn;
  return letter === plainLetter(letter) ? '' : keys.roof(plainLetter(letter));
}

function inCase(key: string, upper: boolean): string {
  return upper ? key.toUpperCase() : key;
}

function baseKey(read: ReadLetter): string {
  return inCase(plainLetter(read.letter), read.upper);
}

function afterLetter(read: ReadLetter, keys: MarkKeys): string {
  const tone = read.tone === 0 ? '' : keys.tones[read.tone];
  return baseKey(read) + inCase(shapeKey(read.letter, keys) + tone, read.upper);
}

function endOfWord(word: readonly ReadLetter[], keys: MarkKeys): string {
  let letters = '';
  // One key per mark: a second Telex `w` would take the first one's horns off again ("ươ" is
  // "uo" + one `w`).
  const marks: string[] = [];
  let tone = '';
  for (const read of word) {
    letters += baseKey(read);
    const shape = inCase(shapeKey(read.letter, keys), read.upper);
    if (shape !== '' && !marks.some((mark) => mark.toLowerCase() === shape.toLowerCase())) marks.push(shape);
    if (read.tone !== 0) tone = inCase(keys.tones[read.tone], read.upper);
  }
  return letters + marks.join('') + tone;
}

/** The keys that type `text` with `options.method` (characters that are no letters stay as they are). */
export function vietnameseKeys(text: string, options?: VietnameseKeysOptions): string {
  const keys = markKeys[options?.method ?? 'telex'];
  const byWord = options?.marks === 'end-of-word';
  let result = '';
  let word: ReadLetter[] = [];
  for (const character of text.normalize('NFC')) {
    const read = readLetter(character);
    if (read !== null && byWord) {
      word.push(read);
      continue;
    }
    if (word.length > 0) result += endOfWord(word, keys);
    word = [];
    result += read === null ? character : afterLetter(read, keys);
  }
  return word.length > 0 ? result + endOfWord(word, keys) : result;
}

/** `vietnameseKeys` with Telex: "Nguyễn" → "Nguyeexn". */
export function telexKeys(text: string, marks?: VietnameseKeysOptions['marks']): string {
  return vietnameseKeys(text, { method: 'telex', marks });
}
