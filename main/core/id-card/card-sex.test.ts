import { describe, expect, it } from 'vitest';
import { parseSexDigit, parseSexWord } from './card-sex.ts';

describe('card sex', () => {
  it('reads the CCCD words in any case, NFC or NFD, with spaces', () => {
    for (const word of ['Nam', 'NAM', 'nam', ' Nam ']) expect(parseSexWord(word)).toBe('male');
    for (const word of ['Nữ', 'NỮ', 'nữ', 'Nữ'.normalize('NFD'), 'NỮ'.normalize('NFD'), ' Nữ']) {
      expect(parseSexWord(word)).toBe('female');
    }
  });

  it('refuses anything else', () => {
    for (const word of ['', 'X', 'Nu', 'Male', '1', 'Nam Nữ', 'Nam'.repeat(100)])
      expect(parseSexWord(word)).toBeNull();
  });

  it('reads a range of a larger text', () => {
    expect(parseSexWord('x|Nữ|y', 2, 4)).toBe('female');
  });

  it('reads the BHYT digits', () => {
    expect(parseSexDigit('1')).toBe('male');
    expect(parseSexDigit('2')).toBe('female');
    expect(parseSexDigit(' 2 ')).toBe('female');
    for (const digit of ['', '0', '3', '12', 'Nam']) expect(parseSexDigit(digit)).toBeNull();
  });
});
