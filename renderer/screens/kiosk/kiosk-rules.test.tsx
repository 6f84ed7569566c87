import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wedgeDamageKinds } from '../../../main/core/scan/wedge-damage-codes.ts';
import { registrationStatuses } from '../../../main/core/registration/registration.ts';
import { parseIdPayload } from '../../../main/core/id-card/parse-id-payload.ts';
import { qrModuleRuns } from '../../../main/documents/declaration/qr-symbol.ts';
import { kioskFieldSources } from '../../../preload/contract/areas/kiosk.ts';
import { printFailureCodes } from '../../../preload/contract/areas/print.ts';
import { operations } from '../../../preload/contract/operations.ts';
import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import kioskEn from '../../i18n/locales/kiosk/en.json' with { type: 'json' };
import kioskVi from '../../i18n/locales/kiosk/vi.json' with { type: 'json' };
import { normalisePhone, phoneProblem } from './form/phone-number.ts';
import { emailIsValid } from './form/email-address.ts';
import { qrPath } from './install/QrSymbol.tsx';
import { vssidStoreCodes } from './install/vssid-store-codes.ts';
import { ageOn, samePerson } from './scan/person-checks.ts';
import { takeScan } from './scan/take-scan.ts';
import { statusQuery } from './status/status-query.ts';
import { guardianRelationships } from './visit/guardian-relationships.ts';
import { initialVisitState, visitReducer, type KioskVisitState } from './visit/visit-state.ts';

// The kiosk's rules without a screen: phone numbers, ages, whose card it is, what a scan asks, the
// store codes, the visit's wipe, and that every text the screens use exists in vi and en.

function scan(payload: string): ScanEvent {
  return {
    scanId: 'scan-1',
    source: 'hid-pos',
    device: null,
    receivedAt: '2026-12-01T03:00:00.000Z',
    raw: payload,
    bytesHex: null,
    symbology: null,
    result: parseIdPayload(payload),
    damage: null,
  };
}

describe('a mobile phone number', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0383-123-456', '0383123456'],
    ['0812345678', '0812345678'],
  ])('%s is accepted as %s', (typed, stored) => {
    expect(phoneProblem(typed)).toBeNull();
    expect(normalisePhone(typed)).toBe(stored);
  });

  it.each([
    ['0112345678', 'not-mobile'],
    ['0212345678', 'not-mobile'],
    ['091234567', 'too-short'],
    ['09123456789', 'too-long'],
    ['+84 91234567', 'too-short'],
    ['09123abcde', 'not-digits'],
    ['abc', 'not-digits'],
    ['', 'empty'],
    ['   ', 'empty'],
  ])('%s is refused: %s', (typed, problem) => {
    expect(phoneProblem(typed)).toBe(problem);
  });
});

describe('an e-mail address', () => {
  it('is checked by the contract’s own rule', () => {
    expect(emailIsValid('tuan.nguyen@example.vn')).toBe(true);
    expect(emailIsValid(' tuan@example.vn ')).toBe(true);
    expect(emailIsValid('tuan@')).toBe(false);
    expect(emailIsValid('tuan example.vn')).toBe(false);
    expect(emailIsValid('')).toBe(false);
  });
});

describe('the person on the cards', () => {
  it('is of age on the day of their 18th birthday, not the day before', () => {
    expect(ageOn('2008-12-01', '2026-12-01')).toBe(18);
    expect(ageOn('2008-12-02', '2026-12-01')).toBe(17);
    expect(ageOn('2008-11-30', '2026-12-01')).toBe(18);
    expect(ageOn('2009-01-01', '2026-12-01')).toBe(17);
  });

  it('owns a health-insurance card with the same name and birth date; diacritics count', () => {
    const idCard = {
      ...(idFixture('cccd-2021-0').expect.fields as Record<string, unknown>),
    } as unknown as Parameters<typeof samePerson>[0];
    const healthCard = (fullName: string, dateOfBirth: string) =>
      ({ fullName, dateOfBirth }) as Parameters<typeof samePerson>[1];
    expect(samePerson(idCard, healthCard('NGUYỄN  THÀNH TUẤN', '1967-06-26'))).toBe(true);
    expect(samePerson(idCard, healthCard('Nguyễn Thành Tuấn', '1967'))).toBe(true);
    expect(samePerson(idCard, healthCard('Nguyễn Thành Tuân', '1967-06-26'))).toBe(false);
    expect(samePerson(idCard, healthCard('Nguyễn Thành Tuấn', '1967-06-27'))).toBe(false);
    expect(samePerson(idCard, healthCard('Nguyễn Thành Tuấn', '1968'))).toBe(false);
  });
});

