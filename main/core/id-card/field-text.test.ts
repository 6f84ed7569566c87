import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyText } from '../text/vietnamese-text.ts';
import {
  asciiLetter,
  dropTrailingSpaces,
  isAlphanumeric,
  isDigits,
  isUpperLetters,
  lostCharacter,
  nonAscii,
  rangeEquals,
  skipSpaces,
  textTraits,
  tidyField,
  untidy,
} from './field-text.ts';

// Characters that exercise every branch: ASCII, Vietnamese precomposed letters, combining marks,
// every kind of whitespace tidyText knows, and lost-character markers.
const tricky = fc.constantFrom(
  ...'aZ09 ?.,-|',
  ...'ăâđêôơưĐẠảẤầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\ufffd',
  'Ω',
  '\u212b',
  '한',
  '\u1100',
  '\u1161',
  '😀',
);

describe('field text', () => {
  it('tidies exactly like tidyText, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: tricky }), fc.string({ unit: 'binary' })), (text) => {
        expect(tidyField(text)).toBe(tidyText(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('tidies a range of a larger text', () => {
    expect(tidyField('x|  Nguyễn   Văn A |y', 2, 19)).toBe('Nguyễn Văn A');
    expect(tidyField('x|Nguyễn Văn A|y', 2, 14)).toBe('Nguyễn Văn A');
    const decomposed = 'Hùng'.normalize('NFD');
    expect(tidyField(decomposed)).toBe('Hùng');
  });

  it('reports the traits of a text in one pass', () => {
    expect(textTraits('Nguyễn Văn A')).toBe(nonAscii | asciiLetter);
    expect(textTraits('Nguyen Van A')).toBe(asciiLetter);
    expect(textTraits('?? C?ng ??ng')).toBe(lostCharacter | asciiLetter);
    expect(textTraits('Ng\ufffdyen')).toBe(untidy | lostCharacter | nonAscii | asciiLetter);
    expect(textTraits(' A') & untidy).toBe(untidy);
    expect(textTraits('A  B') & untidy).toBe(untidy);
    expect(textTraits('A ') & untidy).toBe(untidy);
    expect(textTraits('')).toBe(0);
    expect(textTraits('x|abc|y', 2, 5)).toBe(asciiLetter);
  });

  it('tests digits, letters and spaces on ranges', () => {
    expect(isDigits('a0123b', 1, 5)).toBe(true);
    expect(isDigits('a0123b', 1, 6)).toBe(false);
    expect(isDigits('', 0, 0)).toBe(false);
    expect(isUpperLetters('xSVy', 1, 3)).toBe(true);
    expect(isUpperLetters('sv', 0, 2)).toBe(false);
    expect(isAlphanumeric('C54', 0, 3)).toBe(true);
    expect(isAlphanumeric('C-54', 0, 4)).toBe(false);
    expect(isAlphanumeric('', 0, 0)).toBe(false);
    expect(skipSpaces('  ab ', 0, 5)).toBe(2);
    expect(dropTrailingSpaces('  ab  ', 2, 6)).toBe(4);
    expect(skipSpaces('   ', 0, 3)).toBe(3);
    expect(rangeEquals('|Nam|', 1, 4, 'Nam')).toBe(true);
    expect(rangeEquals('|Name|', 1, 5, 'Nam')).toBe(false);
  });
});
