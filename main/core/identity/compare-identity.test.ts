import { describe, expect, it } from 'vitest';
import { cardWarning } from '../id-card/id-card-codes.ts';
import type { BhytFields, CccdFields } from '../id-card/id-card-types.ts';
import type { Registration } from '../registration/registration.ts';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { compareIdentity } from './compare-identity.ts';
import type { IdentityComparison } from './compare-identity.ts';

const registration: Registration = documentedRegistration;

const idCard: CccdFields = {
  idNumber: '079092004321',
  oldIdNumber: '025123456',
  fullName: 'TRỊNH  QUANG VĨNH',
  dateOfBirth: '1992-04-17',
  sex: 'male',
  address: 'Số 45 Lê Lợi, Phường Bến Thành, Quận 1, Hồ Chí Minh',
  issueDate: '2021-08-09',
  fatherName: null,
  motherName: null,
  extra: [],
};

const healthCard: BhytFields = {
  cardNumber: '7912345678',
  socialInsuranceNumber: '7912345678',
  beneficiaryGroup: null,
  benefitLevel: 4,
  provinceCode: null,
  fullName: 'Trịnh Quang Vĩnh',
  dateOfBirth: '1992',
  sex: 'male',
  address: null,
  facility: { province: '79', code: '001' },
  validFrom: '2024-01-01',
  validTo: null,
  issueDate: '2024-01-10',
  managementCode: '79017912345678',
  guardian: null,
  residenceArea: null,
  fiveYearDate: null,
  checkString: null,
  issuer: null,
};

const outcomes = (comparison: IdentityComparison) =>
  Object.fromEntries(comparison.rows.map((row) => [`${row.source}.${row.field}`, row.outcome]));

describe('identity comparison', () => {
  it('approves in one action when every field agrees, folding case and spaces', () => {
    const comparison = compareIdentity(registration, { idCard, healthCard });
    expect(comparison.verdict).toBe('all-match');
    expect(outcomes(comparison)).toEqual({
      'idCard.idNumber': 'match',
      'idCard.fullName': 'match',
      'idCard.dateOfBirth': 'match',
      'idCard.sex': 'match',
      'idCard.address': 'info',
      'healthCard.socialInsuranceNumber': 'match',
      'healthCard.fullName': 'match',
      'healthCard.dateOfBirth': 'match', // a year-only BHYT birth date matches on the year
      'healthCard.sex': 'match',
      'healthCard.address': 'info',
    });
    expect(comparison.rows.every((row) => row.diff === null || row.outcome === 'info')).toBe(true);
  });

  it('never accepts a name that differs only in diacritics, and says so', () => {
    const comparison = compareIdentity(
      { ...registration, fullName: 'Trịnh Quang Hùng' },
      { idCard: { ...idCard, fullName: 'Trịnh Quang Hưng' } },
    );
    const name = comparison.rows.find((row) => row.field === 'fullName')!;
    expect(name).toMatchObject({ outcome: 'mismatch', differsOnlyInDiacritics: true });
    expect(name.diff).toEqual([
      { op: 'equal', text: 'trịnh quang h' },
      { op: 'delete', text: 'ù' },
      { op: 'insert', text: 'ư' },
      { op: 'equal', text: 'ng' },
    ]);
    expect(comparison.verdict).toBe('needs-override');
  });

  it('tells a different name from a diacritics-only difference', () => {
    const comparison = compareIdentity({ ...registration, fullName: 'Trịnh Quang Vinh Anh' }, { idCard });
    expect(comparison.rows.find((row) => row.field === 'fullName')).toMatchObject({
      outcome: 'mismatch',
      differsOnlyInDiacritics: false,
    });
  });

  it('matches the ID number on the 12-digit number or on the old 9-digit one', () => {
    const byOld = compareIdentity(
      { ...registration, idDocument: { ...registration.idDocument, type: 'cmnd', number: '025123456' } },
      { idCard },
    );
    expect(byOld.rows[0]).toMatchObject({ field: 'idNumber', outcome: 'match', onCard: '025123456' });
    const spaced = compareIdentity(
      { ...registration, idDocument: { ...registration.idDocument, number: ' 079 092 004 321 ' } },
      { idCard },
    );
    expect(spaced.rows[0]).toMatchObject({ outcome: 'match', registered: '079092004321' });
    const wrong = compareIdentity(
      { ...registration, idDocument: { ...registration.idDocument, number: '079092004329' } },
      { idCard },
    );
    expect(wrong.rows[0]).toMatchObject({ outcome: 'mismatch', onCard: '079092004321' });
    expect(wrong.rows[0]!.diff).toEqual([
      { op: 'equal', text: '07909200432' },
      { op: 'delete', text: '9' },
      { op: 'insert', text: '1' },
    ]);
  });

  it('says "not on card" for what the card cannot confirm', () => {
    const cmnd = compareIdentity(
      { ...registration, idDocument: { ...registration.idDocument, type: 'cmnd', number: '025999999' } },
      { idCard: { ...idCard, oldIdNumber: null } },
    );
    expect(cmnd.rows[0]).toMatchObject({ outcome: 'not-on-card', onCard: null });
    expect(cmnd.verdict).toBe('needs-override');
    const passport = compareIdentity(
      { ...registration, idDocument: { ...registration.idDocument, type: 'passport', number: 'C1234567' } },
      { idCard },
    );
    expect(passport.rows[0]).toMatchObject({ outcome: 'not-on-card' });
  });

  it('needs an override when no ID card was scanned', () => {
    const comparison = compareIdentity(registration, { healthCard });
    expect(outcomes(comparison)).toMatchObject({
      'idCard.idNumber': 'not-on-card',
      'idCard.fullName': 'not-on-card',
      'healthCard.socialInsuranceNumber': 'match',
    });
    expect(comparison.verdict).toBe('needs-override');
    expect(compareIdentity(registration, {}).verdict).toBe('needs-override');
  });

  it('flags a wrong social-insurance number, birth date or sex', () => {
    const comparison = compareIdentity(
      { ...registration, sex: 'female', dateOfBirth: '1993-04-17', socialInsuranceNumber: '7912345670' },
      { idCard, healthCard },
    );
    expect(outcomes(comparison)).toMatchObject({
      'idCard.sex': 'mismatch',
      'idCard.dateOfBirth': 'mismatch',
      'healthCard.dateOfBirth': 'mismatch',
      'healthCard.socialInsuranceNumber': 'mismatch',
    });
  });

  it('keeps the address informational, with its differences shown', () => {
    const comparison = compareIdentity({ ...registration, address: 'Somewhere else' }, { idCard });
    const address = comparison.rows.find((row) => row.field === 'address')!;
    expect(address.outcome).toBe('info');
    expect(address.diff).not.toBeNull();
    expect(comparison.verdict).toBe('all-match');
  });

  it('carries the card warnings along, with their source', () => {
    const comparison = compareIdentity(registration, {
      idCard,
      idCardWarnings: [cardWarning('id-year-mismatch')],
      healthCard,
      healthCardWarnings: [cardWarning('card-expired')],
    });
    expect(comparison.warnings).toEqual([
      { source: 'idCard', code: 'id-year-mismatch', message: cardWarning('id-year-mismatch').message },
      { source: 'healthCard', code: 'card-expired', message: cardWarning('card-expired').message },
    ]);
  });
});
