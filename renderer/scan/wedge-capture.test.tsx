import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idFixture } from '../../tests/support/id-fixtures.ts';
import { attachWedgeCapture } from './wedge-capture.ts';

// The capture in a DOM, with the browser's default action played by the test: a key that nobody
// prevented lands in the focused input at its caret (jsdom does not do that for synthetic events).

let detach: () => void;
let scans: string[];
let input: HTMLInputElement;
let clock: number;

beforeEach(() => {
  scans = [];
  clock = 1000;
  document.body.innerHTML = '<input id="field" />';
  input = document.getElementById('field') as HTMLInputElement;
  detach = attachWedgeCapture(window, {
    maxKeyIntervalMs: 40,
    minLength: 12,
    idleEndMs: 200,
    onScan: (text) => scans.push(text),
  });
});
afterEach(() => detach());

function at<E extends Event>(event: E, time: number): E {
  Object.defineProperty(event, 'timeStamp', { value: time });
  return event;
}

/** One key, `gap` ms after the previous one, as the browser would deliver it. */
function press(key: string, gap: number, init: KeyboardEventInit = {}): void {
  clock += gap;
  const target = document.activeElement ?? document.body;
  const event = at(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }), clock);
  target.dispatchEvent(event);
  if (event.defaultPrevented || key.length !== 1 || init.altKey || !(target instanceof HTMLInputElement))
    return;
  const start = target.selectionStart ?? target.value.length;
  target.value = target.value.slice(0, start) + key + target.value.slice(target.selectionEnd ?? start);
  target.setSelectionRange(start + 1, start + 1);
}

function keyUp(key: string, gap: number, init: KeyboardEventInit = {}): void {
  clock += gap;
  (document.activeElement ?? document.body).dispatchEvent(
    at(new KeyboardEvent('keyup', { key, bubbles: true, ...init }), clock),
  );
}

function typeText(text: string, gap: number): void {
  for (const character of text) press(character, gap);
}

const card = idFixture('cccd-2021-0').payload;

describe('the wedge capture', () => {
  it('takes a scan typed with nothing focused, Enter included', () => {
    typeText(card, 8);
    press('Enter', 8);
    expect(scans).toEqual([card]);
  });

  it('keeps a scan out of the focused input: the leaked first key is taken back', () => {
    input.focus();
    typeText('ngu', 150);
    expect(input.value).toBe('ngu');
    // The officer picks up the card: a second later the scanner types.
    press(card[0] as string, 1000);
    typeText(card.slice(1), 10);
    press('Enter', 10);
    expect(scans).toEqual([card]);
    expect(input.value).toBe('ngu');
  });

  it('gives a person their keys back when a fast key rollover looked like a burst', () => {
    input.focus();
    press('a', 150);
    press('b', 20);
    // The burst started: the leaked 'a' was taken back, 'b' held.
    expect(input.value).toBe('');
    // One slow key could still be a scanner delayed by a busy PC; the second settles it.
    press('c', 120);
    expect(input.value).toBe('');
    press('d', 120);
    expect(input.value).toBe('abcd');
    press('e', 120);
    expect(input.value).toBe('abcde');
    expect(scans).toEqual([]);
  });

  it('leaves Enter to the form when no burst is going on', () => {
    input.focus();
    typeText('nguyen', 150);
    clock += 150;
    const enter = at(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }), clock);
    input.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(false);
  });

  it('reads letters a scanner sends as Alt+numpad codes inside a scan', () => {
    // "…|Võ Hữu…": ữ typed as Alt+7919 (Unicode) by a scanner in Alt-code mode.
    const before = '079094540543|212252479|Võ H';
    const after = 'u Nhân|03091994|Nam|Hà Nội|18082021';
    typeText(before, 8);
    press('Alt', 5, { code: 'AltLeft', altKey: true });
    for (const digit of '7919') press(digit, 5, { code: `Numpad${digit}`, altKey: true });
    keyUp('Alt', 5, { code: 'AltLeft' });
    typeText(after, 8);
    press('Enter', 8);
    expect(scans).toEqual([`${before}ữ${after}`]);
  });

  it('ends a scan without a suffix after the idle pause', async () => {
    detach();
    detach = attachWedgeCapture(window, {
      maxKeyIntervalMs: 40,
      minLength: 12,
      idleEndMs: 60,
      onScan: (text) => scans.push(text),
    });
    // Real time here: the idle end is a timer.
    clock = performance.now();
    typeText(card, 1);
    expect(scans).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 150 + card.length));
    expect(scans).toEqual([card]);
  });
});
