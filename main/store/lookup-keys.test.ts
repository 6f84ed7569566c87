import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberKey, nameSearchKey, phoneKey, prefixUpperBound } from './lookup-keys.ts';

describe('lookup keys', () => {
  it('folds ID numbers and phones to the stored form', () => {
    expect(idNumberKey(' 0790 9200 4321 ')).toBe('079092004321');
    expect(idNumberKey('c1234567')).toBe('C1234567');
    expect(phoneKey('+84 903 123 456')).toBe('0903123456');
    expect(phoneKey('0903.123.456')).toBe('0903123456');
    expect(phoneKey('84903123456')).toBe('0903123456');
    expect(nameSearchKey('  Đặng   Thị Ánh ')).toBe('dang thi anh');
  });

  it('bounds a prefix range exactly (by UTF-8 byte order, as SQLite compares)', () => {
    expect(prefixUpperBound('nguyen van h')).toBe('nguyen van i');
    expect(prefixUpperBound('')).toBeNull();
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
        fc.string({ unit: 'grapheme', maxLength: 6 }),
        (prefix, rest) => {
          const upper = prefixUpperBound(prefix);
          if (upper === null) return;
          const inside = utf8(prefix + rest);
          expect(Buffer.compare(inside, utf8(prefix))).toBeGreaterThanOrEqual(0);
          expect(Buffer.compare(inside, utf8(upper))).toBeLessThan(0);
        },
      ),
    );
  });
});
