import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kioskInputVerdict, type BlockedInputReason, type KeyInput } from './kiosk-input-policy.ts';

/**
 * A key event as Electron reports it. `modifiers`: any of ctrl, cmd, alt, shift, space-separated.
 * The key defaults to what a US layout gives for `code` (KeyR → r or R, Digit5 → 5, else the code).
 */
function input(modifiers: string, code: string, key?: string, type = 'keyDown'): KeyInput {
  const held = new Set(modifiers.split(' ').filter(Boolean));
  const shift = held.has('shift');
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  const digit = /^Digit([0-9])$/.exec(code)?.[1];
  const defaultKey = letter ? (shift ? letter : letter.toLowerCase()) : (digit ?? code);
  return {
    type,
    code,
    key: key ?? defaultKey,
    control: held.has('ctrl'),
    meta: held.has('cmd'),
    alt: held.has('alt'),
    shift,
  };
}

const blockedCases: ReadonlyArray<[BlockedInputReason, string, string, string?]> = [
  ['reload', '', 'F5'],
  ['reload', 'ctrl', 'F5'],
  ['reload', 'shift', 'F5'],
  ['reload', 'ctrl', 'KeyR'],
  ['reload', 'cmd', 'KeyR'],
  ['reload', 'ctrl shift', 'KeyR'],
  ['reload', '', 'BrowserRefresh'],
  ['devtools', '', 'F12'],
  ['devtools', 'shift', 'F12'],
  ['devtools', 'ctrl shift', 'KeyI'],
  ['devtools', 'ctrl shift', 'KeyJ'],
  ['devtools', 'ctrl shift', 'KeyC'],
  ['devtools', 'cmd alt', 'KeyI', 'ˆ'],
  ['devtools', 'cmd alt', 'KeyJ', '∆'],
  ['devtools', 'cmd shift', 'KeyC'],
  ['close', 'ctrl', 'KeyW'],
  ['close', 'cmd', 'KeyW'],
  ['close', 'ctrl shift', 'KeyW'],
  ['close', 'ctrl', 'KeyQ'],
  ['close', 'cmd', 'KeyQ'],
  ['close', 'alt', 'F4'],
  ['close', 'ctrl', 'F4'],
  ['new-window', 'ctrl', 'KeyN'],
  ['new-window', 'ctrl shift', 'KeyN'],
  ['new-window', 'ctrl', 'KeyT'],
  ['new-window', 'ctrl shift', 'KeyT'],
  ['print', 'ctrl', 'KeyP'],
  ['print', 'ctrl shift', 'KeyP'],
  ['find', 'ctrl', 'KeyF'],
  ['save-open', 'ctrl', 'KeyS'],
  ['save-open', 'ctrl', 'KeyO'],
  ['zoom', 'ctrl', 'Equal', '='],
  ['zoom', 'ctrl shift', 'Equal', '+'],
  ['zoom', 'ctrl', 'Minus', '-'],
  ['zoom', 'ctrl', 'Digit0'],
  ['zoom', 'ctrl', 'NumpadAdd', '+'],
  ['zoom', 'ctrl', 'NumpadSubtract', '-'],
  ['zoom', 'ctrl', 'Numpad0', '0'],
  ['zoom', 'cmd', 'Equal', '='],
  ['fullscreen', '', 'F11'],
  ['history', 'alt', 'ArrowLeft'],
  ['history', 'alt', 'ArrowRight'],
  ['history', '', 'BrowserBack'],
  ['history', '', 'BrowserForward'],
  ['history', '', 'BrowserHome'],
  ['view-source', 'ctrl', 'KeyU'],
  ['address-bar', '', 'F6'],
  ['address-bar', 'shift', 'F6'],
  ['address-bar', 'ctrl', 'KeyL'],
  ['context-menu', '', 'ContextMenu'],
  ['context-menu', 'shift', 'F10'],
  ['system-menu', 'alt', 'Space', ' '],
  // Another layout: the shortcut follows the physical key (Cyrillic к is on KeyR) …
  ['reload', 'ctrl', 'KeyR', 'к'],
  // … or the letter the layout types (Dvorak's w sits where US has the comma).
  ['close', 'ctrl', 'Comma', 'w'],
  // AZERTY: Ctrl and the key 0 is on resets the zoom.
  ['zoom', 'ctrl', 'Digit0', 'à'],
];

