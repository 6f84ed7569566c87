import { describe, expect, it } from 'vitest';
import { idFixtures } from '../../../tests/support/id-fixtures.ts';
import { keyboardLayouts, typeOnLayout, undoLayout, type KeyboardLayoutId } from './keyboard-layouts.ts';

const printableAscii = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');
// Dead keys type nothing by themselves: they are not in the tables, and not typed here.
const deadKeys: Readonly<Record<KeyboardLayoutId, string>> = {
  'fr-azerty': '[{~',
  'de-qwertz': '=+`',
  'vi-windows': '',
};

describe('keyboard layouts', () => {
  it.each([
    ['fr-azerty', '1234567890', '&é"\'(-è_çà'],
    ['fr-azerty', 'Quan 1|am|$', 'Auqn &µq,µ4'],
    ['fr-azerty', '18/11/1964', "&_!&&!&ç-'"],
    ['de-qwertz', 'Nguyen|Yen 1-2/3', "Nguzen'Zen 1ß2-3"],
    ['vi-windows', '1234567890', 'ăâêô\u0300\u0309\u0303\u0301\u0323đ'],
    ['vi-windows', '|$#', '|ÔÊ'],
  ] as const)('%s types %s as %s', (layout, us, typed) => {
    expect(typeOnLayout(us, layout)).toBe(typed);
    expect(undoLayout(typed, layout)).toBe(us);
  });

  it.each(keyboardLayouts)('%s: undoing gives back every key a payload uses', (layout) => {
    const keys = [...printableAscii].filter((key) => !deadKeys[layout].includes(key)).join('');
    expect(undoLayout(typeOnLayout(keys, layout), layout)).toBe(keys);
    for (const fixture of idFixtures()) {
      const ascii = fixture.payload.replace(/[\u0080-\u{10ffff}]/gu, '?');
      expect(undoLayout(typeOnLayout(ascii, layout), layout), fixture.name).toBe(ascii);
    }
  });

  it('reads composed Vietnamese-layout letters as their keys when asked', () => {
    const typed = typeOnLayout('1967|17', 'vi-windows').normalize('NFC'); // ặ̉̃|ẵ
    expect(typed).toBe('ặ\u0309\u0303|ẵ');
    expect(undoLayout(typed, 'vi-windows')).toBe('ặ67|ẵ');
    expect(undoLayout(typed, 'vi-windows', { composed: true })).toBe('1967|17');
  });
});
