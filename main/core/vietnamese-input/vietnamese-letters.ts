// The letters the input engine works with. A Vietnamese letter is a lower-case base letter that
// may carry a shape mark (ă â ê ô ơ ư đ — each one UTF-16 unit, so a word is indexed by letter)
// plus, on a vowel, one of five tones. The tone is kept apart from the letter because it belongs
// to the syllable: where it is drawn is decided only when the word is rendered.

/** 0 no tone (ngang), 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng — Unikey's numbering. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

/** The combining mark of each tone, indexed by `Tone`. */
const toneMarks = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

export const vowelLetters = 'aăâeêioôơuưy';

/** Letters that are a plain letter with a shape mark, and that plain letter. */
const plainLetters: Readonly<Record<string, string>> = {
  ă: 'a',
  â: 'a',
  ê: 'e',
  ô: 'o',
  ơ: 'o',
  ư: 'u',
  đ: 'd',
};

export const roofed: Readonly<Record<string, string>> = { a: 'â', ă: 'â', e: 'ê', o: 'ô', ơ: 'ô' };
export const horned: Readonly<Record<string, string>> = { o: 'ơ', ô: 'ơ', u: 'ư' };
export const breved: Readonly<Record<string, string>> = { a: 'ă', â: 'ă' };

export function isVowel(letter: string | undefined): boolean {
  return letter !== undefined && letter.length === 1 && vowelLetters.includes(letter);
}

/** The letter without its shape mark (`ư` → `u`, `đ` → `d`); other letters unchanged. */
export function plainLetter(letter: string): string {
  return plainLetters[letter] ?? letter;
}

/** True for the letters that carry a roof, horn or breve (not đ: its stroke is no vowel mark). */
export function hasVowelMark(letter: string): boolean {
  return letter !== 'đ' && plainLetters[letter] !== undefined;
}

/** One character of text read back as a letter. */
export interface ReadLetter {
  letter: string;
  tone: Tone;
  upper: boolean;
}

// Both directions are built once from the tone marks, so they cannot disagree: every vowel in
// every tone, both cases, NFC (what `normalize` composes is exactly the precomposed letter).
const composedLetters = new Map<string, string>();
const readLetters = new Map<string, ReadLetter>();
for (const letter of vowelLetters) {
  for (let tone = 0; tone <= 5; tone += 1) {
    const lower = (letter + toneMarks[tone]).normalize('NFC');
    const upper = lower.toUpperCase();
    composedLetters.set(`${letter}${tone}`, lower);
    readLetters.set(lower, { letter, tone: tone as Tone, upper: false });
    readLetters.set(upper, { letter, tone: tone as Tone, upper: true });
  }
}
for (let code = 97; code <= 122; code += 1) {
  const letter = String.fromCharCode(code);
  if (!readLetters.has(letter)) {
    readLetters.set(letter, { letter, tone: 0, upper: false });
    readLetters.set(letter.toUpperCase(), { letter, tone: 0, upper: true });
  }
}
readLetters.set('đ', { letter: 'đ', tone: 0, upper: false });
readLetters.set('Đ', { letter: 'đ', tone: 0, upper: true });

/** The NFC character of `letter` in `tone`, upper-cased when `upper`. */
export function renderLetter(letter: string, tone: Tone, upper: boolean): string {
  const lower = tone === 0 ? letter : (composedLetters.get(`${letter}${tone}`) ?? letter);
  return upper ? lower.toUpperCase() : lower;
}

/** A character as a letter with its tone and case, or null when it is no Latin/Vietnamese letter. */
export function readLetter(character: string): ReadLetter | null {
  return readLetters.get(character) ?? null;
}
