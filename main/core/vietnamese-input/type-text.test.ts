import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idFixtures } from '../../../tests/support/id-fixtures.ts';
import { telexType, typeVietnamese, vniType, type TypeTextOptions } from './type-text.ts';
import { vietnameseKeys } from './word-keys.ts';

describe('typing text with Telex', () => {
  it.each([
    ['Nguyeenx Thij Hoaf', 'Nguyễn Thị Hoà', 'Nguyễn Thị Hòa'],
    ['Traafn Vawn Hungf', 'Trần Văn Hùng', undefined],
    ['Phamj Thij Thuyr', 'Phạm Thị Thuỷ', 'Phạm Thị Thủy'],
    [
      'Soos 45 dduwowngf Lee Lowij, Phuwowngf Beesn Thanhf, Quaanj 1, Hoof Chis Minh',
      'Số 45 đường Lê Lợi, Phường Bến Thành, Quận 1, Hồ Chí Minh',
      undefined,
    ],
    [
      'Toor 12, Phuwowngf Langs Haj, Quaanj DDoongs DDa, Haf Nooij',
      'Tổ 12, Phường Láng Hạ, Quận Đống Đa, Hà Nội',
      undefined,
    ],
    [
      'Xoms 3, Xax Nghi Phong, Huyeenj Nghi Loocj, Ngheej An',
      'Xóm 3, Xã Nghi Phong, Huyện Nghi Lộc, Nghệ An',
      undefined,
    ],
    ['Thuwaf Thieen Hueees', 'Thừa Thiên Huees', undefined],
    ['Thuwaf Thieen Huees', 'Thừa Thiên Huế', undefined],
    ['Khanhs Hoaf', 'Khánh Hoà', 'Khánh Hòa'],
    ['Thanhf phoos Hoof Chis Minh', 'Thành phố Hồ Chí Minh', undefined],
    ['NGUYEENX VAWN AN', 'NGUYỄN VĂN AN', undefined],
    ['Johnson Smith', 'Johnson Smith', undefined],
  ])('%s → %s', (keys, modern, classicForm) => {
    expect(telexType(keys)).toBe(modern);
    expect(telexType(keys, { toneStyle: 'classic' })).toBe(classicForm ?? modern);
  });

  it('commits a word after a backslash as typed', () => {
    expect(telexType('\\Lisa Nguyeenx')).toBe('Lisa Nguyễn');
    expect(telexType('a\\\\b')).toBe('a\\b');
    expect(telexType('a\\ b\\')).toBe('a\\ b\\');
  });

  it('ends words at digits and punctuation', () => {
    expect(telexType('Quaanj1,Haf')).toBe('Quận1,Hà');
    expect(telexType('baa1baa')).toBe('bâ1bâ');
  });

  it("splits like Unikey when asked: a digit inside a word stops that word's rewriting", () => {
    const unikey: TypeTextOptions = { words: 'unikey' };
    expect(telexType('baa1baa|baa', unikey)).toBe('baa1baa|bâ'); // restored at the word's end
    expect(telexType('baa1baa|baa', { ...unikey, restoreNonVietnamese: false })).toBe('bâ1baa|bâ');
    expect(telexType('1baa', unikey)).toBe('1baa');
    expect(telexType('1baa', { ...unikey, spellCheck: false })).toBe('1bâ');
    expect(telexType('4dd5|dd', unikey)).toBe('4đ5|đ');
  });
});

describe('typing text with VNI', () => {
  it.each([
    ['Nguye6n4 Thi5 Hoa2', 'Nguyễn Thị Hoà'],
    ['So61 45 d9u7o7ng2 Le6 Lo7i5', 'Số 45 đường Lê Lợi'],
    ['Tra62n Va8n Hu2ng', 'Trần Văn Hùng'],
  ])('%s → %s', (keys, expected) => {
    expect(vniType(keys)).toBe(expected);
  });

  it('rewrites digits after a vowel, not those that start a word', () => {
    expect(vniType('12062021|Nam|a1')).toBe('12062021|Nam|á');
    expect(vniType('e1ba', { restoreNonVietnamese: false })).toBe('éba');
    expect(vniType('e1baa1', { words: 'unikey', restoreNonVietnamese: false })).toBe('ébaa1');
    // Restored at the word's end, as Unikey does when the word cannot be Vietnamese.
    expect(vniType('e1baa1', { words: 'unikey' })).toBe('e1baa1');
  });
});

