import { describe, expect, it } from 'vitest';
import { parseCccd } from './parse-cccd.ts';
import { PayloadFields } from './payload-fields.ts';

const parse = (payload: string) => parseCccd(new PayloadFields().load(payload, 0, payload.length));
const codeOf = (payload: string) => {
  const result = parse(payload);
  return result.ok ? result.warnings.map((warning) => warning.code) : result.error.code;
};

const address = 'Tổ 12, Phường Láng Hạ, Quận Đống Đa, Hà Nội';
const card2021 = (overrides: Record<number, string> = {}) =>
  Object.assign(
    ['001090012345', '', 'Nguyễn Văn Hùng', '01011990', 'Nam', address, '10072021'],
    overrides,
  ).join('|');

describe('CCCD / Căn cước parser', () => {
  it('returns every field of a 2021 card, in the canonical order', () => {
    const result = parse(card2021({ 1: '012345678' }));
    expect(result).toEqual({
      ok: true,
      kind: 'cccd',
      format: 'cccd-2021',
      fields: {
        idNumber: '001090012345',
        oldIdNumber: '012345678',
        fullName: 'Nguyễn Văn Hùng',
        dateOfBirth: '1990-01-01',
        sex: 'male',
        address,
        issueDate: '2021-07-10',
        fatherName: null,
        motherName: null,
        extra: [],
      },
      warnings: [],
    });
    expect(Object.keys(result.ok ? result.fields : {})).toEqual([
      'idNumber',
      'oldIdNumber',
      'fullName',
      'dateOfBirth',
      'sex',
      'address',
      'issueDate',
      'fatherName',
      'motherName',
      'extra',
    ]);
  });

  it('reads the parents and keeps fields 7 and 10 raw on a Căn cước 2024 card', () => {
    const result = parse(
      '075319317209||Lý Thị Yến|28112019|Nữ|Hà Nội|25072024|X1|Lý Quang Dũng|Phan Thị Nhung|Ghi chú ',
    );
    expect(result.ok && result.format).toBe('cancuoc-2024');
    expect(result.ok && result.fields).toMatchObject({
      fatherName: 'Lý Quang Dũng',
      motherName: 'Phan Thị Nhung',
      extra: ['X1', 'Ghi chú '],
    });
    const adult = parse(`${card2021()}||||`);
    expect(adult.ok && adult.fields).toMatchObject({ fatherName: null, motherName: null, extra: ['', ''] });
  });

  it('accepts an old 12-digit number, and refuses a malformed one', () => {
    expect(parse(card2021({ 1: '001090000001' })).ok).toBe(true);
    expect(codeOf(card2021({ 1: '12345' }))).toBe('bad-old-id-number');
    expect(codeOf(card2021({ 1: '01234567a' }))).toBe('bad-old-id-number');
  });

  it('tidies names and addresses to NFC with single spaces, and keeps their case', () => {
    const result = parse(card2021({ 2: '  NGUYỄN  VĂN HÙNG '.normalize('NFD'), 5: '' }));
    expect(result.ok && result.fields.fullName).toBe('NGUYỄN VĂN HÙNG');
    expect(result.ok && result.fields.address).toBeNull();
  });

  it('refuses a card without a name, with a bad date or with an unknown sex word', () => {
    expect(codeOf(card2021({ 2: '  ' }))).toBe('missing-name');
    expect(codeOf(card2021({ 3: '31021990' }))).toBe('bad-date');
    expect(codeOf(card2021({ 6: '1007202' }))).toBe('bad-date');
    expect(codeOf(card2021({ 4: 'Male' }))).toBe('bad-sex');
    expect(codeOf(card2021({ 0: '00109001234X' }))).toBe('bad-id-number');
    expect(codeOf(`${card2021()}|`)).toBe('bad-field-count');
  });

  it('warns about ID digits that disagree with the card', () => {
    expect(codeOf(card2021({ 4: 'Nữ' }))).toEqual(['id-sex-mismatch']);
    expect(codeOf(card2021({ 3: '01012090' }))).toEqual(['id-century-mismatch']);
    expect(codeOf(card2021({ 3: '01011991' }))).toEqual(['id-year-mismatch']);
    expect(codeOf(card2021({ 0: '003090012345' }))).toEqual(['unknown-province']);
  });

  it('warns about names a wedge scanner damaged', () => {
    expect(codeOf(card2021({ 2: 'Nguyen Van Hung' }))).toEqual(['lost-diacritics']);
    expect(codeOf(card2021({ 2: 'Nguy?n V?n H?ng' }))).toEqual(['lost-diacritics']);
    expect(codeOf(card2021({ 5: 'T? 12, Ph??ng L?ng H?' }))).toEqual(['lost-diacritics']);
    expect(codeOf('075319317209||Lý Thị Yến|28112019|Nữ|Hà Nội|25072024||L? Quang D?ng||')).toEqual([
      'lost-diacritics',
    ]);
    expect(codeOf(card2021({ 2: 'Kim Minh Anh', 5: 'So 12 Tran Phu, Ha Noi' }))).toEqual([]);
  });
});
