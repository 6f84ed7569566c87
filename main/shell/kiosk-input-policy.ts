// Which key presses a kiosk window swallows before the page sees them (webContents
// 'before-input-event'). Electron without an application menu has few shortcuts of its own, but a
// citizen — or a barcode crafted for a scanner that turns control characters into Ctrl+letter
// ("control character emulation": 0x12 → Ctrl+R, 0x17 → Ctrl+W, 0x10 → Ctrl+P) — must not be able
// to reload, close, print, open devtools or reach anything of a browser even if a menu comes back.
//
// What must keep working is typing, and above all the keyboard-wedge scanner: letters, digits,
// Enter, Tab, arrows, Backspace, Escape, F-keys not named here, and Windows Alt codes (Alt held
// while digits are typed on the keypad, or Alt + NumpadAdd + hex digits from the keypad, the digit
// row or the letters a–f; renderer/scan/alt-numpad-decoder.ts turns them back into characters).
// Hence:
// - Alt's own key events always pass: the decoder starts a sequence on Alt's keydown and ends it
//   on Alt's keyup. The menu that a lone Alt would show is removed instead (enterKioskMode).
// - Shortcuts with Alt are matched on the physical key (`code`): with NumLock off, Numpad4 reports
//   the key ArrowLeft, and Alt + Numpad4 is part of an Alt code, not "back".
// - Ctrl/Cmd shortcuts require Alt to be up: Windows reports AltGr as Ctrl+Alt, so AltGr+Q (`@` on
//   a German layout) is typing.
// The renderer's wedge capture ignores Ctrl/Cmd key presses, so blocking those costs no scan.

/** The fields of Electron's `Input` (before-input-event) that the policy reads. */
export interface KeyInput {
  /** 'keyDown' or 'keyUp' ('rawKeyDown' and 'char' are treated like 'keyDown'). */
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export type BlockedInputReason =
  | 'reload'
  | 'devtools'
  | 'close'
  | 'new-window'
  | 'print'
  | 'find'
  | 'save-open'
  | 'zoom'
  | 'fullscreen'
  | 'history'
  | 'view-source'
  | 'address-bar'
  | 'context-menu'
  | 'system-menu';

export type InputVerdict =
  { readonly block: false } | { readonly block: true; readonly reason: BlockedInputReason };

const pass: InputVerdict = Object.freeze({ block: false });

function blocked(reason: BlockedInputReason): InputVerdict {
  return { block: true, reason };
}

/** Ctrl, or Cmd on macOS (on Windows and Linux the OS takes the Windows/Super key first anyway). */
function primary(input: KeyInput): boolean {
  return input.control || input.meta;
}

/** The letter key `letter` (lower case), by position or by the character the layout gives it. */
function isLetter(input: KeyInput, letter: string): boolean {
  return input.code === `Key${letter.toUpperCase()}` || input.key.toLowerCase() === letter;
}

function isKey(input: KeyInput, name: string): boolean {
  return input.code === name || input.key === name;
}

/** Ctrl/Cmd + letter without Alt (so AltGr characters pass); `shift` undefined: either. */
function primaryLetter(input: KeyInput, letters: string, shift?: boolean): boolean {
  if (!primary(input) || input.alt) return false;
  if (shift !== undefined && input.shift !== shift) return false;
  return [...letters].some((letter) => isLetter(input, letter));
}

const zoomCodes = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
const zoomKeys = new Set(['=', '+', '-', '_', '0']);

/** Function keys a browser acts on whatever modifiers are held (Ctrl+F5, Shift+F12 …). */
const functionKeys: ReadonlyMap<string, BlockedInputReason> = new Map([
  ['F5', 'reload'],
  ['F6', 'address-bar'],
  ['F11', 'fullscreen'],
  ['F12', 'devtools'],
]);

/** Keys of multimedia keyboards addressed to the browser. */
const browserKeys: ReadonlyMap<string, BlockedInputReason> = new Map([
  ['BrowserBack', 'history'],
  ['BrowserForward', 'history'],
  ['BrowserRefresh', 'reload'],
  ['BrowserHome', 'history'],
  ['BrowserSearch', 'address-bar'],
  ['BrowserFavorites', 'address-bar'],
  ['BrowserStop', 'reload'],
]);

/** Whether a kiosk window swallows this key event, and why. Key-up events follow their key-down. */
export function kioskInputVerdict(input: KeyInput): InputVerdict {
  const special =
    functionKeys.get(input.code) ??
    functionKeys.get(input.key) ??
    browserKeys.get(input.code) ??
    browserKeys.get(input.key);
  if (special) return blocked(special);
  if (isKey(input, 'ContextMenu') || (isKey(input, 'F10') && input.shift)) return blocked('context-menu');
  if (isKey(input, 'F4') && (input.alt || input.control)) return blocked('close');

  if (input.alt && !primary(input)) {
    // Only keys no Alt code uses are blocked: Alt with the keypad's digits and NumpadAdd, the
    // digit row or a–f must all reach the page.
    if (input.code === 'ArrowLeft' || input.code === 'ArrowRight') return blocked('history');
    if (input.code === 'Space') return blocked('system-menu');
    return pass;
  }

  if (input.meta && input.alt && !input.control && ['i', 'j', 'c'].some((l) => isLetter(input, l))) {
    return blocked('devtools'); // Cmd+Alt+I/J/C on macOS
  }
  if (primaryLetter(input, 'ijc', true)) return blocked('devtools');
  if (primaryLetter(input, 'r')) return blocked('reload');
  if (primaryLetter(input, 'wq')) return blocked('close');
  if (primaryLetter(input, 'nt')) return blocked('new-window');
  if (primaryLetter(input, 'p')) return blocked('print');
  if (primaryLetter(input, 'f')) return blocked('find');
  if (primaryLetter(input, 'so')) return blocked('save-open');
  if (primaryLetter(input, 'l')) return blocked('address-bar');
  // Ctrl+Shift+U is the Unicode entry of IBus/GTK on Linux: typing, not view-source.
  if (primaryLetter(input, 'u', false)) return blocked('view-source');
  if (primary(input) && !input.alt && (zoomCodes.has(input.code) || zoomKeys.has(input.key))) {
    return blocked('zoom');
  }
  return pass;
}
