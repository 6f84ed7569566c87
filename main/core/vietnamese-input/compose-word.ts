// The input engine: the keys typed for one word → the word. It follows Unikey's Telex and VNI
// (the de-facto reference: what Vietnamese users expect a key to do), rewritten as rules over the
// syllable tables instead of its character buffer:
// - a mark key marks the word's vowel wherever it is ("free marking": "nguyenxe" and "nguyeenx"
//   are both "nguyễn"), but only when the result can still be Vietnamese ("Smith" stays "Smith");
// - pressing a mark key again takes the mark off and types the key itself ("aaa" → "aa",
//   "ass" → "as", "ddd" → "dd", "ww" → "w");
// - the tone belongs to the syllable and is drawn on the vowel the spelling rules choose when the
//   word is rendered, so it moves by itself as letters arrive ("hoaf" → "hoà", then "hoàng");
// - a word that ends up not Vietnamese although keys marked it shows the keys as typed ("Maria",
//   not "Mảia": Unikey's "restore keys of invalid words"). Foreign words the rules do accept
//   ("Lisa" → "Lía") need the literal option, as with every Telex engine.
// Keys are case-insensitive for marks; every letter keeps the case of the key that typed it.

import { isWordKey, keyAction, type InputMethod, type KeyAction } from './input-methods.ts';
import { analyseSyllable, isNucleus, stopCodas, tonePosition } from './syllable-rules.ts';
import type { SyllableParts, SyllableState, ToneStyle } from './syllable-rules.ts';
import {
  breved,
  hasVowelMark,
  horned,
  isVowel,
  plainLetter,
  readLetter,
  renderLetter,
  roofed,
} from './vietnamese-letters.ts';
import type { Tone } from './vietnamese-letters.ts';
import { vietnameseKeys } from './word-keys.ts';

export type { InputMethod } from './input-methods.ts';
export type { ToneStyle } from './syllable-rules.ts';

export interface VietnameseInputOptions {
  /** Default `telex`. */
  method?: InputMethod;
  /** Default `modern` ("hoà", "thuỷ"); `classic` gives "hòa", "thủy". */
  toneStyle?: ToneStyle;
  /** Marks may be typed after later letters ("nguyenxe"). Default true, as in Unikey. */
  freeMarking?: boolean;
  /**
   * Default true: a word stops being rewritten once it cannot be Vietnamese. When false (Unikey
   * with its spell check off), a letter that cannot continue the syllable starts a new one.
   */
  spellCheck?: boolean;
  /** Default true: a finished non-Vietnamese word that keys marked shows its keys. */
  restoreNonVietnamese?: boolean;
  /**
   * Default true: the keys are the whole word. False while the word is still being typed: an
   * unfinished syllable ("tiens", on the way to "tiến") is then shown marked, not restored.
   */
  ended?: boolean;
  /** Commit the keys as typed, with no rewriting at all. */
  literal?: boolean;
}

type Settings = Required<Omit<VietnameseInputOptions, 'literal'>>;

function settingsOf(options: VietnameseInputOptions | undefined): Settings {
  return {
    method: options?.method ?? 'telex',
    toneStyle: options?.toneStyle ?? 'modern',
    freeMarking: options?.freeMarking ?? true,
    spellCheck: options?.spellCheck ?? true,
    restoreNonVietnamese: options?.restoreNonVietnamese ?? true,
    ended: options?.ended ?? true,
  };
}

interface Letter {
  /** Lower-case letter (a–z, ă â ê ô ơ ư đ) or, for anything else typed, the character itself. */
  char: string;
  upper: boolean;
  /** An ư that a Telex `w` typed by itself: a second `w` takes it back ("ww" → "w"). */
  standaloneW: boolean;
}

interface Word {
  /** What earlier syllables of the word rendered to (spell check off only). */
  done: string;
  /** The keys of the current syllable, shown when it is restored. */
  keys: string;
  letters: Letter[];
  tone: Tone;
  /** The word cannot be Vietnamese: keys are typed as they are. */
  frozen: boolean;
  /** Where the tone stays drawn once frozen. */
  frozenToneAt: number;
}

function emptyWord(): Word {
  return { done: '', keys: '', letters: [], tone: 0, frozen: false, frozenToneAt: -1 };
}

function isAsciiLetter(key: string): boolean {
  const letter = key.charCodeAt(0) | 32;
  return key.length === 1 && letter >= 97 && letter <= 122;
}

