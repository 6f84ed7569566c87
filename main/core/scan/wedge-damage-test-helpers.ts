// Damage done to a card payload on its way from a keyboard-wedge scanner to the page, simulated
// from the clean payloads of the fixtures: what the scanner does with non-ASCII characters, what a
// keyboard layout and an input method do to its keystrokes.

import { stripDiacritics } from '../text/vietnamese-text.ts';
import { typeVietnamese, type TypeTextOptions } from '../vietnamese-input/type-text.ts';
import { typeOnLayout, type KeyboardLayoutId } from './keyboard-layouts.ts';
import { cp437Character, windows1252Character } from './windows-code-pages.ts';

const nonAscii = /[\u0080-\u{10ffff}]/gu;
const asciiRuns = /[^\u0080-\u{10ffff}]+/gu;

/** How a scanner without a Unicode mode delivers a character it cannot type. */
export type CharacterLoss = 'question-mark' | 'question-mark-per-byte' | 'replacement' | 'stripped';

export function loseCharacters(payload: string, how: CharacterLoss): string {
  switch (how) {
    case 'question-mark':
      return payload.replace(nonAscii, '?');
    case 'question-mark-per-byte':
      return payload.replace(nonAscii, (character) => '?'.repeat(new TextEncoder().encode(character).length));
    case 'replacement':
      return payload.replace(nonAscii, '\ufffd');
    case 'stripped':
      return stripDiacritics(payload).replace(nonAscii, '?');
  }
}

/**
 * The payload typed with `layout` active. `lost`: the scanner types `?` for non-ASCII characters
 * (as keys, so the layout moves them too); `alt-codes`: it sends them as Alt codes, which no layout
 * changes.
 */
export function typeThroughLayout(
  payload: string,
  layout: KeyboardLayoutId,
  nonAsciiAs: 'lost' | 'alt-codes',
): string {
  if (nonAsciiAs === 'alt-codes') {
    return payload.replace(asciiRuns, (ascii) => typeOnLayout(ascii, layout));
  }
  return typeOnLayout(loseCharacters(payload, 'question-mark'), layout);
}

/** The input-method set-ups a counter PC may have. */
export const inputMethodSetups: ReadonlyArray<{ name: string; options: TypeTextOptions }> = [
  { name: 'Unikey Telex, defaults', options: { method: 'telex', words: 'unikey' } },
  {
    name: 'Unikey Telex, no restore',
    options: { method: 'telex', words: 'unikey', restoreNonVietnamese: false },
  },
  { name: 'Unikey Telex, no spell check', options: { method: 'telex', words: 'unikey', spellCheck: false } },
  {
    name: 'Telex on letter runs',
    options: { method: 'telex', words: 'letters', restoreNonVietnamese: false },
  },
  { name: 'Unikey VNI, defaults', options: { method: 'vni', words: 'unikey' } },
  {
    name: 'Unikey VNI, no restore',
    options: { method: 'vni', words: 'unikey', restoreNonVietnamese: false },
  },
  { name: 'Unikey VNI, no spell check', options: { method: 'vni', words: 'unikey', spellCheck: false } },
];

/** The payload typed with an input method on. */
export function typeThroughInputMethod(payload: string, options: TypeTextOptions): string {
  return typeVietnamese(payload, options);
}

/** A scanner that sends each UTF-8 byte of a non-ASCII character as an Alt code of `page`. */
export function sendUtf8Bytes(payload: string, page: 'windows-1252' | 'cp437'): string {
  const character = page === 'windows-1252' ? windows1252Character : cp437Character;
  return payload.replace(nonAscii, (letter) =>
    Array.from(new TextEncoder().encode(letter), (byte) => character(byte) ?? '').join(''),
  );
}