const passingCases: ReadonlyArray<[string, string, string, string?]> = [
  ['a letter', '', 'KeyA'],
  ['a capital letter', 'shift', 'KeyR'],
  ['a digit', '', 'Digit7'],
  ['a keypad digit', '', 'Numpad5', '5'],
  ['Enter (the scanner ends a code with it)', '', 'Enter'],
  ['Tab', '', 'Tab'],
  ['Shift+Tab', 'shift', 'Tab'],
  ['ArrowLeft', '', 'ArrowLeft'],
  ['ArrowRight', '', 'ArrowRight'],
  ['ArrowUp', '', 'ArrowUp'],
  ['Backspace', '', 'Backspace'],
  ['Delete', '', 'Delete'],
  ['Escape', '', 'Escape'],
  ['Space', '', 'Space', ' '],
  ['a separator the CCCD QR code uses', 'shift', 'Backslash', '|'],
  ['F1', '', 'F1'],
  ['F2', '', 'F2'],
  ['F3', '', 'F3'],
  ['F4 alone', '', 'F4'],
  ['Shift+F4', 'shift', 'F4'],
  ['F7', '', 'F7'],
  ['F8', '', 'F8'],
  ['F9', '', 'F9'],
  ['F10 alone', '', 'F10'],
  ['Alt pressed alone (starts an Alt code)', 'alt', 'AltLeft', 'Alt'],
  ['the right Alt', 'alt', 'AltRight', 'Alt'],
  ['Alt + keypad digit', 'alt', 'Numpad0', '0'],
  ['Alt + keypad 4 with NumLock off (reported as ArrowLeft)', 'alt', 'Numpad4', 'ArrowLeft'],
  ['Alt + keypad 6 with NumLock off (reported as ArrowRight)', 'alt', 'Numpad6', 'ArrowRight'],
  ['Alt + NumpadAdd (starts a hex Alt code)', 'alt', 'NumpadAdd', '+'],
  ['Alt + digit row (hex digit)', 'alt', 'Digit9'],
  ['Alt + D (hex digit, not the address bar)', 'alt', 'KeyD'],
  ['Alt + F (hex digit, not a menu)', 'alt', 'KeyF'],
  ['Ctrl+C (copy in a field)', 'ctrl', 'KeyC'],
  ['Ctrl+V (paste in a field)', 'ctrl', 'KeyV'],
  ['Ctrl+A', 'ctrl', 'KeyA'],
  ['Ctrl+Z', 'ctrl', 'KeyZ'],
  ['Ctrl+Backspace', 'ctrl', 'Backspace'],
  ['Ctrl+ArrowLeft (word left)', 'ctrl', 'ArrowLeft'],
  ['Ctrl+Shift+U (Unicode entry on Linux)', 'ctrl shift', 'KeyU'],
  ['AltGr+Q on a German layout (@)', 'ctrl alt', 'KeyQ', '@'],
  ['AltGr+E (€)', 'ctrl alt', 'KeyE', '€'],
  ['AltGr+W on a Polish layout (ś)', 'ctrl alt', 'KeyW', 'ś'],
  ['AltGr+0 on a German layout (})', 'ctrl alt', 'Digit0', '}'],
  ['a Vietnamese letter from the input method', '', 'KeyE', 'ễ'],
  ['an input-method key', '', 'KeyA', 'Process'],
  ['a key the OS could not name', '', '', 'Unidentified'],
];

