import { describe, expect, it } from 'vitest';
import { registrationSchema, type Registration } from '../../main/core/registration/registration.ts';
import provinces from '../../resources/domain/provinces.json' with { type: 'json' };
import { defaultSeedReferenceTime, generateRegistrations } from './generate-registrations.ts';
import { referenceOffices } from './reference-offices.ts';

const registrations = generateRegistrations(3000);
const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('synthetic registrations', () => {
  it('are deterministic for a given count and differ between counts', () => {
    expect(generateRegistrations(3000)).toEqual(registrations);
    expect(generateRegistrations(50)).toEqual(generateRegistrations(50));
    expect(generateRegistrations(51).slice(0, 50)).not.toEqual(generateRegistrations(50));
    expect(generateRegistrations(0)).toEqual([]);
  });

  it('all match the canonical registration schema', () => {
    for (const registration of registrations) registrationSchema.parse(registration);
  });

  it('have unique codes, social-insurance numbers, ID numbers, phones and e-mails', () => {
    const unique = (values: (string | null)[]) => {
      const present = values.filter((value) => value !== null);
      expect(new Set(present).size).toBe(present.length);
    };
    unique(registrations.map((registration) => registration.code));
    unique(registrations.map((registration) => registration.socialInsuranceNumber));
    unique(registrations.map((registration) => registration.idDocument.number));
    unique(registrations.map((registration) => registration.phone));
    unique(registrations.map((registration) => registration.email));
  });

  it('give 12-digit ID numbers consistent with province, sex and birth year (ID-CARDS.md §3)', () => {
    const cards = registrations.filter((registration) => registration.idDocument.type === 'cccd');
    expect(cards.length).toBeGreaterThan(registrations.length * 0.85);
    const check = (number: string, sex: string, dateOfBirth: string) => {
      expect(number).toMatch(/^\d{12}$/);
      expect(Object.keys(provinces.codes)).toContain(number.slice(0, 3));
      const year = Number(dateOfBirth.slice(0, 4));
      expect(Number(number[3])).toBe((Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0));
      expect(number.slice(4, 6)).toBe(dateOfBirth.slice(2, 4));
    };
    for (const registration of cards) {
      check(registration.idDocument.number, registration.sex, registration.dateOfBirth);
    }
    expect(cards.some((registration) => registration.dateOfBirth >= '2000')).toBe(true);
    for (const registration of registrations.filter((item) => item.idDocument.type === 'cmnd')) {
      expect(registration.idDocument.number).toMatch(/^\d{9}$/);
    }
  });

  it('look Vietnamese: NFC names with diacritics, real family names, 09 phones, 10-digit insurance numbers', () => {
    const families = countBy(registrations, (registration) => registration.fullName.split(' ')[0] as string);
    expect([...families.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('Nguyễn');
    for (const name of ['Trần', 'Lê', 'Phạm', 'Đặng', 'Huỳnh']) expect(families.get(name)).toBeGreaterThan(0);
    for (const registration of registrations) {
      expect(registration.fullName.normalize('NFC')).toBe(registration.fullName);
      expect(registration.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
      if (registration.phone) expect(registration.phone).toMatch(/^09\d{8}$/);
      expect(registration.socialInsuranceNumber).toMatch(/^\d{10}$/);
    }
    expect(
      registrations.filter((registration) => /[^\x20-\x7e]/.test(registration.fullName)).length,
    ).toBeGreaterThan(registrations.length * 0.9);
  });

  it('spread over several offices (the first gets most), every channel, mostly pending', () => {
    const offices = countBy(registrations, (registration) => registration.officeCode);
    expect(offices.size).toBe(referenceOffices.length);
    const first = offices.get(referenceOffices[0]?.officeCode ?? '') ?? 0;
    expect(Math.max(...offices.values())).toBe(first);
    expect(countBy(registrations, (registration) => registration.channel).size).toBe(3);
    const statuses = countBy(registrations, (registration) => registration.status);
    const pendingShare = (statuses.get('pending') ?? 0) / registrations.length;
    expect(pendingShare).toBeGreaterThan(0.8);
    expect(pendingShare).toBeLessThan(0.9);
    for (const status of ['approved', 'rejected', 'withdrawn'])
      expect(statuses.get(status)).toBeGreaterThan(0);
  });

  it('carry a decision exactly when approved or rejected; rejections have a reason', () => {
    for (const registration of registrations) {
      const decided = registration.status === 'approved' || registration.status === 'rejected';
      expect(registration.decision !== null).toBe(decided);
      if (registration.decision) {
        expect(registration.decision.outcome).toBe(registration.status);
        expect(registration.decision.decidedAt >= registration.submittedAt).toBe(true);
        if (registration.decision.outcome === 'rejected')
          expect(registration.decision.reasonCode).toBeTruthy();
      }
    }
  });

  it('are in submission order, before the reference time, with codes numbered per office and year', () => {
    const times = registrations.map((registration) => registration.submittedAt);
    expect(times).toEqual([...times].sort());
    expect(Date.parse(times.at(-1) as string)).toBeLessThanOrEqual(defaultSeedReferenceTime.getTime());
    const lastNumber = new Map<string, number>();
    for (const { code } of registrations as Registration[]) {
      const match = /^DK-(\d{5})-(\d{4})-(\d{6})$/.exec(code);
      expect(match).not.toBeNull();
      const key = `${match?.[1]}/${match?.[2]}`;
      expect(Number(match?.[3])).toBe((lastNumber.get(key) ?? 0) + 1);
      lastNumber.set(key, Number(match?.[3]));
    }
  });

  it('give children a guardian', () => {
    const children = registrations.filter((registration) => registration.dateOfBirth >= '2012');
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(child.guardian?.relationship).toBeTruthy();
  });
});
