import { describe, expect, it } from 'vitest';
import { parseBhyt } from './parse-bhyt.ts';
import { PayloadFields } from './payload-fields.ts';

const hex = (text: string) =>
  Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join('');
const today = '2026-01-15';
const parse = (payload: string, on = today) =>
  parseBhyt(new PayloadFields().load(payload, 0, payload.length), on);
const codeOf = (payload: string, on = today) => {
  const result = parse(payload, on);
  return result.ok ? result.warnings.map((warning) => warning.code) : result.error.code;
};

const newCard = (overrides: Record<number, string> = {}) =>
  Object.assign(
    [
      '2002965140',
      hex('Tạ Kim Hồng'),
      '18/11/1964',
      '2',
      '-',
      '33 - 065',
      '01/10/2023',
      '-',
      '14/10/2023',
      '33232002965140',
      '-',
      '4',
      ' 01/02/2016',
      '2ca5e5865f590f09-7102',
      '4',
      hex('Quận 12, Thành phố Hồ Chí Minh'),
      '$',
    ],
    overrides,
  ).join('|');

const oldCard = (overrides: Record<number, string> = {}) =>
  Object.assign(
    [
      'SV4649683309581',
      hex('Đinh Xuân Lộc'),
      '01/02/1959',
      '1',
      hex('Số 45 đường Lê Lợi, Quận 1'),
      '64 - 001',
      '01/07/2021',
      '-',
      '28/07/2021',
      '64149683309581',
      '-',
      '4',
      ' 01/04/2017',
      'd68bc6b71a34a6-1202',
      '$',
    ],
    overrides,
  ).join('|');