function lowerWord(word: Word): string {
  let text = '';
  for (const letter of word.letters) text += letter.char;
  return text;
}

function analyse(word: Word): { parts: SyllableParts; state: SyllableState } {
  return analyseSyllable(lowerWord(word));
}

/** The syllable's state, counting the tone: a stop final never takes huyền, hỏi or ngã. */
function wordState(word: Word): SyllableState {
  const { parts, state } = analyse(word);
  if (state === 'complete' && word.tone >= 2 && word.tone <= 4 && stopCodas.has(parts.coda)) {
    return 'prefix';
  }
  return state;
}

function toneIndex(word: Word, settings: Settings): number {
  if (word.tone === 0) return -1;
  if (word.frozen) return word.frozenToneAt;
  const { parts } = analyse(word);
  return parts.nucleus === '' ? -1 : tonePosition(parts, settings.toneStyle);
}

function renderLetters(word: Word, settings: Settings): string {
  const toneAt = toneIndex(word, settings);
  let text = '';
  word.letters.forEach((letter, index) => {
    text += renderLetter(letter.char, index === toneAt ? word.tone : 0, letter.upper);
  });
  return text;
}

function hasMarks(word: Word): boolean {
  return word.tone !== 0 || word.letters.some((letter) => hasVowelMark(letter.char));
}

function render(word: Word, settings: Settings): string {
  const text = renderLetters(word, settings);
  if (!settings.spellCheck || !settings.restoreNonVietnamese || !hasMarks(word)) return word.done + text;
  if (word.frozen || (settings.ended && wordState(word) !== 'complete')) return word.done + word.keys;
  return word.done + text;
}

/** Sets the nucleus letters (same count) starting at `start`, keeping each letter's case. */
function setNucleus(word: Word, start: number, nucleus: string): void {
  for (let index = 0; index < nucleus.length; index += 1) {
    const letter = word.letters[start + index];
    if (letter !== undefined) letter.char = nucleus[index] as string;
  }
}

// "uơ"/"ưo" are what one types on the way to "ươ"; a final or a closing i/u makes it "ươ"
// ("thuơ" + n → "thương", "ưo" + i → "ươi"), as Unikey does.
function completeHornedUo(word: Word, parts: SyllableParts): void {
  const { nucleus, coda, nucleusStart } = parts;
  const pair = nucleus.slice(0, 2);
  if (pair !== 'uơ' && pair !== 'ưo') return;
  if (nucleus.length === 2 && coda === '') return;
  const completed = 'ươ' + nucleus.slice(2);
  if (fits(parts, completed)) setNucleus(word, nucleusStart, completed);
}

/** Types `key` as itself (a letter, or any other character). */
function appendKey(word: Word, key: string, settings: Settings): void {
  const letterKey = isAsciiLetter(key);
  const lower = letterKey ? key.toLowerCase() : key;
  const letter: Letter = { char: lower, upper: letterKey && key !== lower, standaloneW: false };
  if (word.frozen) {
    word.letters.push(letter);
    return;
  }
  const toneAt = toneIndex(word, settings);
  word.letters.push(letter);
  if (letterKey) completeHornedUo(word, analyse(word).parts);
  if (letterKey && analyse(word).state !== 'invalid') return;
  if (settings.spellCheck) {
    word.frozen = true;
    word.frozenToneAt = toneAt;
    return;
  }
  // Spell check off: the syllable so far is finished, and this letter may begin the next one.
  word.letters.pop();
  word.done += renderLetters(word, settings);
  word.letters = [];
  word.tone = 0;
  word.keys = '';
  if (letterKey) {
    word.letters.push(letter);
    word.keys = key;
    if (analyse(word).state !== 'invalid') return;
    word.letters = [];
    word.keys = '';
  }
  word.done += key;
}

function pressTone(word: Word, key: string, tone: Tone, settings: Settings): void {
  const { parts, state } = analyse(word);
  if (parts.nucleus === '' || (!settings.freeMarking && state !== 'complete')) {
    appendKey(word, key, settings);
  } else if (tone >= 2 && tone <= 4 && stopCodas.has(parts.coda)) {
    appendKey(word, key, settings);
  } else if (tone === 0) {
    if (word.tone === 0) appendKey(word, key, settings);
    else word.tone = 0;
  } else if (word.tone === tone) {
    word.tone = 0;
    appendKey(word, key, settings);
  } else {
    word.tone = tone;
  }
}

function fits(parts: SyllableParts, nucleus: string): boolean {
  return isNucleus(nucleus) && analyseSyllable(parts.onset + nucleus + parts.coda).state !== 'invalid';
}

