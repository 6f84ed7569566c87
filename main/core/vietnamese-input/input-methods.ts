// The keys of the two input methods and what each does. Both methods drive the same engine: they
// differ only in which key asks for which mark. Keys are matched case-insensitively (Unikey
// treats `S` as `s`); a key with no action here is a plain letter or character.

import type { Tone } from './vietnamese-letters.ts';

export type InputMethod = 'telex' | 'vni';

export type KeyAction =
  | { readonly type: 'tone'; readonly tone: Tone }
  /** A circumflex on one of `letters` (the plain vowels a, e, o). */
  | { readonly type: 'roof'; readonly letters: string }
  /**
   * A horn (ơ ư) and/or a breve (ă). `standalone`: Telex `w`, which types ư by itself when there
   * is no vowel to mark ("nhw" → "như").
   */
  | { readonly type: 'hook'; readonly horn: boolean; readonly breve: boolean; readonly standalone: boolean }
  /** d → đ. */
  | { readonly type: 'stroke' };

const tone = (value: Tone): KeyAction => ({ type: 'tone', tone: value });

const telex: Readonly<Record<string, KeyAction>> = {
  s: tone(1),
  f: tone(2),
  r: tone(3),
  x: tone(4),
  j: tone(5),
  z: tone(0),
  a: { type: 'roof', letters: 'a' },
  e: { type: 'roof', letters: 'e' },
  o: { type: 'roof', letters: 'o' },
  w: { type: 'hook', horn: true, breve: true, standalone: true },
  d: { type: 'stroke' },
};

const vni: Readonly<Record<string, KeyAction>> = {
  '1': tone(1),
  '2': tone(2),
  '3': tone(3),
  '4': tone(4),
  '5': tone(5),
  '0': tone(0),
  '6': { type: 'roof', letters: 'aeo' },
  '7': { type: 'hook', horn: true, breve: false, standalone: false },
  '8': { type: 'hook', horn: false, breve: true, standalone: false },
  '9': { type: 'stroke' },
};

const actions: Readonly<Record<InputMethod, Readonly<Record<string, KeyAction>>>> = { telex, vni };

export function keyAction(method: InputMethod, key: string): KeyAction | undefined {
  return actions[method][key.toLowerCase()];
}

/** The key that asks for each mark, for writing a word back as keys. */
export interface MarkKeys {
  tones: readonly [string, string, string, string, string, string];
  roof: (plain: string) => string;
  horn: string;
  breve: string;
  stroke: string;
}

export const markKeys: Readonly<Record<InputMethod, MarkKeys>> = {
  telex: {
    tones: ['z', 's', 'f', 'r', 'x', 'j'],
    roof: (plain) => plain,
    horn: 'w',
    breve: 'w',
    stroke: 'd',
  },
  vni: { tones: ['0', '1', '2', '3', '4', '5'], roof: () => '6', horn: '7', breve: '8', stroke: '9' },
};

/** True when `key` belongs inside a word of `method` (VNI's marks are digits). */
export function isWordKey(method: InputMethod, key: string): boolean {
  const code = key.charCodeAt(0);
  if (key.length !== 1) return false;
  const letter = code | 32;
  if (letter >= 97 && letter <= 122) return true;
  return method === 'vni' && code >= 48 && code <= 57;
}
