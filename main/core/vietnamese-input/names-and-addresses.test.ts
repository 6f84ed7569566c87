import { describe, expect, it } from 'vitest';
import { telexWord } from './compose-word.ts';
import { telexType } from './type-text.ts';

// What a citizen types at the kiosk: the syllables of Vietnamese names and addresses, in Telex,
// through the engine's public API. Every expected string is written out literally (never computed
// with the engine) and is NFC; a row with a third column differs in the classic tone style
// ("Hòa", "Thủy") from the modern one ("Hoà", "Thuỷ"), the kiosk's default.

type Row = readonly [keys: string, modern: string, classic?: string];

/** [keys, modern, classic] with the classic form filled in where both styles agree. */
function bothStyles(rows: readonly Row[]): Array<[string, string, string]> {
  return rows.map(([keys, modern, classic]) => [keys, modern, classic ?? modern]);
}

const surnames: readonly Row[] = [
  ['Nguyeenx', 'Nguyễn'],
  ['Nguyenxe', 'Nguyễn'], // free marking: the roof after the tone
  ['Traafn', 'Trần'],
  ['Lee', 'Lê'],
  ['Phamj', 'Phạm'],
  ['Hoangf', 'Hoàng'],
  ['Huyfnh', 'Huỳnh'],
  ['Phan', 'Phan'],
  ['Vux', 'Vũ'],
  ['Vox', 'Võ'],
  ['DDawngj', 'Đặng'],
  ['Buif', 'Bùi'],
  ['DDoox', 'Đỗ'],
  ['Hoof', 'Hồ'],
  ['Ngoo', 'Ngô'],
  ['Duwowng', 'Dương'],
  ['Duowng', 'Dương'], // one w for both horns
  ['Lys', 'Lý'],
  ['Truwowng', 'Trương'],
  ['DDinh', 'Đinh'],
  ['DDoanf', 'Đoàn'],
  ['Trinhj', 'Trịnh'],
  ['Luwowng', 'Lương'],
  ['Laam', 'Lâm'],
  ['Quachs', 'Quách'],
  ['Kieeuf', 'Kiều'],
  ['Laij', 'Lại'],
  ['Taj', 'Tạ'],
];

const givenNames: readonly Row[] = [
  ['Thij', 'Thị'],
  ['Vawn', 'Văn'],
  ['Hoaf', 'Hoà', 'Hòa'],
  ['Thuys', 'Thuý', 'Thúy'],
  ['Thuyf', 'Thuỳ', 'Thùy'],
  ['Thuyr', 'Thuỷ', 'Thủy'],
  ['Hoas', 'Hoá', 'Hóa'],
  ['Khoer', 'Khoẻ', 'Khỏe'],
  ['Khuee', 'Khuê'],
  ['Quyfnh', 'Quỳnh'],
  ['Tuaans', 'Tuấn'],
  ['Ngocj', 'Ngọc'],
  ['Phuwowng', 'Phương'],
  ['Huwowng', 'Hương'],
  ['Nghiax', 'Nghĩa'],
  ['Nguyeetj', 'Nguyệt'],
  ['Xuaan', 'Xuân'],
  ['Truwowngf', 'Trường'],
  ['DDuwcs', 'Đức'],
  ['Hieeus', 'Hiếu'],
  ['Uyeen', 'Uyên'],
  ['Hoaif', 'Hoài'], // three vowels: the middle one in both styles
  ['Quyeenf', 'Quyền'],
  ['Tueej', 'Tuệ'],
  ['Dungx', 'Dũng'],
  ['Hair', 'Hải'],
  ['Thaor', 'Thảo'],
  ['Hanhj', 'Hạnh'],
  ['Thawngs', 'Thắng'],
  ['Cuwowngf', 'Cường'],
  ['Yeens', 'Yến'],
  ['Oanh', 'Oanh'],
  ['Giang', 'Giang'],
  ['Nhaan', 'Nhân'],
  ['Sown', 'Sơn'],
  ['Loan', 'Loan'],
];