describe('a scan on the scan screen', () => {
  const emptyVisit = () =>
    visitReducer(initialVisitState, {
      type: 'begun',
      visitId: 'visit-1',
      idleTimeoutSeconds: 90,
      idleWarningSeconds: 20,
      submissionId: '00000000-0000-4000-8000-000000000000',
    }).visit as NonNullable<KioskVisitState['visit']>;

  it('takes an ID card and asks about its numbers, only in their shape', () => {
    const outcome = takeScan(emptyVisit(), scan(idFixture('cccd-2021-0').payload));
    expect(outcome.taken).toBe(true);
    expect(outcome.lookup).toEqual({
      idNumber: '060067086171',
      oldIdNumber: '186059021',
      socialInsuranceNumber: null,
    });
  });

  it('drops the health card of the first person when another person’s ID card comes', () => {
    let state = visitReducer(initialVisitState, {
      type: 'begun',
      visitId: 'visit-1',
      idleTimeoutSeconds: 90,
      idleWarningSeconds: 20,
      submissionId: '00000000-0000-4000-8000-000000000000',
    });
    const visit = () => state.visit as NonNullable<KioskVisitState['visit']>;
    const apply = (payload: string) => {
      const outcome = takeScan(visit(), scan(payload));
      for (const action of outcome.actions) state = visitReducer(state, action);
      return outcome;
    };
    apply(idFixture('bhyt-2021-0').payload); // Tạ Kim Hồng's health card first
    expect(visit().healthCard?.fields.fullName).toBe('Tạ Kim Hồng');
    const outcome = apply(idFixture('cccd-2021-0').payload);
    expect(outcome.notice).toEqual({ kind: 'health-card-dropped', healthCardName: 'Tạ Kim Hồng' });
    expect(visit().healthCard).toBeNull();
    expect(visit().form.address).toBe('Ấp Bình Thạnh, Xã Tân Phú, Huyện Châu Thành, Tiền Giang');
  });

  it('refuses a name that lost its diacritics', () => {
    const outcome = takeScan(emptyVisit(), scan(idFixture('cccd-2021-wedge-lost-diacritics-warns').payload));
    expect(outcome).toMatchObject({ taken: false, notice: { kind: 'name-damaged' }, actions: [] });
  });
});

describe('the visit', () => {
  it('keeps nothing after a wipe', () => {
    let state = visitReducer(initialVisitState, {
      type: 'begun',
      visitId: 'visit-1',
      idleTimeoutSeconds: 90,
      idleWarningSeconds: 20,
      submissionId: '00000000-0000-4000-8000-000000000000',
    });
    state = visitReducer(state, { type: 'language', language: 'ko' });
    state = visitReducer(state, { type: 'form', patch: { phone: '0912345678' } });
    expect(state.visit?.form.phone).toBe('0912345678');
    expect(visitReducer(state, { type: 'wipe' })).toEqual({ language: 'vi', visit: null });
  });
});

describe('a scan on the status screen', () => {
  it('asks by card numbers, by a form’s code, or not at all', () => {
    expect(statusQuery(scan(idFixture('cccd-2021-1').payload))).toEqual({
      query: { idNumber: '038060368173', oldIdNumber: null, socialInsuranceNumber: null },
    });
    expect(statusQuery(scan(idFixture('bhyt-2015-0').payload))).toEqual({
      query: { idNumber: null, oldIdNumber: null, socialInsuranceNumber: '9683309581' },
    });
    expect(statusQuery(scan('DK-07921-2026-000123'))).toEqual({
      query: { formCode: 'DK-07921-2026-000123' },
    });
    expect(statusQuery(scan('KS-7K3M-9QXD-2HPA'))).toEqual({ query: { formCode: 'KS-7K3M-9QXD-2HPA' } });
    expect(statusQuery(scan('https://vssid.vn/install'))).toEqual({
      notice: { kind: 'unreadable', code: 'not-an-id-payload' },
    });
    // The numbers are enough: a name damaged on the way does not stop the lookup.
    expect(statusQuery(scan(idFixture('cccd-2021-wedge-lost-diacritics-warns').payload))).toMatchObject({
      query: { idNumber: '077058935972' },
    });
  });
});

