// What a keyboard-wedge scanner's keystrokes type when the PC's active keyboard layout is not the
// US one the scanner assumes. The scanner sends key positions (HID usages) for US characters; the
// PC turns each position into whatever its layout puts there. A CCCD payload starts with 12
// digits, so a layout that moves the digit row shows at once. Only the keys a card payload uses
// matter here (digits, letters, `|`, `/`, `-`, `$`, `#`, space and punctuation of addresses); dead
// keys (AZERTY `^`, QWERTZ `´`) type nothing by themselves and are left out.

export type KeyboardLayoutId = 'fr-azerty' | 'de-qwertz' | 'vi-windows';

// US character → what the layout types at that key position, unshifted and shifted.
const layoutPairs: Readonly<Record<KeyboardLayoutId, readonly (readonly [string, string])[]>> = {
  // Windows "French": the digit row needs Shift for digits, a↔q, z↔w, m sits right of l.
  'fr-azerty': pairs(
    '1&',
    '2é',
    '3"',
    "4'",
    '5(',
    '6-',
    '7è',
    '8_',
    '9ç',
    '0à',
    '-)',
    'qa',
    'wz',
    'aq',
    ';m',
    "'ù",
    '\\*',
    'zw',
    'm,',
    ',;',
    '.:',
    '/!',
    '`²',
    '!1',
    '@2',
    '#3',
    '$4',
    '%5',
    '^6',
    '&7',
    '*8',
    '(9',
    ')0',
    '_°',
    'QA',
    'WZ',
    'AQ',
    ':M',
    '"%',
    '|µ',
    'ZW',
    'M?',
    '<.',
    '>/',
    '?§',
    ']$',
    '}£',
  ),
  // Windows "German": y↔z, and the symbols around the letters move.
  'de-qwertz': pairs(
    '-ß',
    'yz',
    'zy',
    '[ü',
    ']+',
    ';ö',
    "'ä",
    '\\#',
    '/-',
    '@"',
    '#§',
    '^&',
    '&/',
    '*(',
    '()',
    ')=',
    '_?',
    'YZ',
    'ZY',
    '{Ü',
    '}*',
    ':Ö',
    '"Ä',
    "|'",
    '<;',
    '>:',
    '?_',
    '~°',
  ),
  // Windows "Vietnamese" (KBDVNTC): the digit row types ă â ê ô, the five tone marks as combining
  // characters (U+0300 U+0309 U+0303 U+0301 U+0323) and đ; = is ₫, the brackets ư and ơ. Shift
  // gives the capitals of the letters; the shifted marks are taken to stay the US symbols.
  'vi-windows': pairs(
    '1ă',
    '2â',
    '3ê',
    '4ô',
    '5\u0300',
    '6\u0309',
    '7\u0303',
    '8\u0301',
    '9\u0323',
    '0đ',
    '=₫',
    '[ư',
    ']ơ',
    '!Ă',
    '@Â',
    '#Ê',
    '$Ô',
    ')Đ',
    '{Ư',
    '}Ơ',
  ),
};

function pairs(...entries: string[]): (readonly [string, string])[] {
  return entries.map((entry) => [entry[0] as string, entry.slice(1)] as const);
}

const typedByLayout = new Map<KeyboardLayoutId, ReadonlyMap<string, string>>();
const keyByLayout = new Map<KeyboardLayoutId, ReadonlyMap<string, string>>();
for (const [layout, entries] of Object.entries(layoutPairs) as [
  KeyboardLayoutId,
  (typeof layoutPairs)[KeyboardLayoutId],
][]) {
  typedByLayout.set(layout, new Map(entries));
  keyByLayout.set(layout, new Map(entries.map(([us, typed]) => [typed, us])));
}

export const keyboardLayouts: readonly KeyboardLayoutId[] = ['fr-azerty', 'de-qwertz', 'vi-windows'];

/** What the US-layout `text` comes out as when typed with `layout` active. */
export function typeOnLayout(text: string, layout: KeyboardLayoutId): string {
  const typed = typedByLayout.get(layout) as ReadonlyMap<string, string>;
  let result = '';
  for (const character of text) result += typed.get(character) ?? character;
  return result;
}

/**
 * The US text whose keystrokes `text` shows on `layout` (the inverse of `typeOnLayout`; one
 * character for one). With `composed`, a letter the Vietnamese layout's keys make only once
 * something composed them (ẵ from ă + ◌̃, after NFC) is read as its keys too.
 */
export function undoLayout(text: string, layout: KeyboardLayoutId, options?: { composed?: boolean }): string {
  const keys = keyByLayout.get(layout) as ReadonlyMap<string, string>;
  const composed = options?.composed === true && layout === 'vi-windows';
  let result = '';
  for (const character of text) {
    const key = keys.get(character);
    if (key !== undefined) {
      result += key;
    } else if (composed && character.charCodeAt(0) >= 0xc0) {
      result += undoComposed(character, keys);
    } else {
      result += character;
    }
  }
  return result;
}

// The letter's key comes first (ă, then its tone mark, is how it was typed); NFC keeps no order
// between two marks of one letter, so a letter with two tone marks reads back in canonical order.
function undoComposed(character: string, keys: ReadonlyMap<string, string>): string {
  const parts = [...character.normalize('NFD')];
  const base = parts[0] ?? '';
  const shape = parts.findIndex((mark) => mark === '\u0306' || mark === '\u0302');
  const letterKey = shape > 0 ? keys.get((base + (parts[shape] as string)).normalize('NFC')) : undefined;
  let result = letterKey ?? base;
  parts.forEach((mark, index) => {
    if (index === 0 || (letterKey !== undefined && index === shape)) return;
    result += keys.get(mark) ?? mark;
  });
  return result;
}

/** The characters `layout` types where the US layout has digits: many of them mean the layout. */
export function digitSymbols(layout: KeyboardLayoutId): ReadonlySet<string> {
  const typed = typedByLayout.get(layout) as ReadonlyMap<string, string>;
  const symbols = new Set<string>();
  for (const digit of '0123456789') {
    const symbol = typed.get(digit);
    if (symbol !== undefined) symbols.add(symbol);
  }
  return symbols;
}

/** What `layout` types for the US `|` that separates card fields (itself when unchanged). */
export function separatorOn(layout: KeyboardLayoutId): string {
  return (typedByLayout.get(layout) as ReadonlyMap<string, string>).get('|') ?? '|';
}
