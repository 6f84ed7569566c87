import { describe, expect, it } from 'vitest';
import { telexKeys, vietnameseKeys } from './word-keys.ts';

describe('the keys of a text', () => {
  it.each([
    ['Nguyễn', 'Nguyeexn', 'Nguyenex'],
    ['Người', 'Nguwowfi', 'Nguoiwf'],
    ['Đặng', 'DDawjng', 'DangDwj'],
    ['NGUYỄN VĂN', 'NGUYEEXN VAWN', 'NGUYENEX VANW'],
    ['Hà Nội, Quận 1', 'Haf Nooji, Quaajn 1', 'Haf Noioj, Quanaj 1'],
    ['Smith', 'Smith', 'Smith'],
  ])('Telex: %s → %s / %s', (text, afterLetter, endOfWord) => {
    expect(telexKeys(text)).toBe(afterLetter);
    expect(telexKeys(text, 'end-of-word')).toBe(endOfWord);
  });

  it.each([
    ['Nguyễn', 'Nguye64n', 'Nguyen64'],
    ['Người', 'Ngu7o72i', 'Nguoi72'],
    ['Đặng', 'D9a85ng', 'Dang985'],
    ['ă â', 'a8 a6', 'a8 a6'],
  ])('VNI: %s → %s / %s', (text, afterLetter, endOfWord) => {
    expect(vietnameseKeys(text, { method: 'vni' })).toBe(afterLetter);
    expect(vietnameseKeys(text, { method: 'vni', marks: 'end-of-word' })).toBe(endOfWord);
  });

  it('reads NFD text', () => {
    expect(telexKeys('Nguye\u0302\u0303n')).toBe('Nguyeexn');
  });
});