describe('BHYT parser', () => {
  it('returns every field of a new card, in the canonical order', () => {
    const result = parse(newCard());
    expect(result).toEqual({
      ok: true,
      kind: 'bhyt',
      format: 'bhyt-2021',
      fields: {
        cardNumber: '2002965140',
        socialInsuranceNumber: '2002965140',
        beneficiaryGroup: null,
        benefitLevel: 4,
        provinceCode: null,
        fullName: 'Tạ Kim Hồng',
        dateOfBirth: '1964-11-18',
        sex: 'female',
        address: null,
        facility: { province: '33', code: '065' },
        validFrom: '2023-10-01',
        validTo: null,
        issueDate: '2023-10-14',
        managementCode: '33232002965140',
        guardian: null,
        residenceArea: null,
        fiveYearDate: '2016-02-01',
        checkString: '2ca5e5865f590f09-7102',
        issuer: 'Quận 12, Thành phố Hồ Chí Minh',
      },
      warnings: [],
    });
  });

  it('reads an old card, its number split into group, level and province', () => {
    const result = parse(oldCard());
    expect(result.ok && result.format).toBe('bhyt-2015');
    expect(result.ok && result.fields).toMatchObject({
      cardNumber: 'SV4649683309581',
      socialInsuranceNumber: '9683309581',
      beneficiaryGroup: 'SV',
      benefitLevel: 4,
      provinceCode: '64',
      address: 'Số 45 đường Lê Lợi, Quận 1',
      issuer: null,
    });
  });

  it('accepts `$`, `#` or no terminator', () => {
    expect(parse(newCard({ 16: '#' })).ok).toBe(true);
    expect(parse(newCard().slice(0, -2)).ok).toBe(true);
    expect(parse(oldCard().slice(0, -2)).ok).toBe(true);
  });

  it('reads both short forms and says so', () => {
    const withAddress = oldCard().split('|').slice(0, 9).join('|') + '|$';
    const withoutAddress = oldCard()
      .split('|')
      .filter((_, index) => index !== 4)
      .slice(0, 8)
      .join('|');
    for (const payload of [withAddress, withoutAddress, `${withoutAddress}|$`]) {
      const result = parse(payload);
      expect(result.ok && result.format, payload).toBe('bhyt-short');
      expect(result.ok && result.fields).toMatchObject({
        facility: { province: '64', code: '001' },
        issueDate: '2021-07-28',
        managementCode: null,
        checkString: null,
      });
    }
    const withoutAddressResult = parse(withoutAddress);
    expect(withoutAddressResult.ok && withoutAddressResult.fields.address).toBeNull();
    const shortNewNumber = parse(newCard().split('|').slice(0, 9).join('|') + '|$');
    expect(shortNewNumber.ok && shortNewNumber.fields.cardNumber).toBe('2002965140');
  });

  it('warns about a card that expired or is not valid yet', () => {
    expect(codeOf(newCard({ 7: '31/12/2025' }))).toEqual(['card-expired']);
    expect(codeOf(newCard({ 7: '15/01/2026' }))).toEqual([]); // valid through its last day
    expect(codeOf(newCard({ 6: '01/02/2026' }))).toEqual(['card-not-yet-valid']);
    expect(codeOf(newCard({ 6: '15/01/2026' }))).toEqual([]);
  });

  it('warns when the management code does not end with the social-insurance number', () => {
    expect(codeOf(newCard({ 9: '33230000000000' }))).toEqual(['management-code-mismatch']);
  });

  it('reads the guardian as hex when it is hex text, else as written, and warns when damaged', () => {
    const hexGuardian = parse(newCard({ 10: hex('Trần Thị Hằng') }));
    expect(hexGuardian.ok && hexGuardian.fields.guardian).toBe('Trần Thị Hằng');
    expect(hexGuardian.ok && hexGuardian.warnings).toEqual([]);
    const damaged = parse(newCard({ 10: 'tr?n th? h?ng' }));
    expect(damaged.ok && damaged.fields.guardian).toBe('tr?n th? h?ng');
    expect(codeOf(newCard({ 10: 'tr?n th? h?ng' }))).toEqual(['lost-diacritics']);
    const plain = parse(newCard({ 10: 'Trần Thị Hằng' }));
    expect(plain.ok && plain.fields.guardian).toBe('Trần Thị Hằng');
  });

  it('reads the residence area, the year-only birth date and upper-case hex', () => {
    const result = parse(newCard({ 11: '6', 2: '1955', 1: hex('Tạ Kim Hồng').toUpperCase() }));
    expect(result.ok && result.fields).toMatchObject({
      residenceArea: 'K2',
      dateOfBirth: '1955',
      fullName: 'Tạ Kim Hồng',
    });
  });

  it('accepts the en dash seen in the facility field', () => {
    const result = parse(newCard({ 5: '10 – C54' }));
    expect(result.ok && result.fields.facility).toEqual({ province: '10', code: 'C54' });
  });

  it('refuses malformed fields with their own codes', () => {
    expect(codeOf(newCard({ 0: 'SV4649683309581' }))).toBe('bad-card-number');
    expect(codeOf(oldCard({ 0: '2002965140' }))).toBe('bad-card-number');
    expect(codeOf(newCard({ 1: 'Nguyen Van A' }))).toBe('bad-hex');
    expect(codeOf(newCard({ 1: '-' }))).toBe('missing-name');
    expect(codeOf(newCard({ 1: '2020' }))).toBe('missing-name');
    expect(codeOf(oldCard({ 4: 'Hà Nội' }))).toBe('bad-hex');
    expect(codeOf(newCard({ 15: 'Quận 12' }))).toBe('bad-hex');
    expect(codeOf(newCard({ 2: '31/02/1964' }))).toBe('bad-date');
    expect(codeOf(newCard({ 6: '2023-10-01' }))).toBe('bad-date');
    expect(codeOf(newCard({ 12: '01/13/2016' }))).toBe('bad-date');
    expect(codeOf(newCard({ 3: '3' }))).toBe('bad-sex');
    expect(codeOf(newCard({ 5: '33 065' }))).toBe('bad-facility');
    expect(codeOf(newCard({ 9: '3323' }))).toBe('bad-management-code');
    expect(codeOf(newCard({ 11: '9' }))).toBe('bad-residence-area');
    expect(codeOf(newCard({ 14: '7' }))).toBe('bad-benefit-level');
    expect(codeOf(newCard().replace('|$', '|x|$'))).toBe('bad-field-count');
  });

  it('never validates the check string (no published algorithm)', () => {
    const result = parse(newCard({ 13: 'anything-at-all' }));
    expect(result.ok && result.fields.checkString).toBe('anything-at-all');
  });
});
