import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePayloadBytes,
  exceedsPayloadLimit,
  maxPayloadBytes,
  trimPayload,
} from './normalise-payload.ts';

describe('normalise payload', () => {
  it('strips what scanners put around a payload, and nothing inside', () => {
    expect(trimPayload('\ufeff\0\t abc|d e\r\n\0')).toBe('abc|d e');
    expect(trimPayload('a\r\nb')).toBe('a\r\nb');
    expect(trimPayload('\r\n\t')).toBe('');
    const clean = 'abc';
    expect(trimPayload(clean)).toBe(clean);
  });

  it('measures the limit in UTF-8 bytes, as TextEncoder would', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', minLength: 1000, maxLength: 2100 }),
          fc.string({
            unit: fc.constantFrom('a', 'ệ', '😀', '\ud800', '\udc00'),
            minLength: 1300,
            maxLength: 4200,
          }),
        ),
        (text) => {
          expect(exceedsPayloadLimit(text)).toBe(new TextEncoder().encode(text).length > maxPayloadBytes);
        },
      ),
      { numRuns: 500 },
    );
    expect(exceedsPayloadLimit('a'.repeat(maxPayloadBytes))).toBe(false);
    expect(exceedsPayloadLimit('a'.repeat(maxPayloadBytes + 1))).toBe(true);
    expect(exceedsPayloadLimit('ệ'.repeat(1365) + 'a')).toBe(false);
    expect(exceedsPayloadLimit('ệ'.repeat(1366))).toBe(true);
  });

  it('decodes UTF-8 bytes and refuses anything else', () => {
    expect(decodePayloadBytes(new TextEncoder().encode('Nữ'))).toBe('Nữ');
    expect(decodePayloadBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodePayloadBytes(new Uint8Array([0x4e, 0xef]))).toBeNull();
    expect(decodePayloadBytes(new Uint8Array([0xc0, 0xaf]))).toBeNull();
  });
});
