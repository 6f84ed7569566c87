import { describe, expect, it } from 'vitest';
import { cp437Character, windows1252Byte, windows1252Character } from './windows-code-pages.ts';

describe('Windows code pages', () => {
  it('reads Windows-1252 as the WHATWG decoder does, controls excepted', () => {
    const decoder = new TextDecoder('windows-1252');
    for (let byte = 0; byte < 256; byte += 1) {
      const expected = byte < 32 || byte === 127 ? null : decoder.decode(new Uint8Array([byte]));
      expect(windows1252Character(byte), `byte ${byte}`).toBe(expected);
    }
  });

  it.each([
    [0x80, 'Ç'],
    [0x82, 'é'],
    [0x85, 'à'],
    [0x9e, '₧'],
    [0xa9, '⌐'],
    [0xb0, '░'],
    [0xc5, '┼'],
    [0xe1, 'ß'],
    [0xe6, 'µ'],
    [0xf9, '∙'],
    [0xfa, '·'],
    [0xfe, '■'],
    [0xff, '\u00a0'],
    [0x01, '☺'],
    [0x1f, '▼'],
    [0x7f, '⌂'],
    [0x41, 'A'],
    [0, null],
    [256, null],
  ])('code page 437 byte %i is %s', (byte, expected) => {
    expect(cp437Character(byte)).toBe(expected);
  });

  it('has 128 distinct characters in the upper half of 437', () => {
    const upper = new Set(Array.from({ length: 128 }, (_, index) => cp437Character(0x80 + index)));
    expect(upper.size).toBe(128);
  });

  it('maps every Windows-1252 character back to its byte', () => {
    for (let byte = 0; byte < 256; byte += 1) {
      const character = windows1252Character(byte) ?? String.fromCharCode(byte);
      expect(windows1252Byte(character.charCodeAt(0))).toBe(byte);
    }
    expect(windows1252Byte('ễ'.charCodeAt(0))).toBe(-1);
  });
});
