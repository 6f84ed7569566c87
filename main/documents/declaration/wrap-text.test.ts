import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ellipsis, wrapText } from './wrap-text.ts';

// A monospace stand-in for the font: 1 unit per grapheme.
const measure = (text: string) =>
  [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)].length;

describe('wrapText', () => {
  it('breaks at spaces', () => {
    expect(wrapText('Số 45 đường Lê Lợi', 9, 3, measure)).toEqual(['Số 45', 'đường Lê', 'Lợi']);
  });

  it('breaks a word longer than the box between graphemes, keeping marks on their letter', () => {
    const word = 'Ệ'.normalize('NFD').repeat(7);
    const lines = wrapText(word, 3, 5, measure);
    expect(lines.map(measure)).toEqual([3, 3, 1]);
    expect(lines.join('')).toBe(word);
  });

  it('stops at maxLines and ends the last line with an ellipsis that fits', () => {
    const lines = wrapText('một hai ba bốn năm sáu bảy tám', 8, 2, measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith(ellipsis)).toBe(true);
    expect(measure(lines[1] as string)).toBeLessThanOrEqual(8);
  });

  it('returns nothing for empty text', () => {
    expect(wrapText('', 10, 2, measure)).toEqual([]);
  });

  it('never exceeds the width or the line count (any text)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (text, width, maxLines) => {
          const lines = wrapText(text, width, maxLines, measure);
          expect(lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(Math.max(width, 1));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps every character when the text fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zà-ỹ]{1,8}$/), { minLength: 1, maxLength: 10 }),
        (words) => {
          const text = words.join(' ');
          const lines = wrapText(text, 20, 100, measure);
          expect(lines.join(' ')).toBe(text);
        },
      ),
    );
  });
});
