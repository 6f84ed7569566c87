// What went wrong on the way when a keyboard-wedge scanner typed a card's QR payload, and what the
// officer must change — instead of the app storing a damaged name (ID-CARDS.md §6). The scanner
// types US key positions; between it and the page sit the PC's keyboard layout, an input method
// that rewrites what is typed, and the scanner's own handling of non-ASCII characters. Each leaves
// its own trace:
// - keyboard layout: the digit row types symbols (AZERTY `&é"'(-è_çà`, the Vietnamese layout
//   `ăâêô` and tone marks) or the `|` separators move (QWERTZ types `'`). Evidence: undoing the
//   layout gives back a card payload.
// - input method (Telex/VNI, Unikey/EVKey/Windows IME): BHYT names are hex, and hex letter pairs
//   become Vietnamese letters (Telex `aa` → â, `dd` → đ, `af` → à; VNI `a1` → á, `e6` → ê).
//   Evidence: writing those letters back as the keys that type them gives valid hex again. CCCD
//   payloads go through an input method unchanged in practice: their ASCII words hold no mark
//   keys and every digit follows a `|`, a space or a digit, so there is nothing to see there.
// - wrong encoding: the scanner sends a character's UTF-8 bytes one by one as Alt codes, so each
//   byte arrives as a Windows-1252 (or code page 437) character ("Nguyá»…n"). Evidence: the
//   characters read back as bytes are valid UTF-8.
// - lost characters: `?` or U+FFFD where letters were, "Nu" for "Nữ", a plain-ASCII name next to an
//   address with diacritics (the parser's `lost-diacritics`), or a card with no diacritic at all.
// The checks run in that order, each on the text the previous one repaired, so that one damage is
// not reported as another (AZERTY types `?` for M). Upper-casing by the scanner is no damage: the
// parser compares names case-insensitively; it is only noted. The result carries stable codes and
// a few short snippets of the scan, never the repaired text: a guess is shown, not used.
// It runs on every wedge scan, so the clean path is one parse and one pass over the text, and no
// input makes it throw.

import { detectPayloadKind, endsWithTerminator } from '../id-card/detect-payload-kind.ts';
import { dropTrailingSpaces, skipSpaces } from '../id-card/field-text.ts';
import { decodeHexText, isEvenLengthHex } from '../id-card/hex-text.ts';
import type { IdParseResult } from '../id-card/id-card-types.ts';
import {
  decodePayloadBytes,
  maxPayloadBytes,
  payloadEnd,
  payloadStart,
} from '../id-card/normalise-payload.ts';
import { parseIdPayload } from '../id-card/parse-id-payload.ts';
import { PayloadFields } from '../id-card/payload-fields.ts';
import type { InputMethod } from '../vietnamese-input/input-methods.ts';
import { readLetter } from '../vietnamese-input/vietnamese-letters.ts';
import { vietnameseKeys } from '../vietnamese-input/word-keys.ts';
import {
  digitSymbols,
  keyboardLayouts,
  separatorOn,
  undoLayout,
  type KeyboardLayoutId,
} from './keyboard-layouts.ts';
import { cp437Byte, windows1252Byte } from './windows-code-pages.ts';

export type { KeyboardLayoutId } from './keyboard-layouts.ts';

import type { WedgeDamageKind, WedgeFix, WedgeNote } from './wedge-damage-codes.ts';

const fixes: Readonly<Record<WedgeDamageKind, WedgeFix>> = {
  'keyboard-layout': 'keyboard-layout-us',
  'input-method-telex': 'input-method-off',
  'input-method-vni': 'input-method-off',
  'wrong-encoding': 'scanner-encoding-or-hid-pos',
  'lost-characters': 'scanner-unicode-or-hid-pos',
};

export interface WedgeDamage {
  readonly kind: WedgeDamageKind;
  readonly fix: WedgeFix;
  /** Up to three snippets of the scan (at most 16 characters each) where the damage shows. */
  readonly evidence: readonly string[];
  /**
   * True when undoing the damage gives a well-formed payload (or the damage is seen directly:
   * a `?` in a name); false when only its traces are there.
   */
  readonly confirmed: boolean;
  /** For `keyboard-layout`: the layout the PC has active; otherwise null. */
  readonly layout: KeyboardLayoutId | null;
}

