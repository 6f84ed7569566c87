import { describe, expect, it } from 'vitest';
import { applyTelexKey, composeWord, continueWord, telexWord } from './compose-word.ts';
import type { VietnameseInputOptions } from './compose-word.ts';

const classic = { toneStyle: 'classic' } as const;

// keys → modern, classic (when the two differ).
const typedNames: ReadonlyArray<readonly [string, string, string?]> = [
  ['Nguyeenx', 'Nguyễn'],
  ['Nguyenex', 'Nguyễn'],
  ['Nguyenxe', 'Nguyễn'],
  ['Traafn', 'Trần'],
  ['Tranaf', 'Trần'],
  ['Vawn', 'Văn'],
  ['Vanw', 'Văn'],
  ['Hungf', 'Hùng'],
  ['Phamj', 'Phạm'],
  ['Lee', 'Lê'],
  ['DDawngj', 'Đặng'],
  ['Dangwdj', 'Đặng'],
  ['Huyfnh', 'Huỳnh'],
  ['Huynhf', 'Huỳnh'],
  ['Phuwowngf', 'Phường'],
  ['Phuongwf', 'Phường'],
  ['Quaanj', 'Quận'],
  ['Thanhf', 'Thành'],
  ['phoos', 'phố'],
  ['Hoof', 'Hồ'],
  ['Chis', 'Chí'],
  ['Minh', 'Minh'],
  ['DDoongs', 'Đống'],
  ['DDa', 'Đa'],
  ['Haf', 'Hà'],
  ['Nooij', 'Nội'],
  ['Ngheej', 'Nghệ'],
  ['An', 'An'],
  ['Thuwaf', 'Thừa'],
  ['Thieen', 'Thiên'],
  ['Huees', 'Huế'],
  ['Khanhs', 'Khánh'],
  ['Hoaf', 'Hoà', 'Hòa'],
  ['Quys', 'Quý'],
  ['Giang', 'Giang'],
  ['Truwowngf', 'Trường'],
  ['Nguwowif', 'Người'],
  ['Nguoiwf', 'Người'],
  ['Thuyr', 'Thuỷ', 'Thủy'],
  ['Khoer', 'Khoẻ', 'Khỏe'],
  ['Thij', 'Thị'],
  ['Tuaans', 'Tuấn'],
  ['Ddatj', 'Đạt'],
  ['Vux', 'Vũ'],
  ['Ngocj', 'Ngọc'],
  ['Huwowng', 'Hương'],
  ['Yeens', 'Yến'],
  ['Thuyr', 'Thuỷ', 'Thủy'],
  ['Bichs', 'Bích'],
  ['Dieepj', 'Diệp'],
  ['Xas', 'Xá'],
  ['Xax', 'Xã'],
  ['Huyeenj', 'Huyện'],
  ['Tinhr', 'Tỉnh'],
  ['Laof', 'Lào'],
  ['Baor', 'Bảo'],
  ['Yeen', 'Yên'],
  ['Tieefn', 'Tiền'],
  ['DDoongf', 'Đồng'],
  ['Nghi', 'Nghi'],
  ['Loocj', 'Lộc'],
  ['Langs', 'Láng'],
  ['Laangs', 'Lấng'],
  ['Hajj', 'Haj'],
  ['Hax', 'Hã'],
  ['Hoangf', 'Hoàng'],
  ['Hoafng', 'Hoàng'],
  ['Xoaif', 'Xoài'],
  ['Quyeenr', 'Quyển'],
  ['Khuyur', 'Khuỷu'],
  ['Cuooij', 'Cuội'],
  ['Tuwowi', 'Tươi'],
  ['Khuya', 'Khuya'],
  ['Yeeu', 'Yêu'],
  ['Tieesn', 'Tiến'],
  ['Muoons', 'Muốn'],
  ['Ruwowuj', 'Rượu'],
  ['Gias', 'Giá'],
  ['Gif', 'Gì'],
  ['Gifn', 'Gìn'],
  ['Giuwax', 'Giữa'],
  ['Gieesng', 'Giếng'],
  ['Quoocs', 'Quốc'],
  ['Quyfnh', 'Quỳnh'],
  ['Nghieeng', 'Nghiêng'],
  ['Thuowr', 'Thuở'],
  ['Thuowng', 'Thương'],
  ['Khoer', 'Khoẻ', 'Khỏe'],
  ['Mias', 'Mía'],
  ['Tuis', 'Túi'],
  ['Gurwi', 'Gửi'],
  ['Huwux', 'Hữu'],
  ['Nhaan', 'Nhân'],
  ['Sown', 'Sơn'],
  ['Nuwx', 'Nữ'],
  ['Toor', 'Tổ'],
  ['Soos', 'Số'],
  ['dduwowngf', 'đường'],
  ['Looij', 'Lội'],
  ['Lowij', 'Lợi'],
  ['Beesn', 'Bến'],
  ['Hieepj', 'Hiệp'],
  ['Bieen', 'Biên'],
  ['Chaau', 'Châu'],
  ['Phus', 'Phú'],
  ['Thanhj', 'Thạnh'],
  ['Thaanhj', 'Thaanhj'],
  ['Khuyeens', 'Khuyến'],
  ['Hoaf', 'Hoà', 'Hòa'],
  ['Thoong', 'Thông'],
  ['Uyeen', 'Uyên'],
  ['Nguyeetj', 'Nguyệt'],
  ['Xuaan', 'Xuân'],
  ['DDuwcs', 'Đức'],
  ['Ddoox', 'Đỗ'],
  ['Buif', 'Bùi'],
  ['Ngoo', 'Ngô'],
  ['Duwowng', 'Dương'],
  ['Lys', 'Lý'],
  ['Vox', 'Võ'],
  ['Voox', 'Vỗ'],
  ['Hoaf', 'Hoà', 'Hòa'],
  ['Thoaj', 'Thoạ', 'Thọa'],
  ['Thuyr', 'Thuỷ', 'Thủy'],
  ['Hoex', 'Hoẽ', 'Hõe'],
];
const namesAndPlaces = typedNames.map(([keys, modern, classicForm]): [string, string, string] => [
  keys,
  modern,
  classicForm ?? modern,
]);

