import { AltNumpadDecoder, type AltKeyEvent } from './alt-numpad-decoder.ts';
import { WedgeRecognizer, type BurstEnd, type WedgeRecognizerOptions } from './wedge-recognizer.ts';

// Keyboard-wedge scans, caught for the whole page before any input sees them. Listening on the
// window in the capture phase, each key is given to the recognizer *before* its default action:
//
// - the first key of a burst cannot be told from a person's and reaches the focused input; when
//   the second arrives machine-fast the burst has started, its keys are swallowed and the input is
//   put back as it was before the first one (its value and caret, through the native setter and an
//   `input` event, so React sees it);
// - a burst that turns out to be a person (too slow, too short) is given back to that input, so
//   nothing typed is ever lost;
// - a scan goes to `onScan`, never into a field.
//
// Scanners set to send non-ASCII characters as Alt+numpad codes are decoded here
// (alt-numpad-decoder.ts) and the copy Windows inserts itself is swallowed. Characters that arrive
// as text insertion without a key event (an input method, test drivers) are caught from
// `beforeinput`; for that to work on screens without text fields, the caller keeps a hidden sink
// focused (WedgeSink.tsx).

export interface WedgeCaptureOptions extends WedgeRecognizerOptions {
  onScan(text: string): void;
}

interface EditableSnapshot {
  element: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

function editableTarget(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (target instanceof HTMLTextAreaElement) return target.hasAttribute('data-scan-sink') ? null : target;
  if (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit'].includes(target.type)
  ) {
    return target;
  }
  return null;
}

function snapshot(element: HTMLInputElement | HTMLTextAreaElement): EditableSnapshot {
  const length = element.value.length;
  // Inputs of type email/number have no selection API: treat the caret as at the end.
  const start = safe(() => element.selectionStart) ?? length;
  const end = safe(() => element.selectionEnd) ?? length;
  return { element, value: element.value, selectionStart: start, selectionEnd: end };
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Sets an input's value as the user would have (React's onChange sees it) and places the caret. */
function setValue(element: HTMLInputElement | HTMLTextAreaElement, value: string, caret: number): void {
  const prototype =
    element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  safe(() => element.setSelectionRange(caret, caret));
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

export function attachWedgeCapture(view: Window, options: WedgeCaptureOptions): () => void {
  const recognizer = new WedgeRecognizer(options);
  const altCodes = new AltNumpadDecoder();
  /** The input as it was before the last key that was let through. */
  let beforeLastPass: EditableSnapshot | null = null;
  /** The input a started burst took its first key back from (where a person's keys go back). */
  let burstInput: EditableSnapshot | null = null;
  /** A key let through will also arrive as `beforeinput`: that one is not a second character. */
  let passedKey: string | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const finish = (end: BurstEnd | null) => {
    if (!end) return;
    if (end.kind === 'scan') options.onScan(end.text);
    else giveBack(end.text);
    burstInput = null;
  };

  const giveBack = (text: string) => {
    const input = burstInput;
    if (!input || !input.element.isConnected) return;
    const value = input.value.slice(0, input.selectionStart) + text + input.value.slice(input.selectionEnd);
    setValue(input.element, value, input.selectionStart + text.length);
  };

  // The timer counts from the last character on the events' own clock (Event.timeStamp), so the
  // idle end does not depend on which clock the environment stamps its events with.
  const scheduleIdleEnd = (now: number) => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const deadline = recognizer.idleDeadline();
    if (deadline === null) return;
    idleTimer = setTimeout(() => finish(recognizer.expire(deadline)), Math.max(0, deadline - now) + 1);
  };

  /** Returns true when the character was taken (the event must not reach the page). */
  const character = (text: string, time: number, target: EventTarget | null): boolean => {
    finish(recognizer.expire(time));
    const verdict = recognizer.character(text, time);
    scheduleIdleEnd(time);
    switch (verdict.verdict) {
      case 'pass': {
        const editable = editableTarget(target);
        beforeLastPass = editable ? snapshot(editable) : null;
        return false;
      }
      case 'burst-started':
        // Take back the first key, which reached the input before anyone could know.
        burstInput = beforeLastPass;
        if (burstInput) setValue(burstInput.element, burstInput.value, burstInput.selectionStart);
        return true;
      case 'captured':
        return true;
      case 'released':
        giveBack(verdict.text);
        burstInput = null;
        return true;
    }
  };

  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  /** Alt+numpad codes first: true when the decoder took the event. */
  const altCode = (event: KeyboardEvent | InputEvent, type: AltKeyEvent['type']): boolean => {
    const outcome = altCodes.handle({
      type,
      key: 'key' in event ? event.key : '',
      code: 'code' in event ? event.code : '',
      altKey: 'altKey' in event ? event.altKey : false,
      timeStamp: event.timeStamp,
      ...('data' in event && event.data !== null ? { data: event.data } : {}),
    });
    if (outcome.action === 'pass') return false;
    swallow(event);
    if (outcome.action === 'emit') character(outcome.character, event.timeStamp, event.target);
    return true;
  };

  const onKeyUp = (event: KeyboardEvent) => void altCode(event, 'keyup');

  const onKeyDown = (event: KeyboardEvent) => {
    passedKey = null;
    if (altCode(event, 'keydown')) return;
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === 'Tab') {
      const end = recognizer.terminator();
      if (end) {
        swallow(event);
        finish(end);
      }
      return;
    }
    if (event.key.length === 1 && !event.altKey) {
      if (character(event.key, event.timeStamp, event.target)) swallow(event);
      else passedKey = event.key;
      return;
    }
    // Any other key (arrows, Backspace…) is a person's: a burst in progress ends here.
    if (recognizer.inBurst && !['Shift', 'CapsLock', 'Alt', 'AltGraph'].includes(event.key)) {
      finish(recognizer.expire(Number.POSITIVE_INFINITY));
    }
  };

  const onBeforeInput = (event: InputEvent) => {
    if (altCode(event, 'beforeinput')) return;
    if (event.inputType !== 'insertText' || !event.data) return;
    if (passedKey !== null && event.data === passedKey) {
      passedKey = null;
      return;
    }
    if (character(event.data, event.timeStamp, event.target)) swallow(event);
  };

  view.addEventListener('keydown', onKeyDown, true);
  view.addEventListener('keyup', onKeyUp, true);
  view.addEventListener('beforeinput', onBeforeInput, true);
  return () => {
    view.removeEventListener('keydown', onKeyDown, true);
    view.removeEventListener('keyup', onKeyUp, true);
    view.removeEventListener('beforeinput', onBeforeInput, true);
    if (idleTimer) clearTimeout(idleTimer);
  };
}