export type WedgeDiagnosis =
  | { readonly kind: 'none'; readonly notes: readonly WedgeNote[] }
  | (WedgeDamage & {
      /** Further damage found in the same scan, most important first. */
      readonly others: readonly WedgeDamageKind[];
    });

interface Finding {
  damage: WedgeDamage;
  /** The payload with this damage undone, for the next checks; null when it cannot be undone. */
  repaired: string | null;
}

// Validity dates do not matter here; a fixed day keeps the diagnosis free of the clock.
const parseOptions = { today: '2025-01-01' } as const;
const fields = new PayloadFields();
const snippetLength = 16;
const maxEvidence = 3;

function damage(kind: WedgeDamageKind, evidence: readonly string[], confirmed: boolean): WedgeDamage {
  const snippets = [...new Set(evidence)].slice(0, maxEvidence);
  return { kind, fix: fixes[kind], evidence: snippets, confirmed, layout: null };
}

function around(text: string, index: number): string {
  const start = Math.max(0, index - 5);
  return text.slice(start, start + snippetLength);
}

// ---- keyboard layout ------------------------------------------------------------------------

const symbolsByLayout = new Map(keyboardLayouts.map((layout) => [layout, digitSymbols(layout)]));
// What the Vietnamese layout's digit row leaves in NFD: the marks of ă â ê ô, the tones, đ.
const vietnameseDigitMarks = new Set('\u0306\u0302\u0300\u0309\u0303\u0301\u0323đ');

