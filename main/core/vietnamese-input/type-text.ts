// Whole strings through the engine: the text is split into words and each word is composed from
// its keys. Used to type a field in one go and to simulate what an input method does to text that
// a keyboard-wedge scanner types (wedge-damage tests).

import { composeWord, type VietnameseInputOptions } from './compose-word.ts';
import { isWordKey, type InputMethod } from './input-methods.ts';

export interface TypeTextOptions extends Omit<VietnameseInputOptions, 'ended' | 'literal'> {
  /**
   * How the text splits into words. `letters` (default): a word is a run of the method's keys
   * (Telex: letters; VNI: letters and digits) and any other character ends it; a word right after
   * a backslash is committed as typed (`\Smith`; `\\` types a backslash). `unikey`: only Unikey's
   * word-break characters (controls, space, punctuation, `|` …) end a word; anything else — digits
   * under Telex too — stays inside it as a non-Vietnamese character, as in Unikey.
   */
  words?: 'letters' | 'unikey';
}

/** Unikey's word-break symbols (inputproc.cpp); codes up to 32 also end a word. */
const unikeyWordBreaks = new Set(',;:."\'!? <>=+-*/\\_@#$%&(){}[]|');

function endsWord(character: string, method: InputMethod, words: 'letters' | 'unikey'): boolean {
  if (words === 'letters') return !isWordKey(method, character);
  return character.charCodeAt(0) <= 32 || unikeyWordBreaks.has(character);
}

/** `text` as typed with the input method on (NFC). */
export function typeVietnamese(text: string, options?: TypeTextOptions): string {
  const method = options?.method ?? 'telex';
  const words = options?.words ?? 'letters';
  const escapes = words === 'letters';
  const wordOptions: VietnameseInputOptions = { ...options, ended: true };
  let result = '';
  let keys = '';
  let literal = false;
  const flush = () => {
    if (keys.length > 0) result += composeWord(keys, { ...wordOptions, literal });
    keys = '';
    literal = false;
  };
  let escaped = false;
  for (const character of text) {
    if (escaped) {
      escaped = false;
      if (character === '\\') {
        result += character;
        continue;
      }
      literal = !endsWord(character, method, words);
      if (!literal) result += '\\';
    } else if (escapes && character === '\\') {
      flush();
      escaped = true;
      continue;
    }
    if (endsWord(character, method, words)) {
      flush();
      result += character;
    } else {
      keys += character;
    }
  }
  flush();
  if (escaped) result += '\\';
  return result.normalize('NFC');
}

/** `typeVietnamese` with Telex: "Nguyeenx Thij Hoaf" → "Nguyễn Thị Hoà". */
export function telexType(text: string, options?: Omit<TypeTextOptions, 'method'>): string {
  return typeVietnamese(text, { ...options, method: 'telex' });
}

/** `typeVietnamese` with VNI: "Nguye6n4 Thi5 Hoa2" → "Nguyễn Thị Hoà". */
export function vniType(text: string, options?: Omit<TypeTextOptions, 'method'>): string {
  return typeVietnamese(text, { ...options, method: 'vni' });
}
