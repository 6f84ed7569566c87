// Property-based tests of the whole parser. Round trip: any valid card, generated with consistent
// ID digits and diacritics in every name, serialises to a payload the way the card family writes
// it, and parses back to the same fields with no warning, whatever the scanner did around it
// (padding, NFD, upper-casing). Robustness: no input at all — strings, bytes, mutated payloads —
// makes the parser throw, and every result has the canonical shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import provinces from '../../../resources/domain/provinces.json' with { type: 'json' };
import { idCardErrorCodes } from './id-card-code-lists.ts';
import type { BhytFields, BhytFormat, CccdFields, IdParseResult } from './id-card-types.ts';
import { idParseResultSchema } from './id-parse-result-schema.ts';
import { parseIdPayload } from './parse-id-payload.ts';

const today = '2026-01-15';
const parse = (input: string | Uint8Array) => parseIdPayload(input, { today });

const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Quang', 'Ngọc', 'Đức', 'Xuân', 'Kim'];
const givenNames = [
  'Hùng',
  'Hưng',
  'Lan',
  'Anh',
  'Tuấn',
  'Yến',
  'Nhân',
  'Thư',
  'Uyên',
  'Đạt',
  'Lộc',
  'Nguyệt',
];
const places = [
  'Tổ 12, Phường Láng Hạ, Quận Đống Đa, Hà Nội',
  'Ấp Bình Thạnh, Xã Tân Phú, Huyện Châu Thành, Tiền Giang',
  'Xóm 3, Xã Nghi Phong, Huyện Nghi Lộc, Nghệ An',
  'Bản Nà Phát, Phúc Khánh, Bảo Yên, Lào Cai',
];
const provinceCodes = Object.keys(provinces.codes);

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const hex = (text: string) =>
  Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join('');

const name = fc
  .tuple(fc.constantFrom(...familyNames), fc.constantFrom(...middleNames), fc.constantFrom(...givenNames))
  .map((parts) => parts.join(' '));
const address = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom(...places))
  .map(([number, place]) => `Số ${number}, ${place}`);
