import type {
  Decision,
  Guardian,
  IdDocument,
  Registration,
} from '../../main/core/registration/registration.ts';
import { stripDiacritics } from '../../main/core/text/vietnamese-text.ts';
import provinces from '../../resources/domain/provinces.json' with { type: 'json' };
import { formatRegistrationCode } from '../store/registration-store.ts';
import { referenceOffices, type ReferenceOffice } from './reference-offices.ts';
import { rejectionReasonLabels } from '../notifications/rejection-reasons.ts';
import { trainingCounterIds, trainingOfficerIds } from './training-staff.ts';
import {
  familyNames,
  femaleGivenNames,
  femaleMiddleNames,
  femaleSecondMiddleNames,
  maleGivenNames,
  maleMiddleNames,
} from './vietnamese-names.ts';

// Synthetic registrations for tests, demos, benchmarks and training mode. Deterministic: the same
// `count` (and reference time) always yields the same registrations, in submission order, so a test
// can name "the 3rd registration of office 01001" and a benchmark is repeatable.
//
// ID numbers are consistent with the card rules (../shared/domain/ID-CARDS.md §3): digits 1–3 the
// birth province, digit 4 century and sex, digits 5–6 the birth year. Social-insurance numbers are
// 10 digits starting with the office's 2-digit province code and are unique within a data set, as
// are ID numbers, phones and e-mails.

/** Default end of the submission window: a fixed instant so the data never depends on the clock. */
export const defaultSeedReferenceTime = new Date('2026-11-20T10:00:00Z');
const submissionWindowMs = 180 * 24 * 60 * 60 * 1000;

export interface GenerateOptions {
  /** The latest submission time; submissions spread over the 180 days before it. */
  referenceTime?: Date;
}

/** Mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const provinceCodes = Object.keys(provinces.codes);
const familyNameTotal = familyNames.reduce((sum, [, weight]) => sum + weight, 0);
const officeWeightTotal = referenceOffices.reduce((sum, office) => sum + office.weight, 0);
const rejectionReasonCodes = Object.keys(rejectionReasonLabels).filter((code) => code !== 'other');
const guardianRelationships = ['Mẹ', 'Cha', 'Bà', 'Ông'] as const;

export function generateRegistrations(count: number, options: GenerateOptions = {}): Registration[] {
  return Array.from(streamRegistrations(count, options));
}

/** The same registrations one at a time, so seeding never holds 100,000 objects in memory. */
export function* streamRegistrations(count: number, options: GenerateOptions = {}): Generator<Registration> {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a whole number ≥ 0');
  const random = mulberry32(0x9e3779b9 ^ count);
  const generator = createGenerator(random);
  const end = (options.referenceTime ?? defaultSeedReferenceTime).getTime();
  const start = end - submissionWindowMs;
  const step = submissionWindowMs / Math.max(count, 1);
  const nextNumber = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    // Strictly increasing submission times (to the second), so seq order is submission order.
    const submittedMs = Math.floor((start + (index + random()) * step) / 1000) * 1000;
    const office = generator.office();
    const year = new Date(submittedMs).getUTCFullYear();
    const counterKey = `${office.officeCode}/${year}`;
    const number = (nextNumber.get(counterKey) ?? 0) + 1;
    nextNumber.set(counterKey, number);
    yield generator.registration(
      index,
      formatRegistrationCode(office.officeCode, year, number),
      office,
      submittedMs,
      end,
    );
  }
}

