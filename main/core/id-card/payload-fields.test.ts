import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadFields } from './payload-fields.ts';

const fieldsOf = (text: string, begin = 0, end = text.length) => {
  const fields = new PayloadFields().load(text, begin, end);
  return Array.from({ length: fields.count }, (_, index) => fields.slice(index));
};

describe('payload fields', () => {
  it('splits on | and keeps every empty field', () => {
    expect(fieldsOf('a||b|')).toEqual(['a', '', 'b', '']);
    expect(fieldsOf('||||||')).toEqual(['', '', '', '', '', '', '']);
    expect(fieldsOf('')).toEqual(['']);
  });

  it('splits only the given range', () => {
    expect(fieldsOf('\r\na|b\r\n', 2, 5)).toEqual(['a', 'b']);
  });

  it('agrees with split("|") on any text, and can be reused', () => {
    const fields = new PayloadFields();
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '|', 'ệ', ' ', '$'), maxLength: 60 }), (text) => {
        fields.load(text, 0, text.length);
        const read = Array.from({ length: fields.count }, (_, index) => fields.slice(index));
        expect(read).toEqual(text.split('|'));
      }),
    );
  });

  it('holds the most fields a 4 KB payload can have', () => {
    expect(fieldsOf('|'.repeat(4096))).toHaveLength(4097);
  });
});