function replaceAt(text: string, index: number, character: string): string {
  return text.slice(0, index) + character + text.slice(index + 1);
}

/** The nucleus with a roof on one of `letters`, or null when no roof fits. */
function roofCandidate(parts: SyllableParts, letters: string): { nucleus: string; changed: number } | null {
  const { nucleus } = parts;
  for (let index = 0; index < nucleus.length; index += 1) {
    const current = nucleus[index] as string;
    const target = roofed[current];
    if (target === undefined || !letters.includes(plainLetter(current))) continue;
    let candidate = replaceAt(nucleus, index, target);
    // "ươ" + o → "uô": the roofed o cannot keep a horned u beside it.
    if (!isNucleus(candidate)) candidate = candidate.replace('ư', 'u').replace('ơ', 'o');
    if (fits(parts, candidate)) return { nucleus: candidate, changed: parts.nucleusStart + index };
  }
  return null;
}

function pressRoof(word: Word, key: string, letters: string, settings: Settings): void {
  const { parts } = analyse(word);
  const last = word.letters.length - 1;
  if (parts.nucleus !== '') {
    const candidate = roofCandidate(parts, letters);
    if (candidate !== null) {
      if (settings.freeMarking || candidate.changed === last) {
        setNucleus(word, parts.nucleusStart, candidate.nucleus);
        return;
      }
    } else {
      // The roof is there already: the key takes it off and types itself ("aaa" → "aa").
      const index = [...parts.nucleus].findIndex(
        (letter) => 'âêô'.includes(letter) && letters.includes(plainLetter(letter)),
      );
      const position = parts.nucleusStart + index;
      if (index >= 0 && (settings.freeMarking || position === last)) {
        const letter = word.letters[position] as Letter;
        letter.char = plainLetter(letter.char);
        appendKey(word, key, settings);
        return;
      }
    }
  }
  appendKey(word, key, settings);
}