function createGenerator(random: () => number) {
  const usedIdNumbers = new Set<string>(); // 9-digit CMND and passport numbers
  const usedCardNumbers = new Set<number>(); // 12-digit numbers fit a double exactly
  const usedPhones = new Set<number>();
  const usedEmails = new Set<string>();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const digits = (length: number) => String(Math.floor(random() * 10 ** length)).padStart(length, '0');
  const unique = (used: Set<string>, make: () => string) => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const uniqueNumber = (used: Set<number>, low: number, high: number) => {
    for (;;) {
      const value = between(low, high);
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };

  function office(): ReferenceOffice {
    let roll = random() * officeWeightTotal;
    for (const candidate of referenceOffices) {
      roll -= candidate.weight;
      if (roll < 0) return candidate;
    }
    return referenceOffices[0] as ReferenceOffice;
  }

  function familyName(): string {
    let roll = random() * familyNameTotal;
    for (const [name, weight] of familyNames) {
      roll -= weight;
      if (roll < 0) return name;
    }
    return 'Nguyễn';
  }

  function personName(sex: 'male' | 'female'): { fullName: string; family: string; given: string } {
    const family = familyName();
    if (sex === 'male') {
      const given = pick(maleGivenNames);
      return { fullName: `${family} ${pick(maleMiddleNames)} ${given}`, family, given };
    }
    const given = pick(femaleGivenNames);
    const middle = pick(femaleMiddleNames);
    const second = random() < 0.15 ? ` ${pick(femaleSecondMiddleNames)}` : '';
    return { fullName: `${family} ${middle}${second} ${given}`, family, given };
  }

  function birthDate(year: number): string {
    const month = between(1, 12);
    const day = between(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** The 12-digit number: province, century+sex, 2-digit birth year, 6 random digits. */
  function idNumber(provinceCode: string, sex: 'male' | 'female', birthYear: number): string {
    const centuryDigit = (Math.floor(birthYear / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
    const prefix = Number(`${provinceCode}${centuryDigit}${String(birthYear % 100).padStart(2, '0')}`);
    const first = prefix * 1_000_000;
    return String(uniqueNumber(usedCardNumbers, first, first + 999_999)).padStart(12, '0');
  }

  function idDocument(
    birthProvince: string,
    sex: 'male' | 'female',
    birthYear: number,
    submittedMs: number,
  ): IdDocument {
    const roll = random();
    if (roll < 0.06 && birthYear < 2000) {
      return {
        type: 'cmnd',
        number: unique(usedIdNumbers, () => digits(9)),
        issueDate: isoDay(Date.UTC(between(2008, 2015), between(0, 11), between(1, 28))),
        issuePlace: `Công an ${provinces.codes[birthProvince as keyof typeof provinces.codes]}`,
      };
    }
    if (roll < 0.08) {
      return {
        type: 'passport',
        number: unique(usedIdNumbers, () => `${pick(['C', 'N', 'P'])}${digits(7)}`),
        issueDate: isoDay(Date.UTC(between(2019, 2025), between(0, 11), between(1, 28))),
        issuePlace: 'Cục Quản lý xuất nhập cảnh',
      };
    }
    // CCCD with chip (2021–mid 2024) or Căn cước (since 1 July 2024); both carry the 12-digit number.
    const earliest = Math.max(Date.UTC(2021, 0, 1), Date.UTC(birthYear + 14, 0, 1));
    const issuedMs = earliest + Math.floor(random() * Math.max(0, submittedMs - earliest - 86_400_000));
    const issueDate = isoDay(Math.min(issuedMs, submittedMs));
    return {
      type: 'cccd',
      number: idNumber(birthProvince, sex, birthYear),
      issueDate,
      issuePlace: issueDate >= '2024-07-01' ? 'Bộ Công an' : 'Cục Cảnh sát QLHC về TTXH',
    };
  }

  function phone(): string {
    return `09${String(uniqueNumber(usedPhones, 0, 99_999_999)).padStart(8, '0')}`;
  }

  function email(family: string, given: string): string {
    const local = `${ascii(given)}.${ascii(family)}`;
    const domain = pick(['example.vn', 'example.com', 'example.org']);
    return unique(usedEmails, () => `${local}${between(1, 9999)}@${domain}`);
  }

  function decision(
    outcome: Decision['outcome'],
    office: ReferenceOffice,
    submittedMs: number,
    endMs: number,
  ): Decision {
    const decidedMs = Math.min(endMs, submittedMs + between(2, 72) * 60 * 60 * 1000);
    const rejected = outcome === 'rejected';
    return {
      outcome,
      reasonCode: rejected ? pick(rejectionReasonCodes) : null,
      note: rejected && random() < 0.5 ? 'Đề nghị công dân bổ sung giấy tờ và quay lại.' : null,
      officerId: pick(trainingOfficerIds(office.officeCode)),
      counterId: pick(trainingCounterIds),
      decidedAt: isoSecond(decidedMs),
      override: !rejected && random() < 0.03,
    };
  }

  function registration(
    index: number,
    code: string,
    office: ReferenceOffice,
    submittedMs: number,
    endMs: number,
  ): Registration {
    const sex = random() < 0.52 ? 'female' : 'male';
    const child = random() < 0.05;
    const birthYear = child ? between(2012, 2020) : between(1955, 2007);
    const birthProvince = random() < 0.6 ? office.provinceCode : pick(provinceCodes);
    const name = personName(sex);
    const document = child
      ? {
          type: 'cccd' as const,
          number: idNumber(birthProvince, sex, birthYear),
          issueDate: isoDay(Math.min(submittedMs, Date.UTC(2024, between(6, 11), between(1, 28)))),
          issuePlace: 'Bộ Công an',
        }
      : idDocument(birthProvince, sex, birthYear, submittedMs);
    const guardian: Guardian | null = child ? childGuardian(name.family) : null;
    const statusRoll = random();
    const status =
      statusRoll < 0.85
        ? 'pending'
        : statusRoll < 0.94
          ? 'approved'
          : statusRoll < 0.98
            ? 'rejected'
            : 'withdrawn';
    const channelRoll = random();
    return {
      code,
      // 2-digit province + 8 digits from a bijection of the index: unique for any count < 10^8.
      socialInsuranceNumber: `${office.insuranceProvinceCode}${String((index * 48271 + 12345) % 100_000_000).padStart(8, '0')}`,
      fullName: name.fullName,
      dateOfBirth: birthDate(birthYear),
      sex,
      idDocument: document,
      address: `Số ${between(1, 250)} ${pick(office.streets)}, ${pick(office.wards)}, ${office.city}`,
      phone: random() < 0.97 ? phone() : null,
      email: random() < 0.85 ? email(name.family, name.given) : null,
      officeCode: office.officeCode,
      channel: channelRoll < 0.45 ? 'portal' : channelRoll < 0.85 ? 'app' : 'kiosk',
      submittedAt: isoSecond(submittedMs),
      guardian,
      status,
      decision:
        status === 'approved' || status === 'rejected' ? decision(status, office, submittedMs, endMs) : null,
    };
  }

  function childGuardian(family: string): Guardian {
    const relationship = pick(guardianRelationships);
    const sex = relationship === 'Mẹ' || relationship === 'Bà' ? 'female' : 'male';
    const year = relationship === 'Mẹ' || relationship === 'Cha' ? between(1975, 1995) : between(1950, 1968);
    const { fullName } = personName(sex);
    // Fathers and grandfathers on the father's side share the child's family name.
    const guardianName = sex === 'male' ? fullName.replace(/^\S+/, family) : fullName;
    return { fullName: guardianName, idNumber: idNumber(pick(provinceCodes), sex, year), relationship };
  }

  return { office, registration };
}

const asciiNames = new Map<string, string>();

/** "Nguyễn" → "nguyen" (memoised: there are only a few hundred distinct name parts). */
function ascii(text: string): string {
  let folded = asciiNames.get(text);
  if (folded === undefined) {
    folded = stripDiacritics(text)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    asciiNames.set(text, folded);
  }
  return folded;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO 8601 UTC to the second, as in the canonical JSON example: `2026-11-20T08:15:00Z`. */
function isoSecond(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
