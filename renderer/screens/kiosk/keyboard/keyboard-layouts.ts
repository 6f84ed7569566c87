// The keys of each layout, row by row. A key's `id` is its `data-key` (automated tests press keys
// by it): the character for keys that type one (always lower case: "a", not "A" under shift), the
// text for the quick keys (".com"), a name for the others ("backspace", "space", "done").

export type KeyboardLayout = 'numeric' | 'email' | 'vietnamese-text';

export type KeyAction =
  /** A letter: composed with Telex on the Vietnamese layout, upper case under shift there. */
  | { readonly kind: 'letter'; readonly letter: string }
  /** Characters typed as they are (digits, punctuation, ".com"); they end a Telex word. */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'space' }
  | { readonly kind: 'backspace' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'shift' }
  | { readonly kind: 'done' };

/** How much of a row a key takes, relative to a letter key. */
export type KeyWidth = 'single' | 'wide' | 'wider' | 'space';

export interface KeySpec {
  readonly id: string;
  readonly action: KeyAction;
  readonly width: KeyWidth;
}

/** A row of keys; `indent` rows (the a–l row) start half a key in, as on a real keyboard. */
export interface KeyRow {
  readonly keys: readonly KeySpec[];
  readonly indent?: boolean;
}

const letterKeys = (letters: string): KeySpec[] =>
  [...letters].map((letter) => ({ id: letter, action: { kind: 'letter', letter }, width: 'single' }));

const textKey = (text: string, width: KeyWidth = 'single'): KeySpec => ({
  id: text,
  action: { kind: 'text', text },
  width,
});

const textKeys = (characters: string): KeySpec[] => [...characters].map((character) => textKey(character));

const named = (kind: 'space' | 'backspace' | 'clear' | 'shift' | 'done', width: KeyWidth): KeySpec => ({
  id: kind,
  action: { kind },
  width,
});

const digitRow: KeyRow = { keys: textKeys('1234567890') };

/** A phone's pad: 1–9 in three rows, then clear, 0, backspace; Done below, the width of the pad. */
const numericRows: readonly KeyRow[] = [
  { keys: textKeys('123') },
  { keys: textKeys('456') },
  { keys: textKeys('789') },
  { keys: [named('clear', 'single'), textKey('0'), named('backspace', 'single')] },
  { keys: [named('done', 'single')] },
];

// E-mail addresses are typed in lower case (they are compared without case): no shift. The quick
// keys cover what most citizens' addresses end with.
const emailRows: readonly KeyRow[] = [
  digitRow,
  { keys: letterKeys('qwertyuiop') },
  { keys: letterKeys('asdfghjkl'), indent: true },
  { keys: [...letterKeys('zxcvbnm'), named('backspace', 'wide')] },
  {
    keys: [
      ...textKeys('@._-+'),
      textKey('.com', 'wide'),
      textKey('@gmail.com', 'wider'),
      named('clear', 'wide'),
      named('done', 'wide'),
    ],
  },
];

// Addresses need digits ("Số 12/3") and a little punctuation; the apostrophe is for names such as
// "H'Mông".
const vietnameseRows: readonly KeyRow[] = [
  digitRow,
  { keys: letterKeys('qwertyuiop') },
  { keys: letterKeys('asdfghjkl'), indent: true },
  { keys: [named('shift', 'wide'), ...letterKeys('zxcvbnm'), named('backspace', 'wide')] },
  {
    keys: [...textKeys(",.-/'"), named('space', 'space'), named('clear', 'wide'), named('done', 'wide')],
  },
];

export const keyboardRows: Readonly<Record<KeyboardLayout, readonly KeyRow[]>> = {
  numeric: numericRows,
  email: emailRows,
  'vietnamese-text': vietnameseRows,
};