function count(text: string, wanted: (character: string) => boolean): number {
  let found = 0;
  for (const character of text) if (wanted(character)) found += 1;
  return found;
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

/** True when the layout's traces are many enough to be worth undoing it. */
function showsLayout(payload: string, layout: KeyboardLayoutId, digits: number): boolean {
  if (layout === 'de-qwertz') {
    // QWERTZ keeps the digits; its trace is the separators: `'` everywhere, no `|`.
    return !payload.includes('|') && count(payload, (character) => character === separatorOn(layout)) >= 5;
  }
  const symbols = symbolsByLayout.get(layout) as ReadonlySet<string>;
  // The Vietnamese layout's ă â ê ô and tone marks may have been composed into other letters
  // (ă + ◌̃ → ẵ): count them decomposed.
  const typed =
    layout === 'vi-windows'
      ? count(payload.normalize('NFD'), (character) => vietnameseDigitMarks.has(character))
      : count(payload, (character) => symbols.has(character));
  return typed >= 8 && digits * 2 < typed;
}

/** The first field of `text` looks like a card number: 9–15 letters and digits, mostly digits. */
function startsWithCardNumber(text: string): boolean {
  const bar = text.indexOf('|');
  const first = (bar < 0 ? text : text.slice(0, bar)).trim();
  return /^[0-9A-Z]{9,15}$/.test(first) && count(first, isDigit) >= 9;
}

function looksLikeCard(text: string): boolean {
  return detectPayloadKind(fields.load(text, 0, text.length)) !== null;
}

/** The fields that hold free text (names, addresses, a guardian): their Vietnamese letters are real. */
function textFieldIndexes(kind: 'cccd' | 'bhyt'): readonly number[] {
  return kind === 'cccd' ? [2, 4, 5, 8, 9] : [10];
}

/**
 * `repaired` with the Vietnamese letters of `original`'s free-text fields put back: a scanner
 * that sends them as Alt codes types them past any layout, and undoing the layout on them would
 * turn "Thành" into "Th0nh" (AZERTY types à for 0).
 */
function keepTypedLetters(original: string, repaired: string): string {
  if (original.length !== repaired.length) return repaired;
  fields.load(repaired, 0, repaired.length);
  const kind = detectPayloadKind(fields);
  if (kind === null) return repaired;
  const characters = [...repaired];
  if (characters.length !== repaired.length) return repaired;
  for (const index of textFieldIndexes(kind)) {
    if (index >= fields.count) continue;
    for (let position = fields.start(index); position < fields.end(index); position += 1) {
      const typed = original[position] as string;
      if (typed.charCodeAt(0) > 127 && readLetter(typed) !== null) characters[position] = typed;
    }
  }
  return characters.join('');
}

function findLayout(payload: string): Finding | null {
  const digits = count(payload, isDigit);
  const cardBefore = looksLikeCard(payload);
  for (const layout of keyboardLayouts) {
    if (!showsLayout(payload, layout, digits)) continue;
    let repaired = undoLayout(payload, layout);
    if (layout === 'vi-windows' && !parseIdPayload(repaired, parseOptions).ok) {
      // Something composed the marks into letters (NFC): read those letters as keys too.
      const composed = undoLayout(payload, layout, { composed: true });
      const better =
        parseIdPayload(composed, parseOptions).ok ||
        (startsWithCardNumber(composed) && !startsWithCardNumber(repaired));
      if (better) repaired = composed;
    }
    // The card's shape comes back (a later check may explain what still fails, a lost "Nữ").
    const confirmed = parseIdPayload(repaired, parseOptions).ok || (looksLikeCard(repaired) && !cardBefore);
    if (confirmed || (startsWithCardNumber(repaired) && !startsWithCardNumber(payload))) {
      const found = damage('keyboard-layout', [payload.slice(0, snippetLength)], confirmed);
      return { damage: { ...found, layout }, repaired: keepTypedLetters(payload, repaired) };
    }
  }
  return null;
}

// ---- input method ---------------------------------------------------------------------------

/** True for a letter Telex makes of hex digits: â ê đ (aa ee dd), à è ầ ề (… + f). */
function telexMadeFromHex(character: string): boolean {
  const read = readLetter(character);
  if (read === null || (read.tone !== 0 && read.tone !== 2)) return false;
  if (read.letter === 'â' || read.letter === 'ê') return true;
  if (read.letter === 'đ') return read.tone === 0;
  return (read.letter === 'a' || read.letter === 'e') && read.tone === 2;
}

/** True for a letter VNI makes of hex digits: a, e, â, ă, ê in any tone, đ (d9), but not a plain a/e. */
function vniMadeFromHex(character: string): boolean {
  const read = readLetter(character);
  if (read === null) return false;
  if (read.letter === 'đ') return read.tone === 0;
  if (read.letter === 'â' || read.letter === 'ă' || read.letter === 'ê') return true;
  return (read.letter === 'a' || read.letter === 'e') && read.tone !== 0;
}

function isHexDigit(code: number): boolean {
  const letter = code | 32;
  return (code >= 48 && code <= 57) || (letter >= 97 && letter <= 102);
}

interface DamagedField {
  start: number;
  end: number;
  text: string;
  /** Index in `text` of the first character that is not a hex digit. */
  firstDamage: number;
  /** What the field must be once undone. */
  wellFormed: (text: string) => boolean;
}

const isHexText = (text: string) => isEvenLengthHex(text) && decodeHexText(text) !== null;
// "<15–16 hex>-<4 hex>", kept opaque by the parser; its hex letters are rewritten like the others.
const isCheckString = (text: string) => /^[0-9A-Fa-f]+-[0-9A-Fa-f]+$/.test(text);

/**
 * The BHYT fields written in hex (name, address, issuer, the check string) that are not, but hold
 * only hex digits and letters: what an input method leaves.
 */
function damagedHexFields(payload: string): DamagedField[] {
  fields.load(payload, 0, payload.length);
  if (detectPayloadKind(fields) !== 'bhyt') return [];
  const elements = endsWithTerminator(fields) ? fields.count - 1 : fields.count;
  const checked: [number, (text: string) => boolean][] = [
    [1, isHexText],
    [4, isHexText],
  ];
  if (elements >= 14) checked.push([13, isCheckString]);
  if (elements === 16) checked.push([15, isHexText]);
  const damaged: DamagedField[] = [];
  for (const [index, wellFormed] of checked) {
    if (index >= fields.count) continue;
    const start = skipSpaces(payload, fields.start(index), fields.end(index));
    const end = dropTrailingSpaces(payload, start, fields.end(index));
    const text = payload.slice(start, end);
    if (text === '' || text === '-' || wellFormed(text)) continue;
    let firstDamage = -1;
    let letters = true;
    for (let position = 0; position < text.length; position += 1) {
      const code = text.charCodeAt(position);
      if (isHexDigit(code) || code === 45) continue;
      if (firstDamage < 0) firstDamage = position;
      if (code < 128 || readLetter(text[position] as string) === null) letters = false;
    }
    if (firstDamage >= 0 && letters) damaged.push({ start, end, text, firstDamage, wellFormed });
  }
  return damaged;
}

/** What `field` was before `method` rewrote it, when that is well-formed; null otherwise. */
function textBefore(field: DamagedField, method: InputMethod): string | null {
  for (const marks of ['after-letter', 'end-of-word'] as const) {
    const keys = vietnameseKeys(field.text, { method, marks });
    if (field.wellFormed(keys)) return keys;
  }
  return null;
}

function undoInputMethod(
  payload: string,
  damaged: readonly DamagedField[],
  method: InputMethod,
): string | null {
  let repaired = '';
  let from = 0;
  for (const field of damaged) {
    const before = textBefore(field, method);
    if (before === null) return null;
    repaired += payload.slice(from, field.start) + before;
    from = field.end;
  }
  return repaired + payload.slice(from);
}

function madeBy(damaged: readonly DamagedField[], made: (character: string) => boolean): boolean {
  return damaged.every((field) =>
    [...field.text].every((character) => character.charCodeAt(0) < 128 || made(character)),
  );
}

function findInputMethod(payload: string): Finding | null {
  if (isAscii(payload)) return null;
  const damaged = damagedHexFields(payload);
  if (damaged.length === 0) return null;
  const byTelex = madeBy(damaged, telexMadeFromHex);
  const byVni = madeBy(damaged, vniMadeFromHex);
  if (!byTelex && !byVni) return null;
  const telex = byTelex ? undoInputMethod(payload, damaged, 'telex') : null;
  const vni = byVni ? undoInputMethod(payload, damaged, 'vni') : null;
  // Telex is far more common; VNI wins when only VNI explains the letters or gives hex back.
  const useVni =
    !byTelex ||
    (telex === null && vni !== null) ||
    (telex !== null && vni !== null && prefersVni(telex, vni));
  const repaired = useVni ? vni : telex;
  const evidence = damaged.map((field) => around(field.text, field.firstDamage));
  return {
    damage: damage(useVni ? 'input-method-vni' : 'input-method-telex', evidence, repaired !== null),
    repaired,
  };
}

/** Both undo into hex: the one whose payload parses. */
function prefersVni(telex: string, vni: string): boolean {
  return !parseIdPayload(telex, parseOptions).ok && parseIdPayload(vni, parseOptions).ok;
}

// ---- wrong encoding -------------------------------------------------------------------------

const codePages = [windows1252Byte, cp437Byte] as const;
const encoder = new TextEncoder();

/** True when a UTF-8 lead byte followed by a continuation byte shows as two characters of the page. */
function showsUtf8Bytes(payload: string, byteOf: (code: number) => number): boolean {
  for (let index = 0; index + 1 < payload.length; index += 1) {
    const code = payload.charCodeAt(index);
    if (code < 0x80) continue;
    const lead = byteOf(code);
    if (lead < 0xc2 || lead > 0xf4) continue;
    const next = byteOf(payload.charCodeAt(index + 1));
    if (next >= 0x80 && next <= 0xbf) return true;
  }
  return false;
}

/** The text whose UTF-8 bytes `payload` shows one per character, or null. */
function readAsUtf8(payload: string, byteOf: (code: number) => number): string | null {
  const bytes: number[] = [];
  for (const character of payload) {
    const byte = character.length === 1 ? byteOf(character.charCodeAt(0)) : -1;
    if (byte >= 0) bytes.push(byte);
    else bytes.push(...encoder.encode(character));
  }
  return decodePayloadBytes(Uint8Array.from(bytes));
}

function findWrongEncoding(payload: string): Finding | null {
  for (const byteOf of codePages) {
    if (!showsUtf8Bytes(payload, byteOf)) continue;
    const repaired = readAsUtf8(payload, byteOf);
    if (repaired === null || repaired === payload) continue;
    let first = 0;
    while (first < payload.length && byteOf(payload.charCodeAt(first)) < 0x80) first += 1;
    const evidence = [around(payload, first)];
    return {
      damage: damage('wrong-encoding', evidence, parseIdPayload(repaired, parseOptions).ok),
      repaired,
    };
  }
  return null;
}

// ---- lost characters ------------------------------------------------------------------------

function isLost(character: string): boolean {
  return character === '?' || character === '\ufffd';
}

/** The words of a field that hold a `?` or U+FFFD. */
function lostWords(text: string): string[] {
  return text
    .split(' ')
    .filter((word) => [...word].some(isLost))
    .map((word) => word.slice(0, snippetLength));
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 127) return false;
  return true;
}