const addressWords: readonly Row[] = [
  ['Phuwowngf', 'Phường'],
  ['Quaanj', 'Quận'],
  ['Huyeenj', 'Huyện'],
  ['Xax', 'Xã'],
  ['Tinhr', 'Tỉnh'],
  ['Thoon', 'Thôn'],
  ['Xoms', 'Xóm'],
  ['AAps', 'Ấp'],
  ['Toor', 'Tổ'],
  ['dduwowngf', 'đường'],
  ['ngox', 'ngõ'],
  ['ngachs', 'ngách'],
  ['hemr', 'hẻm'],
  ['kieetj', 'kiệt'],
  ['soos', 'số'],
  ['nhaf', 'nhà'],
  ['Thanhf', 'Thành'],
  ['phoos', 'phố'],
  ['Khu', 'Khu'],
  ['Rija', 'Rịa'],
  ['Tauf', 'Tàu'],
  ['Huees', 'Huế'],
  ['Thuwaf', 'Thừa'],
  ['Thieen', 'Thiên'],
  ['Nawngx', 'Nẵng'],
  ['Nooij', 'Nội'],
  ['Chis', 'Chí'],
];

describe('Telex names and addresses', () => {
  const words = bothStyles([...surnames, ...givenNames, ...addressWords]);

  it('has a table of at least 60 syllables', () => {
    expect(words.length).toBeGreaterThanOrEqual(60);
  });

  it.each(words)('%s → %s (modern)', (keys, modern) => {
    expect(telexWord(keys)).toBe(modern);
  });

  it.each(words)('%s → %s / %s (classic)', (keys, _modern, classic) => {
    expect(telexWord(keys, { toneStyle: 'classic' })).toBe(classic);
  });

  it.each(words)('%s gives NFC text', (keys) => {
    const text = telexWord(keys);
    expect(text.normalize('NFC')).toBe(text);
  });
});

describe('Telex addresses of several words', () => {
  it.each(
    bothStyles([
      ['Thanhf phoos', 'Thành phố'],
      ['Haf Nooij', 'Hà Nội'],
      ['Hoof Chis Minh', 'Hồ Chí Minh'],
      ['DDaf Nawngx', 'Đà Nẵng'],
      ['Thuwaf Thieen Huees', 'Thừa Thiên Huế'],
      ['Baf Rija–Vungx Tauf', 'Bà Rịa–Vũng Tàu'], // the en dash ends a word like a space
      ['Baf Rija - Vungx Tauf', 'Bà Rịa - Vũng Tàu'],
      ['soos nhaf 12', 'số nhà 12'],
      ['Khu phoos 3', 'Khu phố 3'],
      ['AAps Baf DDieemr', 'Ấp Bà Điểm'],
      ['ngox 5, ngachs 7', 'ngõ 5, ngách 7'],
      ['Soos 12/3 dduwowngf Traafn Hwng DDaoj', 'Số 12/3 đường Trần Hưng Đạo'],
      ['Phuwowngf Beesn Nghes, Quaanj 1', 'Phường Bến Nghé, Quận 1'],
      ['Xax Hoaf An, Huyeenj Chowj Mowis', 'Xã Hoà An, Huyện Chợ Mới', 'Xã Hòa An, Huyện Chợ Mới'],
      ['Tinhr Khanhs Hoaf', 'Tỉnh Khánh Hoà', 'Tỉnh Khánh Hòa'],
      ['Thanh Hoas', 'Thanh Hoá', 'Thanh Hóa'],
      ['Caafn Thow', 'Cần Thơ'],
      ['Quangr Ngaix', 'Quảng Ngãi'],
      // The Central Highlands write a final k: a stop, so only sắc and nặng fit it.
      ['DDawks Lawks', 'Đắk Lắk'],
      ['DDawks Noong', 'Đắk Nông'],
      ['Huyeenj Buoon DDoon', 'Huyện Buôn Đôn'],
      ['Buks', 'Búk'],
    ]),
  )('%s → %s / %s', (keys, modern, classic) => {
    expect(telexType(keys)).toBe(modern);
    expect(telexType(keys, { toneStyle: 'classic' })).toBe(classic);
  });
});

