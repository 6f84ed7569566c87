// Keyboard-wedge scanners set to send non-ASCII characters as Windows Alt codes hold Alt, type the
// code on the numeric keypad and release Alt. The page sees only those key events; this state
// machine turns them back into the character, and says which events belong to the sequence so
// the caller does not count them as typed text. It is pure (no DOM types): the caller passes the
// few fields it reads.
//
// What a sequence means, as Windows reads it (and, above 255, as scanners' Unicode modes use it):
// - Alt + 0NNN (leading zero, NNN ≤ 255): byte NNN of Windows-1252 ("ANSI") — Alt+0233 → é;
// - Alt + NNN (no leading zero, ≤ 255): byte NNN of code page 437 ("OEM") — Alt+130 → é;
// - Alt + a decimal number above 255: that Unicode code point — Alt+7877 → ễ. Windows itself
//   would take the number modulo 256 in most programs; scanners that send such codes mean the
//   code point, and that is the only reading that can type Vietnamese;
// - Alt + NumpadAdd + hex digits: the Unicode code point (the EnableHexNumpad convention); the
//   digits come from the keypad, the digit row or the letter keys a–f.
// A sequence that is interrupted by another key (Alt+Tab, Alt+F4 …), or whose number is no
// character, types nothing. The code pages are those of a US/Western Windows: an OEM or ANSI
// code from a PC set up otherwise means something else there, and is read as here anyway.
//
// Windows may also insert the character itself when Alt comes up (a `beforeinput` with the
// character, in some browsers a `keydown` whose key is the character): the first such insertion
// shortly after a sequence is swallowed, so the character is not counted twice. A real key press
// in between (a keydown of a key) ends that wait: then the OS typed nothing.

import { cp437Character, windows1252Character } from '../../main/core/scan/windows-code-pages.ts';

/** The fields of a KeyboardEvent or InputEvent that the decoder reads. */
export interface AltKeyEvent {
  type: 'keydown' | 'keyup' | 'beforeinput';
  key: string;
  code: string;
  altKey: boolean;
  /** ms, as `Event.timeStamp`. */
  timeStamp: number;
  /** `InputEvent.data`, for `beforeinput`. */
  data?: string | null;
}

/**
 * `pass`: not part of an Alt sequence, handle the event as usual (Alt's own events pass: they
 * type nothing). `swallow`: part of a sequence, or the OS's copy of its character — ignore it.
 * `emit`: a sequence ended with this event and typed `character`.
 */
export type AltNumpadOutcome =
  | { readonly action: 'pass' }
  | { readonly action: 'swallow' }
  | { readonly action: 'emit'; readonly character: string };

export interface AltNumpadDecoderOptions {
  /** How long after a sequence the OS's own copy of the character is expected (default 100 ms). */
  echoWindowMs?: number;
}

type Phase = 'idle' | 'alt' | 'decimal' | 'hex' | 'broken';

const pass: AltNumpadOutcome = Object.freeze({ action: 'pass' });
const swallow: AltNumpadOutcome = Object.freeze({ action: 'swallow' });

const numpadDigit = /^Numpad([0-9])$/;
const digitRow = /^Digit([0-9])$/;
const hexLetterKey = /^Key([A-F])$/;
const hexKey = /^[0-9a-fA-F]$/;

// A code point above these many digits is out of Unicode's range anyway: never parse more.
const maxDecimalDigits = 7;
const maxHexDigits = 6;

function isCharacter(codePoint: number): boolean {
  if (!Number.isInteger(codePoint) || codePoint < 0x20 || codePoint > 0x10ffff) return false;
  if (codePoint >= 0x7f && codePoint < 0xa0) return false; // DEL and the C1 controls
  return codePoint < 0xd800 || codePoint > 0xdfff; // surrogates are halves, not characters
}

function fromCodePoint(codePoint: number): string | null {
  return isCharacter(codePoint) ? String.fromCodePoint(codePoint) : null;
}

/** The character an Alt + decimal sequence types, or null. */
export function decodeAltDecimal(digits: string): string | null {
  if (digits.length === 0 || digits.length > maxDecimalDigits || !/^[0-9]+$/.test(digits)) return null;
  const value = Number(digits);
  if (value > 255) return fromCodePoint(value);
  return digits.length > 1 && digits.startsWith('0') ? windows1252Character(value) : cp437Character(value);
}

/** The character an Alt + NumpadAdd + hex sequence types, or null. */
export function decodeAltHex(digits: string): string | null {
  if (digits.length === 0 || digits.length > maxHexDigits || !/^[0-9a-fA-F]+$/.test(digits)) return null;
  return fromCodePoint(Number.parseInt(digits, 16));
}

function isAlt(event: AltKeyEvent): boolean {
  return event.key === 'Alt' && (event.code === 'AltLeft' || event.code === 'AltRight' || event.code === '');
}