// Real words: the names and addresses of the card fixtures, and more syllables of names.
const fixtureWords = idFixtures()
  .filter((fixture) => fixture.expect.ok && fixture.expect.kind === 'cccd')
  .flatMap((fixture) => fixture.payload.split('|').slice(2))
  .flatMap((field) => field.split(/[\s,]+/))
  .filter((word) => /^\p{L}+$/u.test(word) && !word.includes('?'));
const moreWords = (
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Hữu Đức ' +
  'Quang Ngọc Xuân Kim Hùng Hưng Tuấn Yến Nhân Thư Uyên Đạt Lộc Nguyệt Thuỷ Khoẻ Hoà Quý Giang ' +
  'Trường Người Phường Quận Huyện Tỉnh Thành Phố Hà Nội Nghệ Thừa Thiên Huế Khánh Đống Đa Giữa ' +
  'Giếng Quyển Quỳnh Khuỷu Ngoẹo Xoài Cuội Tươi Rượu Hương Thuở Khuya Yêu Tiến Muốn Chuyện ' +
  'Luật Quốc Việt Nam Gì Gìn Già Điện Đường Ứng Ước Ửng Ạ Ấy Ơi Ừ Ướt Oà Uỷ NGUYỄN ĐẶNG'
).split(' ');
const realWords = [...new Set([...fixtureWords, ...moreWords])];

describe('the keys of a word type that word back', () => {
  it.each(realWords)('%s', (word) => {
    for (const method of ['telex', 'vni'] as const) {
      for (const marks of ['after-letter', 'end-of-word'] as const) {
        const keys = vietnameseKeys(word, { method, marks });
        const typed = [
          typeVietnamese(keys, { method }),
          typeVietnamese(keys, { method, toneStyle: 'classic' }),
        ];
        expect(typed, `${method} ${marks}: ${keys}`).toContain(word);
      }
    }
  });
});

describe('properties', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom(...'aAeEoOuUiywWdDsfrxjzZ 1234567890|\u0301\u0323ễ') }),
  );
  const anyOptions = fc.record(
    {
      method: fc.constantFrom('telex', 'vni'),
      toneStyle: fc.constantFrom('modern', 'classic'),
      freeMarking: fc.boolean(),
      spellCheck: fc.boolean(),
      restoreNonVietnamese: fc.boolean(),
      words: fc.constantFrom('letters', 'unikey'),
    },
    { requiredKeys: [] },
  );

  it('always answers NFC text', () => {
    fc.assert(
      fc.property(anyText, anyOptions, (text, options) => {
        const typed = typeVietnamese(text, options as TypeTextOptions);
        return typed === typed.normalize('NFC');
      }),
      { numRuns: 2000 },
    );
  });

  // No tone key, no w, and a, e, o, d at most once each: nothing can ask for a mark.
  const plainWord = fc
    .tuple(
      fc.array(fc.constantFrom(...'bcghiklmnpqtuvyBCGHIKLMNPQTUVY'), { maxLength: 8 }),
      fc.subarray(['a', 'e', 'o', 'd', 'A', 'E', 'O', 'D']),
      fc.array(fc.nat(), { maxLength: 8 }),
    )
    .filter(([, once]) => new Set(once.map((letter) => letter.toLowerCase())).size === once.length)
    .map(([letters, once, positions]) => {
      const word = [...letters];
      once.forEach((letter, index) => word.splice((positions[index] ?? 0) % (word.length + 1), 0, letter));
      return word.join('');
    });

  it('leaves text without Telex modifiers unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plainWord, fc.constantFrom(' ', ', ', '|', '1'))), (parts) => {
        const text = parts.map(([word, gap]) => word + gap).join('');
        return telexType(text) === text && telexType(text, { words: 'unikey' }) === text;
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves text without digits unchanged under VNI', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdeghiklmnopqrstuvwxyzADEOUW ,.|') }), (text) => {
        return vniType(text) === text;
      }),
      { numRuns: 1000 },
    );
  });

  it('types real words back from their keys in either tone style', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realWords),
        fc.constantFrom('after-letter', 'end-of-word'),
        (word, marks) => {
          const keys = vietnameseKeys(word, { marks });
          return typeVietnamese(keys) === word || typeVietnamese(keys, { toneStyle: 'classic' }) === word;
        },
      ),
    );
  });
});
