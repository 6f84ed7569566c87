import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxCombiningMarksPerCharacter, sanitizeFieldText } from './sanitize-field-text.ts';

// eslint-disable-next-line no-control-regex -- finding controls is what the test does
const forbidden = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('sanitizeFieldText', () => {
  it('keeps a Vietnamese name as it is, in NFC', () => {
    expect(sanitizeFieldText('Trịnh Quang Vĩnh')).toBe('Trịnh Quang Vĩnh');
    const decomposed = 'Nguyễn Thị Hằng'.normalize('NFD');
    expect(sanitizeFieldText(decomposed)).toBe('Nguyễn Thị Hằng'.normalize('NFC'));
  });

  it('removes NUL and other controls without splitting the word, and bidi overrides', () => {
    expect(sanitizeFieldText('Ng\u0000uyễn\u0007 Văn\u0085 A')).toBe('Nguyễn Văn A');
    expect(sanitizeFieldText('\u202eNguyễn\u202c \u2067Văn\u2069\u200f')).toBe('Nguyễn Văn');
  });

  it('turns line breaks and tabs into single spaces and trims', () => {
    expect(sanitizeFieldText('  Số 45\r\n\tđường Lê Lợi\u2028 ')).toBe('Số 45 đường Lê Lợi');
  });

  it('drops lone surrogates but keeps emoji (a valid pair)', () => {
    expect(sanitizeFieldText('A\ud800B\udc00C 😀')).toBe('ABC 😀');
  });

  it('caps a flood of combining marks on one character', () => {
    const flood = `Hu${'\u0301\u0323'.repeat(500)}ng`;
    const result = sanitizeFieldText(flood);
    expect(result.length).toBeLessThan(10);
    expect(result.normalize('NFD').replace(/\p{M}/gu, '')).toBe('Hung');
  });

  it('never leaves controls, bidi controls, lone surrogates or mark floods (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        const result = sanitizeFieldText(value);
        expect(forbidden.test(result)).toBe(false);
        expect(loneSurrogate.test(result)).toBe(false);
        expect(result).toBe(result.normalize('NFC'));
        expect(result).toBe(result.trim());
        expect(/ {2}/.test(result)).toBe(false);
        expect(new RegExp(`\\p{M}{${maxCombiningMarksPerCharacter + 2}}`, 'u').test(result)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (value) => {
        const once = sanitizeFieldText(value);
        expect(sanitizeFieldText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