/** A keydown the OS made up for text it inserted, not a key: it has no key position of its own. */
function isSyntheticCode(code: string): boolean {
  return code === '' || code === 'Unidentified' || code.startsWith('Numpad') || code.startsWith('Alt');
}

export class AltNumpadDecoder {
  readonly #echoWindowMs: number;
  #phase: Phase = 'idle';
  #digits = '';
  /** Keys pressed during a sequence: their keyups are swallowed whenever they come. */
  readonly #held = new Set<string>();
  /** The OS inserted the character while Alt was still down. */
  #echoSeen = false;
  /** After a sequence: until when the OS's copy is expected, and of which character. */
  #echo: { until: number; character: string | null } | null = null;
  /** A keydown copy was swallowed: its keyup is too. */
  #echoKeyUp: string | null = null;

  constructor(options?: AltNumpadDecoderOptions) {
    this.#echoWindowMs = options?.echoWindowMs ?? 100;
  }

  /** Feeds one event; says what to do with it. Never throws. */
  handle(event: AltKeyEvent): AltNumpadOutcome {
    if (event.type === 'keyup') {
      if (this.#held.delete(event.code)) return swallow;
      if (this.#echoKeyUp !== null && event.key === this.#echoKeyUp) {
        this.#echoKeyUp = null;
        return swallow;
      }
    }
    if (this.#isEcho(event)) return swallow;
    if (isAlt(event)) {
      if (event.type === 'keydown' && this.#phase === 'idle') this.#start();
      return event.type === 'keyup' ? this.#finish(event.timeStamp) : pass;
    }
    if (this.#phase === 'idle') return pass;
    if (event.type === 'beforeinput') return this.#insertedDuringSequence();
    if (event.type !== 'keydown') return pass;
    if (!event.altKey) {
      // Alt is no longer down although its keyup never came (focus moved away): no character.
      this.#phase = 'idle';
      this.#digits = '';
      return pass;
    }
    return this.#sequenceKey(event);
  }

  /** Forgets any sequence in progress (focus lost, screen changed). */
  reset(): void {
    this.#phase = 'idle';
    this.#digits = '';
    this.#held.clear();
    this.#echoSeen = false;
    this.#echo = null;
    this.#echoKeyUp = null;
  }

  #start(): void {
    this.#phase = 'alt';
    this.#digits = '';
    this.#echoSeen = false;
    this.#echo = null;
  }

  #isEcho(event: AltKeyEvent): boolean {
    const echo = this.#echo;
    if (echo === null || event.type === 'keyup') return false;
    if (event.timeStamp > echo.until) {
      this.#echo = null;
      return false;
    }
    if (event.type === 'beforeinput') {
      if (typeof event.data !== 'string' || event.data.length === 0) return false;
      this.#echo = null;
      return true;
    }
    if (isAlt(event)) return false;
    this.#echo = null;
    if (echo.character !== null && event.key === echo.character && isSyntheticCode(event.code)) {
      this.#echoKeyUp = event.key;
      return true;
    }
    return false; // a real key: the OS typed nothing for the sequence
  }

  #insertedDuringSequence(): AltNumpadOutcome {
    if (this.#digits.length === 0) return pass;
    this.#echoSeen = true;
    return swallow;
  }

  #sequenceKey(event: AltKeyEvent): AltNumpadOutcome {
    const digit = this.#digitOf(event);
    if (digit !== null) {
      if (this.#phase === 'alt') this.#phase = 'decimal';
      this.#digits += digit;
      this.#held.add(event.code);
      return swallow;
    }
    if (event.code === 'NumpadAdd' && this.#phase === 'alt') {
      this.#phase = 'hex';
      this.#held.add(event.code);
      return swallow;
    }
    if (event.code.startsWith('Numpad')) {
      // Another keypad key inside the sequence: Windows types nothing for it.
      this.#phase = 'broken';
      this.#held.add(event.code);
      return swallow;
    }
    this.#phase = 'broken'; // a shortcut (Alt+Tab, Alt+F4 …): not ours
    return pass;
  }

  #digitOf(event: AltKeyEvent): string | null {
    const { code, key } = event;
    if (this.#phase === 'broken') return null;
    const keypad = numpadDigit.exec(code);
    if (keypad !== null) return keypad[1] as string;
    if (this.#phase !== 'hex') return null;
    if (hexKey.test(key)) return key.toLowerCase();
    const row = digitRow.exec(code) ?? hexLetterKey.exec(code);
    return row === null ? null : (row[1] as string).toLowerCase();
  }

  #finish(time: number): AltNumpadOutcome {
    const phase = this.#phase;
    const digits = this.#digits;
    const echoSeen = this.#echoSeen;
    this.#phase = 'idle';
    this.#digits = '';
    this.#echoSeen = false;
    if (digits.length === 0 || phase === 'broken') return pass;
    const character = phase === 'hex' ? decodeAltHex(digits) : decodeAltDecimal(digits);
    if (!echoSeen) this.#echo = { until: time + this.#echoWindowMs, character };
    return character === null ? pass : { action: 'emit', character };
  }
}