/** `Nu`, `N?`, `N??`, `N\ufffd` …: the sex word `Nữ` typed without its ữ. */
function isLostSexWord(text: string): boolean {
  return /^n(u|[?\ufffd]{1,3})$/i.test(text.trim());
}

function letterWords(text: string): number {
  return text.split(/[\s,.]+/).filter((word) => /^[A-Za-z]+$/.test(word)).length;
}

function findLostCharacters(payload: string, parsed: IdParseResult): Finding | null {
  fields.load(payload, 0, payload.length);
  const kind = parsed.ok ? parsed.kind : detectPayloadKind(fields);
  if (kind === null) return null;
  const evidence: string[] = [];
  for (const index of textFieldIndexes(kind)) {
    if (index < fields.count) evidence.push(...lostWords(fields.slice(index)));
  }
  if (kind === 'cccd' && fields.count > 4 && isLostSexWord(fields.slice(4)))
    evidence.push(fields.slice(4).trim());
  if (payload.includes('\ufffd') && evidence.length === 0)
    evidence.push(around(payload, payload.indexOf('\ufffd')));
  if (evidence.length > 0) return { damage: damage('lost-characters', evidence, true), repaired: null };
  if (!parsed.ok) return null;
  if (parsed.warnings.some((warning) => warning.code === 'lost-diacritics')) {
    const name = parsed.fields.fullName;
    return { damage: damage('lost-characters', [name.slice(0, snippetLength)], true), repaired: null };
  }
  // A CCCD whose name and address have no diacritic at all: real addresses always carry one.
  if (parsed.kind === 'cccd') {
    const { fullName, address } = parsed.fields;
    if (address !== null && isAscii(fullName) && isAscii(address) && letterWords(address) >= 3) {
      return { damage: damage('lost-characters', [address.slice(0, snippetLength)], false), repaired: null };
    }
  }
  return null;
}