describe('Telex marks that citizens type by habit', () => {
  it.each([
    // dd is đ wherever it is typed in the word, and w after it is ư.
    ['dd', 'đ'],
    ['DD', 'Đ'],
    ['Dd', 'Đ'],
    ['ddw', 'đư'],
    ['DDw', 'Đư'],
    ['ddwowngf', 'đường'],
    ['ddwcs', 'đức'],
    ['Duwcsd', 'Đức'],
    ['ddaw', 'đă'],
    ['dw', 'dư'],
  ])('dd and w: %s → %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it.each([
    // One w after "uo" gives both horns as soon as a final or a closing vowel follows.
    ['tuow', 'tươ'],
    ['nguowif', 'người'],
    ['truowngf', 'trường'],
    ['huowng', 'hương'],
    ['uowng', 'ương'],
    ['uowts', 'ướt'],
    ['uww', 'uw'],
    // Bare "uo" + w at the end of "uơ", "huơ", "khuơ", "thuở" is uơ (the engine follows Unikey).
    ['uow', 'uơ'],
    ['huow', 'huơ'],
    ['thuowr', 'thuở'],
  ])('uo + w: %s → %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it.each([
    // Pressing a mark key again takes the mark off and types the key itself.
    ['ass', 'as'],
    ['Hoaff', 'Hoaf'],
    ['Lee', 'Lê'],
    ['Leee', 'Lee'],
    ['aaa', 'aa'],
    ['Xuaaan', 'Xuaan'],
    ['ddd', 'dd'],
    ['Ddd', 'Dd'],
    ['www', 'ww'],
    ['Vawwn', 'Vawn'],
    ['Thijj', 'Thij'],
    // After a whole word, the repeated tone key is a letter the word cannot take: the word is
    // not Vietnamese any more and shows its keys.
    ['Nguyeenxx', 'Nguyeenxx'],
    // A different tone key replaces the tone; z takes it off.
    ['Hoafs', 'Hoá'],
    ['Nguyeenxz', 'Nguyên'],
  ])('undo by repeating: %s → %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it.each([
    // Letters keep the case of their key; mark keys work in either case.
    ['NGUYEENX', 'NGUYỄN'],
    ['TRAAFN', 'TRẦN'],
    ['DDAWNGJ', 'ĐẶNG'],
    ['HOAF', 'HOÀ'],
    ['PHUWOWNGF', 'PHƯỜNG'],
    ['QUAANJ', 'QUẬN'],
    ['HOOF CHIS MINH', 'HỒ CHÍ MINH'],
    ['NguyEENX', 'NguyỄN'],
    ['nguyeenX', 'nguyễn'],
  ])('capitals: %s → %s', (keys, expected) => {
    expect(telexType(keys)).toBe(expected);
  });

  it('capitals in the classic style', () => {
    expect(telexWord('HOAF', { toneStyle: 'classic' })).toBe('HÒA');
    expect(telexWord('THUYR', { toneStyle: 'classic' })).toBe('THỦY');
  });
});

describe('words that are not Vietnamese', () => {
  it.each([
    // Words the spelling rules reject stay as typed, marks and all ("Unikey: restore keys").
    'email',
    'Email',
    'gmail',
    'hotmail',
    'Windows',
    'Google',
    'Facebook',
    'Zalo',
    'Viettel',
    'Smith',
    'Maria',
    'John',
    'Williams',
    'Pleiku',
  ])('%s stays as typed', (keys) => {
    expect(telexWord(keys)).toBe(keys);
  });

  it.each([
    // A doubled mark key inside a foreign word is still an undo, as in Unikey: only words that
    // still carry a mark are restored. The kiosk's Telex switch is the way to type these.
    ['office', 'ofice'],
    ['coffee', 'cofee'],
    ['Ross', 'Ros'],
    // Foreign words that Vietnamese spelling accepts are rewritten.
    ['Lisa', 'Lía'],
  ])('%s → %s (Telex on)', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it('keeps a word typed literally as it is', () => {
    expect(telexWord('Ross', { literal: true })).toBe('Ross');
    expect(telexType('\\Lisa Nguyeenx')).toBe('Lisa Nguyễn');
  });
});
