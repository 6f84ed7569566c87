import { describe, expect, it } from 'vitest';
import type { CardWarning } from './id-card-types.ts';
import { checkIdNumber, isKnownProvince } from './id-number-checks.ts';
import type { Sex } from './id-card-types.ts';

function warningsFor(idNumber: string, sex: Sex, birthYear: number): string[] {
  const warnings: CardWarning[] = [];
  checkIdNumber(idNumber, sex, birthYear, warnings);
  return warnings.map((warning) => warning.code);
}

describe('ID-number checks', () => {
  it('accepts numbers whose digits agree with the card', () => {
    expect(warningsFor('060067086171', 'male', 1967)).toEqual([]);
    expect(warningsFor('087151646590', 'female', 1951)).toEqual([]);
    expect(warningsFor('075319317209', 'female', 2019)).toEqual([]);
    expect(warningsFor('001599000001', 'female', 2199)).toEqual([]);
    expect(warningsFor('001600000001', 'male', 2200)).toEqual([]);
  });

  it('warns when digit 4 disagrees with the sex', () => {
    expect(warningsFor('067203271721', 'female', 2003)).toEqual(['id-sex-mismatch']);
    expect(warningsFor('087151646590', 'male', 1951)).toEqual(['id-sex-mismatch']);
  });

  it('warns when digit 4 disagrees with the birth century', () => {
    expect(warningsFor('060067086171', 'male', 2067)).toEqual(['id-century-mismatch']);
    expect(warningsFor('060267086171', 'male', 1967)).toEqual(['id-century-mismatch']);
  });

  it('warns when digits 5–6 disagree with the birth year', () => {
    expect(warningsFor('060068086171', 'male', 1967)).toEqual(['id-year-mismatch']);
  });

  it('warns when digits 1–3 are not a province of the table', () => {
    expect(warningsFor('003201339265', 'male', 2001)).toEqual(['unknown-province']);
    expect(isKnownProvince('079')).toBe(true);
    expect(isKnownProvince('003')).toBe(false);
  });

  it('reports every disagreement at once', () => {
    expect(warningsFor('999399000000', 'male', 1950)).toEqual([
      'id-sex-mismatch',
      'id-century-mismatch',
      'id-year-mismatch',
      'unknown-province',
    ]);
  });
});
