import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyText } from '../text/vietnamese-text.ts';
import { decodeHexText, isEvenLengthHex } from './hex-text.ts';
import type { DecodedTraits } from './hex-text.ts';
import { lostCharacter, nonAscii, asciiLetter } from './field-text.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const utf8Hex = (text: string) => hex(new TextEncoder().encode(text));
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// What decodeHexText must return for these bytes: TextDecoder's strict reading, except that text
// with control characters is refused, and the result is tidied.
function expected(bytes: Uint8Array): string | null {
  if (bytes.length === 0 || bytes.some((byte) => byte < 0x20 || byte === 0x7f)) return null;
  try {
    return tidyText(strict.decode(bytes));
  } catch {
    return null;
  }
}

describe('hex text', () => {
  it('decodes the hex UTF-8 of BHYT cards', () => {
    expect(decodeHexText('54e1baa1204b696d2048e1bb936e67')).toBe('Tạ Kim Hồng');
    expect(decodeHexText('54E1BAA1204B696D2048E1BB936E67')).toBe('Tạ Kim Hồng');
    expect(decodeHexText(utf8Hex('Đỗ Diệu Uyên'))).toBe('Đỗ Diệu Uyên');
    expect(decodeHexText(utf8Hex('Lê  Văn\u00a0Tám '))).toBe('Lê Văn Tám');
    expect(decodeHexText(utf8Hex('Ho\u0300ng'))).toBe('Hòng'); // NFD on the card → NFC
    expect(decodeHexText(utf8Hex('𠀀 x'))).toBe('𠀀 x'); // four-byte sequences
  });

  it('decodes a range of a larger text', () => {
    const text = `x|${utf8Hex('Hà Nội')}|y`;
    expect(decodeHexText(text, 2, text.length - 2)).toBe('Hà Nội');
  });

  it('refuses what is not hex text', () => {
    for (const text of [
      '',
      'abc',
      'Nguyen Van A',
      'zz',
      '4cc3a',
      '4c c3',
      '４c',
      'c3',
      'e1ba',
      'c0af',
      'eda080',
      'f4908080',
      '00',
      '41420a',
    ]) {
      expect(decodeHexText(text), text).toBeNull();
    }
  });

  it('is exactly as strict as TextDecoder on any bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 20 }).map((text) => new TextEncoder().encode(text)),
        ),
        (bytes) => {
          expect(decodeHexText(hex(bytes))).toBe(expected(bytes));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reports the traits of what it decoded', () => {
    const decoded: DecodedTraits = { traits: -1 };
    decodeHexText(utf8Hex('Tạ Kim'), 0, undefined, decoded);
    expect(decoded.traits).toBe(nonAscii | asciiLetter);
    decodeHexText(utf8Hex('tr?n'), 0, undefined, decoded);
    expect(decoded.traits).toBe(lostCharacter | asciiLetter);
  });

  it('recognises even-length hex', () => {
    expect(isEvenLengthHex('4cc3aa')).toBe(true);
    expect(isEvenLengthHex('4CC3AA')).toBe(true);
    expect(isEvenLengthHex('4cc3a')).toBe(false);
    expect(isEvenLengthHex('tr?n th? h?ng')).toBe(false);
    expect(isEvenLengthHex('')).toBe(false);
    expect(isEvenLengthHex('|abcd|', 1, 5)).toBe(true);
  });
});