describe('Telex word', () => {
  it.each(namesAndPlaces)('%s → %s (modern)', (keys, modern) => {
    expect(telexWord(keys)).toBe(modern);
  });

  it.each(namesAndPlaces)('%s → classic', (keys, _modern, classicForm) => {
    expect(telexWord(keys, classic)).toBe(classicForm);
  });

  it.each([
    // oa, oe, uy followed by a final: the tone is on the second vowel in both styles.
    ['hoangf', 'hoàng'],
    ['khoets', 'khoét'],
    ['hoanf', 'hoàn'],
    ['huyts', 'huýt'],
    ['toanf', 'toàn'],
    ['khoer', 'khỏe'],
    ['quys', 'quý'],
    ['giaf', 'già'],
  ])('classic %s → %s', (keys, expected) => {
    expect(telexWord(keys, classic)).toBe(expected);
  });

  it.each([
    ['aaa', 'aa'],
    ['aaaa', 'aaa'],
    ['ass', 'as'],
    ['asss', 'ass'],
    ['ddd', 'dd'],
    ['aww', 'aw'],
    ['uww', 'uw'],
    ['oww', 'ow'],
    ['ooo', 'oo'],
    ['eee', 'ee'],
    ['ww', 'w'],
    ['nhww', 'nhw'],
    ['tuoww', 'tuow'],
    ['uowww', 'uow'],
    ['hoaff', 'hoaf'],
    ['xooong', 'xoong'],
    ['caiss', 'cais'],
    ['asf', 'à'],
    ['asz', 'a'],
    ['az', 'az'],
    ['z', 'z'],
  ])('repeating a mark key takes the mark off and types it: %s → %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it.each([
    ['NGUYEENX', 'NGUYỄN'],
    ['Nguyeenx', 'Nguyễn'],
    ['NguyEENX', 'NguyỄN'],
    ['DDAWNGJ', 'ĐẶNG'],
    ['dD', 'đ'],
    ['TRUWOWNGF', 'TRƯỜNG'],
    ['HOAF', 'HOÀ'],
    ['W', 'Ư'],
    ['NHW', 'NHƯ'],
    ['AAA', 'AA'],
    ['aAa', 'aa'],
  ])('letters keep the case of their key, marks ignore it: %s → %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it.each([
    ['w', 'ư'],
    ['tw', 'tư'],
    ['nhw', 'như'],
    ['ngw', 'ngư'],
    ['trwf', 'trừ'],
    ['uw', 'ư'],
    ['ow', 'ơ'],
    ['aw', 'ă'],
    ['uow', 'uơ'],
    ['uoww', 'ươ'],
    ['uwow', 'ươ'],
    ['muaw', 'mưa'],
    ['xoawn', 'xoăn'],
    ['ooiw', 'ơi'],
    ['huow', 'huơ'],
    ['thuow', 'thuơ'],
    ['tuow', 'tươ'],
    ['thuowng', 'thương'],
    ['quow', 'quơ'],
    ['ddw', 'đư'],
    ['ddwf', 'đừ'],
    ['ddwowngf', 'đường'],
    ['DDWOWNGF', 'ĐƯỜNG'],
    ['Wf', 'Ừ'],
    ['uwa', 'ưa'],
    ['auw', 'auw'],
    ['iw', 'iw'],
  ])('w marks the vowel, or types ư by itself: %s → %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it.each([
    ['dd', 'đ'],
    ['ddi', 'đi'],
    ['dadf', 'đà'],
    ['DDHQG', 'ĐHQG'],
    ['TPHCM', 'TPHCM'],
    ['dddd', 'dđ'],
    ['add', 'add'],
  ])('dd: %s → %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it.each([
    ['Smith', 'Smith'],
    ['Maria', 'Maria'],
    ['Peter', 'Peter'],
    ['Anna', 'Anna'],
    ['David', 'David'],
    ['John', 'John'],
    ['Fabien', 'Fabien'],
    ['Williams', 'Williams'],
    ['Jones', 'Jones'],
    ['cafe', 'cafe'],
    ['Tiens', 'Tiens'],
  ])('a word that cannot be Vietnamese stays as typed: %s', (keys, expected) => {
    expect(telexWord(keys)).toBe(expected);
  });

  it('rewrites the foreign words Vietnamese spelling accepts, unless committed literally', () => {
    expect(telexWord('Lisa')).toBe('Lía');
    expect(telexWord('Marx')).toBe('Mã');
    expect(telexWord('Lisa', { literal: true })).toBe('Lisa');
  });

  it('shows an unfinished syllable marked while the word is still being typed', () => {
    expect(telexWord('tiens', { ended: false })).toBe('tién');
    expect(telexWord('tiens')).toBe('tiens');
    expect(telexWord('tiense')).toBe('tiến');
    expect(telexWord('Mari', { ended: false })).toBe('Mải');
    expect(telexWord('Maria', { ended: false })).toBe('Maria');
  });

  it('a stop final refuses huyền, hỏi and ngã but takes sắc and nặng', () => {
    expect(telexWord('cacs')).toBe('các');
    expect(telexWord('cacj')).toBe('cạc');
    expect(telexWord('cacf')).toBe('cacf');
    expect(telexWord('hafc')).toBe('hafc');
  });

  it('without free marking, marks apply only right after their vowel', () => {
    const strict: VietnameseInputOptions = { freeMarking: false };
    expect(telexWord('Nguyeenx', strict)).toBe('Nguyễn');
    expect(telexWord('Nguyenex', strict)).toBe('Nguyenex');
    expect(telexWord('dad', strict)).toBe('dad');
    expect(telexWord('truwowngf', strict)).toBe('trường');
  });

  it('without the spell check, a letter that cannot continue starts a new syllable', () => {
    const loose: VietnameseInputOptions = { spellCheck: false };
    expect(telexWord('bbaa', loose)).toBe('bbâ');
    expect(telexWord('Smiths', loose)).toBe('Smiths');
    expect(telexWord('baab', loose)).toBe('bâb');
    expect(telexWord('Maria', loose)).toBe('Mảia');
  });

  it('a character other than a letter stops the rewriting (spell check on) or starts over (off)', () => {
    expect(telexWord('e1baa1')).toBe('e1baa1');
    expect(telexWord('e1baa1', { spellCheck: false })).toBe('e1bâ1');
    expect(telexWord('4dd5')).toBe('4đ5');
  });

  it.each(namesAndPlaces)('the output of %s is NFC', (keys) => {
    const text = telexWord(keys);
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('VNI word', () => {
  it.each([
    ['Nguye6n4', 'Nguyễn'],
    ['Nguyen64', 'Nguyễn'],
    ['Thi5', 'Thị'],
    ['Hoa2', 'Hoà'],
    ['D9a85ng', 'Đặng'],
    ['Tru7o7ng2', 'Trường'],
    ['Truong72', 'Trường'],
    ['Ngu7o7i2', 'Người'],
    ['Quy1', 'Quý'],
    ['Tra62n', 'Trần'],
    ['Va8n', 'Văn'],
    ['a11', 'a1'],
    ['a66', 'a6'],
    ['d99', 'd9'],
    ['a12', 'à'],
    ['a10', 'a'],
    ['e1', 'é'],
    ['123', '123'],
  ])('%s → %s', (keys, expected) => {
    expect(composeWord(keys, { method: 'vni' })).toBe(expected);
  });

  it('keeps the classic tone placement when asked', () => {
    expect(composeWord('Hoa2', { method: 'vni', toneStyle: 'classic' })).toBe('Hòa');
  });
});

describe('continuing a word from its text', () => {
  it.each([
    ['Nguyên', 'x', 'Nguyễn'],
    ['Nguyễ', 'n', 'Nguyễn'],
    ['á', 's', 'as'],
    ['â', 'a', 'aa'],
    ['tiê', 'n', 'tiên'],
    ['hoà', 'n', 'hoàn'],
    ['hòa', 'n', 'hoàn'],
    ['Tru', 'w', 'Trư'],
    ['Trươn', 'g', 'Trương'],
    ['Trương', 'f', 'Trường'],
    ['D', 'D', 'Đ'],
    ['Mải', 'a', 'Maria'],
    ['Smith', 's', 'Smiths'],
    ['', 'w', 'ư'],
    ['Hà Nội', 's', 'Hà Nộis'],
  ])('(%s, %s) → %s', (word, key, expected) => {
    expect(applyTelexKey(word, key)).toBe(expected);
  });

  it('reads NFD text and a VNI key', () => {
    expect(continueWord('Nguye\u0302n', '4', { method: 'vni' })).toBe('Nguyễn');
    expect(applyTelexKey('Nguye\u0302n', 'x')).toBe('Nguyễn');
  });

  it('appends a key literally when asked or when it belongs to no word', () => {
    expect(applyTelexKey('Nguyên', 'x', { literal: true })).toBe('Nguyênx');
    expect(applyTelexKey('Nguyên', ' ')).toBe('Nguyên ');
  });
});