describe('kiosk input policy: blocked', () => {
  it.each(blockedCases)('%s: %s %s (%s)', (reason, modifiers, code, key) => {
    expect(kioskInputVerdict(input(modifiers, code, key))).toEqual({ block: true, reason });
  });

  it.each(blockedCases)('%s on key-up too: %s %s', (reason, modifiers, code, key) => {
    expect(kioskInputVerdict(input(modifiers, code, key, 'keyUp'))).toEqual({ block: true, reason });
  });
});

describe('kiosk input policy: typing and the scanner pass', () => {
  it.each(passingCases)('%s', (_label, modifiers, code, key) => {
    expect(kioskInputVerdict(input(modifiers, code, key))).toEqual({ block: false });
    expect(kioskInputVerdict(input(modifiers, code, key, 'keyUp'))).toEqual({ block: false });
  });

  it('lets a whole Windows Alt code through, Alt down to Alt up (Alt+0233 → é)', () => {
    const sequence = [
      input('alt', 'AltLeft', 'Alt'),
      ...['0', '2', '3', '3'].flatMap((digit) => [
        input('alt', `Numpad${digit}`, digit),
        input('alt', `Numpad${digit}`, digit, 'keyUp'),
      ]),
      input('', 'AltLeft', 'Alt', 'keyUp'),
    ];
    expect(sequence.filter((event) => kioskInputVerdict(event).block)).toEqual([]);
  });

  it('lets a hex Alt code through (Alt, NumpadAdd, 1, e, c, 5 → ễ)', () => {
    const sequence = [
      input('alt', 'AltLeft', 'Alt'),
      input('alt', 'NumpadAdd', '+'),
      input('alt', 'Numpad1', '1'),
      input('alt', 'KeyE', 'e'),
      input('alt', 'KeyC', 'c'),
      input('alt', 'Digit5'),
      input('', 'AltLeft', 'Alt', 'keyUp'),
    ];
    expect(sequence.filter((event) => kioskInputVerdict(event).block)).toEqual([]);
  });

  it('never blocks a key of the typing area pressed alone or with Shift', () => {
    const typingCode = fc.oneof(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ').map((letter) => `Key${letter}`),
      fc.integer({ min: 0, max: 9 }).map((digit) => `Digit${digit}`),
      fc.integer({ min: 0, max: 9 }).map((digit) => `Numpad${digit}`),
      fc.constantFrom(
        'Space',
        'Enter',
        'Tab',
        'Backspace',
        'Minus',
        'Equal',
        'Slash',
        'Backslash',
        'Period',
        'Comma',
        'Semicolon',
        'Quote',
        'BracketLeft',
        'BracketRight',
        'NumpadEnter',
        'NumpadDecimal',
      ),
    );
    fc.assert(
      fc.property(typingCode, fc.string({ minLength: 1, maxLength: 1 }), fc.boolean(), (code, key, shift) => {
        const event = input(shift ? 'shift' : '', code, key);
        expect(kioskInputVerdict(event)).toEqual({ block: false });
      }),
    );
  });

  it('never blocks Alt with a key an Alt code may use', () => {
    const altCodeKey = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((digit) => `Numpad${digit}`),
      fc.integer({ min: 0, max: 9 }).map((digit) => `Digit${digit}`),
      fc.constantFrom('KeyA', 'KeyB', 'KeyC', 'KeyD', 'KeyE', 'KeyF', 'NumpadAdd', 'AltLeft', 'AltRight'),
    );
    const keyOfNumLockOff = fc.constantFrom(
      'ArrowLeft',
      'ArrowRight',
      'ArrowUp',
      'ArrowDown',
      'Home',
      'End',
      'PageUp',
      'PageDown',
      'Insert',
      'Clear',
    );
    fc.assert(
      fc.property(
        altCodeKey,
        fc.option(keyOfNumLockOff),
        fc.constantFrom('keyDown', 'keyUp'),
        (code, key, type) => {
          expect(kioskInputVerdict(input('alt', code, key ?? undefined, type)).block).toBe(false);
        },
      ),
    );
  });
});