// ---- the diagnosis --------------------------------------------------------------------------

function isUpperCased(payload: string): boolean {
  return !/\p{Ll}/u.test(payload) && /\p{Lu}/u.test(payload);
}

/** What damaged a keyboard-wedge scan of a card, and the fix; `none` for a clean scan. Never throws. */
export function diagnoseWedgeText(text: string): WedgeDiagnosis {
  if (typeof text !== 'string') return { kind: 'none', notes: [] };
  const start = payloadStart(text);
  const end = payloadEnd(text, start);
  if (start === end || end - start > maxPayloadBytes) return { kind: 'none', notes: [] };
  let payload = start === 0 && end === text.length ? text : text.slice(start, end);
  let parsed = parseIdPayload(payload, parseOptions);
  const findings: WedgeDamage[] = [];
  const apply = (finding: Finding | null) => {
    if (finding === null) return;
    findings.push(finding.damage);
    if (finding.repaired === null) return;
    payload = finding.repaired;
    parsed = parseIdPayload(payload, parseOptions);
  };
  if (!parsed.ok) apply(findLayout(payload));
  apply(findInputMethod(payload));
  apply(findWrongEncoding(payload));
  apply(findLostCharacters(payload, parsed));
  const [primary, ...others] = findings;
  if (primary === undefined) return { kind: 'none', notes: isUpperCased(payload) ? ['upper-cased'] : [] };
  return { ...primary, others: others.map((finding) => finding.kind) };
}
