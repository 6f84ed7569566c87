import { useRef, useState, type JSX, type PointerEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToneStyle } from '../../../../main/core/vietnamese-input/compose-word.ts';
import { keyboardRows, type KeyAction, type KeyboardLayout, type KeySpec } from './keyboard-layouts.ts';
import {
  cleared,
  deleteLast,
  emptyMemory,
  finishWord,
  typeLiteral,
  typeTelexLetter,
  typeWordBreak,
  type Edit,
  type TypingMemory,
} from './telex-editing.ts';
import { useShiftMode } from './use-shift-mode.ts';
import './keyboard.css';

export type { KeyboardLayout } from './keyboard-layouts.ts';

export interface OnScreenKeyboardProps {
  layout: KeyboardLayout;
  /** The field's current value. */
  value: string;
  /** Every key press that changes the value gives the whole new value (NFC). */
  onChange(next: string): void;
  /** The "Done" key (after the word being typed is finished). */
  onDone(): void;
  /** Keys that would make the value longer than this many characters do nothing. */
  maxLength?: number;
  /** Default 'modern' ("Hoà", "Thuỷ"); 'classic' gives "Hòa", "Thủy". */
  toneStyle?: ToneStyle;
}

const functionLabels = {
  space: 'kiosk.keyboard.space',
  backspace: 'kiosk.keyboard.backspace',
  clear: 'kiosk.keyboard.clear',
  shift: 'kiosk.keyboard.shift',
  done: 'kiosk.keyboard.done',
} as const;

const functionIcons: Partial<Record<keyof typeof functionLabels, string>> = {
  backspace: '⌫',
  shift: '⇧',
  done: '✓',
};

// The keys must never take the focus from the field being edited: the field keeps its caret and
// its focus styles, and a screen reader stays on it. Cancelling pointerdown stops the focus change
// for mouse, pen and touch alike (measured in Chromium: a tap or click on such a button leaves the
// focus where it was, without it the button takes it); mousedown is cancelled too for input that
// arrives as mouse events only. The click still comes, so a key works with every pointer, and
// tabIndex -1 keeps the keys out of the Tab order: someone with a physical keyboard types into the
// field itself.
function keepFocus(event: PointerEvent | MouseEvent) {
  event.preventDefault();
}

function characterCount(text: string): number {
  return [...text].length;
}

/** What a character key shows (and is named): its letter, in capitals under shift, or its text. */
function characterLabel(action: KeyAction, capitals: boolean): string | null {
  if (action.kind === 'letter') return capitals ? action.letter.toUpperCase() : action.letter;
  if (action.kind === 'text') return action.text;
  return null;
}

/**
 * A touch keyboard for one kiosk field at a time, controlled by the field's value. Layouts: a
 * phone's number pad; e-mail (lower-case letters, digits, `@ . _ - +`, ".com", "@gmail.com"); and
 * Vietnamese text, with Telex composed by the input engine (switchable off for foreign names),
 * shift and capitals lock. Keys act at the end of the value (see telex-editing.ts).
 */