const date = (minYear: number, maxYear: number) =>
  fc
    .tuple(
      fc.integer({ min: minYear, max: maxYear }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    )
    .filter(([year, month, day]) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day)
    .map(([year, month, day]) => ({ year, month, day, iso: `${year}-${pad(month, 2)}-${pad(day, 2)}` }));
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const compact = (value: { year: number; month: number; day: number }) =>
  `${pad(value.day, 2)}${pad(value.month, 2)}${value.year}`;
const slashed = (value: { year: number; month: number; day: number }) =>
  `${pad(value.day, 2)}/${pad(value.month, 2)}/${value.year}`;

// --- CCCD / Căn cước -----------------------------------------------------------------------------

const cccdCard = fc
  .record({
    province: fc.constantFrom(...provinceCodes),
    sex: fc.constantFrom('male' as const, 'female' as const),
    birth: date(1900, 2024),
    tail: digits(6),
    oldIdNumber: fc.oneof(fc.constant(null), digits(9), digits(12)),
    fullName: name,
    address,
    issue: date(2021, 2025),
    canCuoc: fc.boolean(),
    fatherName: fc.option(name, { nil: null }),
    motherName: fc.option(name, { nil: null }),
    extra: fc.tuple(
      fc.string({ unit: fc.constantFrom(...'AZ09xy') }),
      fc.string({ unit: fc.constantFrom(...'AZ09xy') }),
    ),
  })
  .map((card) => {
    const centuryAndSex = 2 * Math.floor((card.birth.year - 1900) / 100) + (card.sex === 'male' ? 0 : 1);
    const fields: CccdFields = {
      idNumber: `${card.province}${centuryAndSex}${pad(card.birth.year % 100, 2)}${card.tail}`,
      oldIdNumber: card.oldIdNumber,
      fullName: card.fullName,
      dateOfBirth: card.birth.iso,
      sex: card.sex,
      address: card.address,
      issueDate: card.issue.iso,
      fatherName: card.canCuoc ? card.fatherName : null,
      motherName: card.canCuoc ? card.motherName : null,
      extra: card.canCuoc ? card.extra : [],
    };
    const written = [
      fields.idNumber,
      fields.oldIdNumber ?? '',
      fields.fullName,
      compact(card.birth),
      card.sex === 'male' ? 'Nam' : 'Nữ',
      card.address,
      compact(card.issue),
    ];
    if (card.canCuoc)
      written.push(card.extra[0], fields.fatherName ?? '', fields.motherName ?? '', card.extra[1]);
    return { fields, format: card.canCuoc ? 'cancuoc-2024' : 'cccd-2021', payload: written.join('|') };
  });

// --- BHYT ----------------------------------------------------------------------------------------

const bhytCard = fc
  .record({
    format: fc.constantFrom<BhytFormat | 'bhyt-short-9'>(
      'bhyt-2015',
      'bhyt-2021',
      'bhyt-short',
      'bhyt-short-9',
    ),
    group: fc.constantFrom('DN', 'HC', 'HT', 'TE', 'GD', 'HS', 'SV', 'CB', 'XD'),
    level: fc.integer({ min: 1, max: 5 }),
    province: fc.integer({ min: 1, max: 99 }).map((value) => pad(value, 2)),
    office: digits(2),
    socialInsuranceNumber: digits(10),
    oldNumberOnShort: fc.boolean(),
    fullName: name,
    birth: fc.oneof(
      date(1920, 2024),
      date(1920, 2024).map((value) => ({ ...value, yearOnly: true })),
    ),
    sex: fc.constantFrom('male' as const, 'female' as const),
    address: fc.option(address, { nil: null }),
    facility: fc.tuple(
      fc.integer({ min: 1, max: 99 }),
      fc.constantFrom('001', '065', 'C54', 'K12'),
      fc.constantFrom(' - ', ' – ', '-'),
    ),
    validFrom: date(2015, 2025),
    validTo: fc.option(date(2027, 2030), { nil: null }), // still valid on `today`
    issue: fc.option(date(2015, 2025), { nil: null }),
    guardian: fc.oneof(
      fc.constant(null),
      name.map((value) => ({ value, asHex: true })),
      name.map((value) => ({ value, asHex: false })),
    ),
    residence: fc.constantFrom(4, 5, 6, 7),
    fiveYear: fc.option(fc.tuple(date(2010, 2030), fc.boolean()), { nil: null }),
    checkString: fc.tuple(digits(16), digits(4)).map(([a, b]) => `${a}-${b}`),
    issuer: fc.option(fc.constantFrom('Quận 12, Thành phố Hồ Chí Minh', 'Quận Cầu Giấy, Thành phố Hà Nội'), {
      nil: null,
    }),
    upperHex: fc.boolean(),
    terminator: fc.constantFrom('$', '#', ''),
  })
  .map((card) => {
    const format: BhytFormat = card.format === 'bhyt-short-9' ? 'bhyt-short' : card.format;
    const oldNumber = format === 'bhyt-2015' || (format === 'bhyt-short' && card.oldNumberOnShort);
    const long = format === 'bhyt-2015' || format === 'bhyt-2021';
    const hasAddress = card.format !== 'bhyt-short-9';
    const hexOf = (text: string) => (card.upperHex ? hex(text).toUpperCase() : hex(text));
    const yearOnly = 'yearOnly' in card.birth;
    const fields: BhytFields = {
      cardNumber: oldNumber
        ? `${card.group}${card.level}${card.province}${card.socialInsuranceNumber}`
        : card.socialInsuranceNumber,
      socialInsuranceNumber: card.socialInsuranceNumber,
      beneficiaryGroup: oldNumber ? card.group : null,
      benefitLevel: oldNumber || format === 'bhyt-2021' ? card.level : null,
      provinceCode: oldNumber ? card.province : null,
      fullName: card.fullName,
      dateOfBirth: yearOnly ? String(card.birth.year) : card.birth.iso,
      sex: card.sex,
      address: hasAddress ? card.address : null,
      facility: { province: pad(card.facility[0], 2), code: card.facility[1] },
      validFrom: card.validFrom.iso,
      validTo: card.validTo?.iso ?? null,
      issueDate: card.issue?.iso ?? null,
      managementCode: long ? `${card.province}${card.office}${card.socialInsuranceNumber}` : null,
      guardian: long ? (card.guardian?.value ?? null) : null,
      residenceArea: long ? ([null, 'K1', 'K2', 'K3'] as const)[card.residence - 4]! : null,
      fiveYearDate: long ? (card.fiveYear?.[0].iso ?? null) : null,
      checkString: long ? card.checkString : null,
      issuer: format === 'bhyt-2021' ? card.issuer : null,
    };
    const written = [
      fields.cardNumber,
      hexOf(fields.fullName),
      yearOnly ? String(card.birth.year) : slashed(card.birth),
      card.sex === 'male' ? '1' : '2',
      ...(hasAddress ? [fields.address === null ? '-' : hexOf(fields.address)] : []),
      `${fields.facility!.province}${card.facility[2]}${fields.facility!.code}`,
      slashed(card.validFrom),
      card.validTo === null ? '-' : slashed(card.validTo),
      card.issue === null ? '-' : slashed(card.issue),
    ];
    if (long) {
      const guardian =
        card.guardian === null ? '-' : card.guardian.asHex ? hexOf(card.guardian.value) : card.guardian.value;
      const fiveYear =
        card.fiveYear === null ? '-' : `${card.fiveYear[1] ? ' ' : ''}${slashed(card.fiveYear[0])}`;
      written.push(fields.managementCode!, guardian, String(card.residence), fiveYear, card.checkString);
    }
    if (format === 'bhyt-2021')
      written.push(String(card.level), card.issuer === null ? '-' : hexOf(card.issuer));
    if (card.terminator !== '') written.push(card.terminator);
    return { fields, format, payload: written.join('|') };
  });

// --- What scanners do around and to a payload ----------------------------------------------------

const padding = fc.string({ unit: fc.constantFrom('\r', '\n', '\t', '\0', ' ', '\ufeff'), maxLength: 4 });

function expectCard(result: IdParseResult, card: { fields: CccdFields | BhytFields; format: string }) {
  expect(result).toEqual({
    ok: true,
    kind: expect.any(String),
    format: card.format,
    fields: card.fields,
    warnings: [],
  });
}

describe('ID payload properties', () => {
  it('round-trips any valid CCCD / Căn cước card, padded, as text or bytes', () => {
    fc.assert(
      fc.property(cccdCard, padding, padding, fc.boolean(), (card, before, after, asBytes) => {
        const payload = `${before}${card.payload}${after}`;
        expectCard(parse(asBytes ? new TextEncoder().encode(payload) : payload), card);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips a CCCD card a scanner decomposed (NFD) or upper-cased', () => {
    fc.assert(
      fc.property(cccdCard, (card) => {
        expectCard(parse(card.payload.normalize('NFD')), card);
        const upper = (text: string | null) => (text === null ? null : text.toLocaleUpperCase('vi'));
        const shouted = parse(card.payload.toLocaleUpperCase('vi'));
        const fields = card.fields;
        expectCard(shouted, {
          format: card.format,
          fields: {
            ...fields,
            fullName: upper(fields.fullName)!,
            address: upper(fields.address),
            fatherName: upper(fields.fatherName),
            motherName: upper(fields.motherName),
            extra: fields.extra.map((value) => value.toLocaleUpperCase('vi')),
          },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any valid BHYT card of every format and terminator', () => {
    fc.assert(
      fc.property(bhytCard, padding, (card, after) => {
        expectCard(parse(`${card.payload}${after}`), card);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text, and answers with the canonical shape', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)); // lone surrogates too
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: anyUnit }),
          fc.string({ unit: fc.constantFrom('|', '$', '1', '/', ' ', 'a', '-') }),
        ),
        (text) => expectCanonical(parse(text)),
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => expectCanonical(parse(bytes))),
      { numRuns: 2000 },
    );
  });

  it('never throws on damaged or tampered card payloads', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.string({
        unit: fc.constantFrom(
          '|',
          '$',
          '#',
          '?',
          ' ',
          '0',
          '9',
          'a',
          'F',
          '/',
          '-',
          '–',
          '\r',
          'ệ',
          '\ufffd',
        ),
        maxLength: 3,
      }),
    });
    const card = fc.oneof(cccdCard, bhytCard).map((value) => value.payload);
    fc.assert(
      fc.property(card, fc.array(edit, { minLength: 1, maxLength: 4 }), (payload, edits) => {
        let text = payload;
        for (const change of edits) {
          const at = change.at % (text.length + 1);
          text = text.slice(0, at) + change.insert + text.slice(at + change.remove);
        }
        expectCanonical(parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on payloads assembled from field-like pieces', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '',
        '-',
        '$',
        '#',
        'Nam',
        'NỮ',
        '1',
        '2',
        '4',
        '7',
        '01/02/2020',
        '31/02/2020',
        '1955',
        '12062021',
      ),
      fc.constantFrom(
        '001090012345',
        '2002965140',
        'SV4649683309581',
        '33 - 065',
        '33232002965140',
        'c3',
        'e1baa1',
        'zz',
      ),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 12 }),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => expectCanonical(parse(pieces.join('|')))),
      { numRuns: 5000 },
    );
  });
});

function expectCanonical(result: IdParseResult): void {
  const parsed = idParseResultSchema.safeParse(JSON.parse(JSON.stringify(result)));
  expect(parsed.success, JSON.stringify(result)).toBe(true);
  if (!result.ok) expect(idCardErrorCodes).toContain(result.error.code);
}