describe('the VssID store codes', () => {
  it.each(Object.entries(vssidStoreCodes))(
    '%s are the modules qrcode computes for its address',
    (_, code) => {
      const { size, runs } = qrModuleRuns(code.url);
      const rows = Array.from({ length: size }, () => Array.from({ length: size }, () => '0'));
      for (const run of runs)
        for (let at = 0; at < run.length; at += 1) (rows[run.row] as string[])[run.column + at] = '1';
      const expected = rows.map((row) => row.join(''));
      // A changed address: paste these rows into install/vssid-store-codes.ts.
      expect(code.modules, JSON.stringify(expected, null, 2)).toEqual(expected);
    },
  );

  it('are drawn as one path with the quiet zone', () => {
    expect(qrPath(['101', '011'])).toBe('M4 4h1v1h-1zM6 4h1v1h-1zM5 5h2v1h-2z');
  });
});

// Every text the kiosk's screens name exists in both source languages: the keys written out in
// the code, and each family of keys the code builds from a code list.
type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return name === 'keyboard' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

// Quoted strings that start with "kiosk.", but for the API's operation names (`kiosk.submit`…).
const writtenKeys = sourceFiles(import.meta.dirname)
  .flatMap((file) =>
    Array.from(
      readFileSync(file, 'utf8').matchAll(/'kiosk\.([A-Za-z0-9.-]+)'/g),
      (match) => `kiosk.${match[1]}`,
    ),
  )
  .filter((key) => !Object.hasOwn(operations, key));

const builtKeys = [
  ...wedgeDamageKinds.map((kind) => `kiosk.scanDamage.${kind}`),
  ...printFailureCodes.map((code) => `kiosk.printFailure.${code}`),
  ...kioskFieldSources.map((source) => `kiosk.source.${source}`),
  ...guardianRelationships.map((relationship) => `kiosk.relationship.${relationship.key}`),
  ...[...registrationStatuses, 'notSent'].flatMap((status) => [
    `kiosk.status.word.${status}`,
    `kiosk.status.todo.${status}`,
  ]),
  ...['hold', 'closer', 'glare', 'flat', 'scanner'].map((tip) => `kiosk.camera.${tip}`),
  ...['who', 'what', 'why', 'howLong', 'rights'].flatMap((part) => [
    `kiosk.consent.${part}`,
    `kiosk.consent.${part}Title`,
  ]),
  ...['scan', 'form', 'consent', 'done'].map((step) => `kiosk.step.${step}`),
  ...['googlePlay', 'appStore'].flatMap((store) => [`kiosk.install.${store}`, `kiosk.install.${store}Label`]),
  ...['idCard', 'healthCard', 'phone'].map((thing) => `kiosk.attract.need.${thing}`),
  ...['male', 'female'].map((sex) => `kiosk.sex.${sex}`),
  ...[
    'name-damaged',
    'guardian-needs-id-card',
    'guardian-is-child',
    'guardian-too-young',
    'cards-already-read',
  ].map((kind) => `kiosk.scanNotice.${kind}`),
  ...['backend-unavailable', 'kiosk-visit-required', 'generic'].map((code) => `kiosk.error.${code}`),
  'kiosk.problem.guardian.guardian-card-missing',
  'kiosk.problem.relationship.relationship-missing',
  'kiosk.problem.socialInsuranceNumber.number-missing',
  'kiosk.problem.socialInsuranceNumber.number-invalid',
  'kiosk.problem.address.address-missing',
  ...['empty', 'not-digits', 'too-short', 'too-long', 'not-mobile'].map(
    (problem) => `kiosk.problem.phone.${problem}`,
  ),
  'kiosk.problem.email.email-invalid',
  'kiosk.problem.officeCode.office-missing',
  'kiosk.idle.text_one',
  'kiosk.idle.text_other',
];

describe('the kiosk’s texts', () => {
  it('find the keys the screens write out', () => {
    expect(writtenKeys.length).toBeGreaterThan(100);
  });

  it.each([
    ['vi', kioskVi],
    ['en', kioskEn],
  ])('exist in %s for every key the screens use', (_, texts) => {
    const tree = { kiosk: texts } as unknown as Tree;
    // A key used with a count is written in its plural forms.
    const exists = (key: string) =>
      typeof lookup(tree, key) === 'string' || typeof lookup(tree, `${key}_other`) === 'string';
    const missing = [...new Set([...writtenKeys, ...builtKeys])].filter((key) => !exists(key));
    expect(missing).toEqual([]);
  });
});