export function OnScreenKeyboard(props: OnScreenKeyboardProps): JSX.Element {
  const { layout, value, onChange, onDone, maxLength, toneStyle = 'modern' } = props;
  const { t } = useTranslation();
  const shift = useShiftMode();
  const [telex, setTelex] = useState(true);
  const memory = useRef<TypingMemory>(emptyMemory);
  const vietnamese = layout === 'vietnamese-text';
  const telexActive = vietnamese && telex;
  const capitals = vietnamese && shift.mode !== 'off';

  const apply = (edit: Edit): boolean => {
    const longer = characterCount(edit.value) > characterCount(value);
    if (maxLength !== undefined && longer && characterCount(edit.value) > maxLength) return false;
    memory.current = edit.memory;
    if (edit.value !== value) onChange(edit.value);
    return true;
  };

  const press = (action: KeyAction) => {
    switch (action.kind) {
      case 'letter': {
        const key = capitals ? action.letter.toUpperCase() : action.letter;
        const edit = telexActive
          ? typeTelexLetter(value, key, memory.current, toneStyle)
          : typeLiteral(value, key);
        if (apply(edit) && vietnamese) shift.letterTyped();
        return;
      }
      case 'text':
        apply(typeWordBreak(value, action.text, memory.current, toneStyle));
        return;
      case 'space':
        apply(typeWordBreak(value, ' ', memory.current, toneStyle));
        return;
      case 'backspace':
        apply(deleteLast(value, memory.current, toneStyle));
        return;
      case 'clear':
        apply(cleared());
        return;
      case 'shift':
        shift.tap();
        return;
      case 'done':
        apply(finishWord(value, memory.current, toneStyle));
        onDone();
        return;
    }
  };

  const renderKey = (spec: KeySpec) => {
    const { action } = spec;
    const character = characterLabel(action, capitals);
    const functionKey = action.kind === 'letter' || action.kind === 'text' ? null : action.kind;
    const classes = ['osk-key', `osk-key--${spec.width}`];
    if (functionKey !== null) classes.push('osk-key--function', `osk-key--${functionKey}`);
    if (functionKey === 'shift' && shift.mode !== 'off') classes.push(`osk-key--shift-${shift.mode}`);
    // One address has one @: the @ keys rest once it is there.
    const disabled =
      layout === 'email' && action.kind === 'text' && action.text.startsWith('@') && value.includes('@');
    const icon = functionKey === null ? undefined : functionIcons[functionKey];
    return (
      <button
        key={spec.id}
        type="button"
        tabIndex={-1}
        className={classes.join(' ')}
        data-key={spec.id}
        data-shift={functionKey === 'shift' ? shift.mode : undefined}
        aria-pressed={functionKey === 'shift' ? shift.mode !== 'off' : undefined}
        disabled={disabled}
        onPointerDown={keepFocus}
        onMouseDown={keepFocus}
        onClick={() => press(action)}
      >
        {functionKey === null ? (
          character
        ) : (
          <>
            {icon !== undefined && (
              <span className="osk-key-icon" aria-hidden="true">
                {icon}
              </span>
            )}
            <span className="osk-key-label">{t(functionLabels[functionKey])}</span>
          </>
        )}
      </button>
    );
  };

  const rows = keyboardRows[layout].map((row, index) => (
    <div key={index} className={row.indent === true ? 'osk-row osk-row--indent' : 'osk-row'}>
      {row.keys.map(renderKey)}
    </div>
  ));

  return (
    <div
      className={`osk osk--${layout}`}
      role="group"
      aria-label={t('kiosk.keyboard.label')}
      data-keyboard-layout={layout}
      // A long press on a touch screen must not open a context menu over the keys.
      onContextMenu={(event) => event.preventDefault()}
    >
      {vietnamese && (
        <div className="osk-toolbar">
          <div className="osk-telex-switch">
            {(['on', 'off'] as const).map((state) => (
              <button
                key={state}
                type="button"
                tabIndex={-1}
                className="osk-key osk-key--function osk-telex-option"
                data-key={`telex-${state}`}
                aria-pressed={telex === (state === 'on')}
                onPointerDown={keepFocus}
                onMouseDown={keepFocus}
                onClick={() => setTelex(state === 'on')}
              >
                {t(state === 'on' ? 'kiosk.keyboard.telexOn' : 'kiosk.keyboard.telexOff')}
              </button>
            ))}
          </div>
          <p className={telex ? 'osk-hint' : 'osk-hint osk-hint--inactive'}>
            {t('kiosk.keyboard.telexHint')}
          </p>
        </div>
      )}
      {layout === 'numeric' ? (
        <div className="osk-pad" role="group" aria-label={t('kiosk.keyboard.numericPad')}>
          {rows}
        </div>
      ) : (
        rows
      )}
    </div>
  );
}