/** The nucleus with the most horns/breves `action` may add that still fits, or null. */
function hooked(parts: SyllableParts, action: Extract<KeyAction, { type: 'hook' }>): string | null {
  const { nucleus, onset, coda } = parts;
  const open: number[] = [];
  for (let index = 0; index < nucleus.length; index += 1) {
    const letter = nucleus[index] as string;
    if ((action.horn && horned[letter] !== undefined) || (action.breve && breved[letter] !== undefined)) {
      open.push(index);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (let mask = 1; mask < 1 << open.length; mask += 1) {
    let candidate = nucleus;
    let count = 0;
    open.forEach((index, bit) => {
      if ((mask & (1 << bit)) === 0) return;
      const letter = candidate[index] as string;
      candidate = replaceAt(
        candidate,
        index,
        (action.horn ? horned[letter] : undefined) ?? breved[letter] ?? letter,
      );
      count += 1;
    });
    if (count > bestCount && fits(parts, candidate)) {
      best = candidate;
      bestCount = count;
    }
  }
  // "thuở", "huơ", "khuơ", "uơ": uo + w at the end of these syllables is uơ, not ươ (Unikey).
  if (
    best === 'ươ' &&
    (nucleus === 'uo' || nucleus === 'uô') &&
    coda === '' &&
    (onset === '' || onset === 'h' || onset === 'kh' || onset === 'th')
  ) {
    return 'uơ';
  }
  return best;
}

function pressHook(
  word: Word,
  key: string,
  action: Extract<KeyAction, { type: 'hook' }>,
  settings: Settings,
) {
  const last = word.letters.at(-1);
  if (action.standalone && last?.standaloneW === true) {
    word.letters.pop(); // "ww" → "w"
    appendKey(word, key, settings);
    return;
  }
  const { parts } = analyse(word);
  const atEnd = settings.freeMarking || parts.coda === '';
  if (parts.nucleus !== '' && atEnd) {
    const candidate = hooked(parts, action);
    if (candidate !== null) {
      setNucleus(word, parts.nucleusStart, candidate);
      return;
    }
    const marks = (action.horn ? 'ơư' : '') + (action.breve ? 'ă' : '');
    const marked = [...parts.nucleus].some((letter) => marks.includes(letter));
    if (marked) {
      // The hooks are there already: the key takes them off and types itself ("aww" → "aw").
      const unhooked = [...parts.nucleus]
        .map((letter) => (marks.includes(letter) ? plainLetter(letter) : letter))
        .join('');
      setNucleus(word, parts.nucleusStart, unhooked);
      appendKey(word, key, settings);
      return;
    }
  }
  if (action.standalone) {
    const upper = key !== key.toLowerCase();
    word.letters.push({ char: 'ư', upper, standaloneW: true });
    if (analyse(word).state !== 'invalid') return;
    word.letters.pop();
  }
  appendKey(word, key, settings);
}

function pressStroke(word: Word, key: string, settings: Settings): void {
  const first = word.letters[0];
  const { parts } = analyse(word);
  const atEnd = settings.freeMarking || word.letters.length === 1;
  if (first !== undefined && atEnd && parts.onset === 'd') {
    first.char = 'đ';
  } else if (first !== undefined && atEnd && parts.onset === 'đ') {
    first.char = 'd';
    appendKey(word, key, settings);
  } else {
    appendKey(word, key, settings);
  }
}

// In a word that is not Vietnamese, Unikey still turns "dd" after a non-vowel into "đ", because
// abbreviations use it ("ĐHQG").
function strokeInFrozenWord(word: Word): boolean {
  const count = word.letters.length;
  const last = word.letters[count - 1];
  if (last?.char !== 'd' || isVowel(word.letters[count - 2]?.char)) return false;
  last.char = 'đ';
  return true;
}

function press(word: Word, key: string, settings: Settings): void {
  word.keys += key;
  const action = keyAction(settings.method, key);
  if (action === undefined) {
    appendKey(word, key, settings);
  } else if (word.frozen) {
    if (action.type !== 'stroke' || !strokeInFrozenWord(word)) appendKey(word, key, settings);
  } else if (action.type === 'tone') {
    pressTone(word, key, action.tone, settings);
  } else if (action.type === 'roof') {
    pressRoof(word, key, action.letters, settings);
  } else if (action.type === 'hook') {
    pressHook(word, key, action, settings);
  } else {
    pressStroke(word, key, settings);
  }
}

/**
 * The text of one word typed as `keys` (NFC). Keys other than letters (and VNI's digits) are
 * typed as themselves and, with the spell check on, stop the rest of the word being rewritten —
 * as in Unikey, where a digit inside a word makes it non-Vietnamese.
 */
export function composeWord(keys: string, options?: VietnameseInputOptions): string {
  if (options?.literal === true) return keys;
  const settings = settingsOf(options);
  const word = emptyWord();
  for (const key of keys) press(word, key, settings);
  return render(word, settings);
}

/** The word as a state, read back from its text; null when it is not one Vietnamese-style word. */
function wordFromText(text: string, settings: Settings): Word | null {
  const word = emptyWord();
  let tone: Tone = 0;
  let toneAt = -1;
  for (const character of text) {
    const read = readLetter(character);
    if (read === null || (read.tone !== 0 && tone !== 0)) return null;
    if (read.tone !== 0) {
      tone = read.tone;
      toneAt = word.letters.length;
    }
    word.letters.push({ char: read.letter, upper: read.upper, standaloneW: false });
  }
  word.tone = tone;
  word.keys = vietnameseKeys(text, { method: settings.method });
  if (analyse(word).state === 'invalid') {
    word.frozen = true;
    word.frozenToneAt = toneAt;
  }
  return word;
}

/**
 * The word after one more key, from the word's text alone (what an on-screen keyboard shows next
 * to the cursor). Without the keys that typed it, a repeat can only undo what the text shows:
 * "á" + s → "as"; keep the keys and use `composeWord` for Unikey's exact behaviour.
 */
export function continueWord(text: string, key: string, options?: VietnameseInputOptions): string {
  const settings = { ...settingsOf(options), ended: options?.ended ?? false };
  const normalised = text.normalize('NFC');
  if (options?.literal === true) return normalised + key;
  const word = wordFromText(normalised, settings);
  if (word === null || !isWordKey(settings.method, key)) return normalised + key;
  for (const character of key) press(word, character, settings);
  return render(word, settings);
}

/** `composeWord` with Telex: "Nguyeenx" → "Nguyễn". */
export function telexWord(keys: string, options?: Omit<VietnameseInputOptions, 'method'>): string {
  return composeWord(keys, { ...options, method: 'telex' });
}

/** `continueWord` with Telex: ("Nguyên", "x") → "Nguyễn". */
export function applyTelexKey(
  word: string,
  key: string,
  options?: Omit<VietnameseInputOptions, 'method'>,
): string {
  return continueWord(word, key, { ...options, method: 'telex' });
}
