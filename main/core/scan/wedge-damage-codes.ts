// The stable codes of a wedge-scan diagnosis (wedge-damage.ts), in a module of their own: the API
// contract and the renderer need the lists (to validate, to translate) without the diagnosis code.

/** The kinds of damage, most important first (the order in which they are checked). */
export const wedgeDamageKinds = [
  'keyboard-layout',
  'input-method-telex',
  'input-method-vni',
  'wrong-encoding',
  'lost-characters',
] as const;
export type WedgeDamageKind = (typeof wedgeDamageKinds)[number];

/**
 * What the officer changes. `keyboard-layout-us`: set the PC's keyboard layout to English (US), or
 * switch the scanner to HID-POS. `input-method-off`: turn the Vietnamese input method off (Unikey,
 * EVKey, the Windows IME), or switch the scanner to HID-POS. `scanner-encoding-or-hid-pos`: set the
 * scanner's Alt-code output to Unicode characters, not UTF-8 bytes, or switch it to HID-POS.
 * `scanner-unicode-or-hid-pos`: switch the scanner to HID-POS, or to its Unicode/Alt-code mode.
 */
export const wedgeFixes = [
  'keyboard-layout-us',
  'input-method-off',
  'scanner-encoding-or-hid-pos',
  'scanner-unicode-or-hid-pos',
] as const;
export type WedgeFix = (typeof wedgeFixes)[number];

/** Observations that are not damage. */
export const wedgeNotes = ['upper-cased'] as const;
export type WedgeNote = (typeof wedgeNotes)[number];
