import { describe, expect, it } from 'vitest';
import { beneficiaryGroupLabel, readNewCardNumber, readOldCardNumber } from './bhyt-card-number.ts';

describe('BHYT card number', () => {
  it('splits a 15-character card number into its parts', () => {
    expect(readOldCardNumber('SV4649683309581')).toEqual({
      cardNumber: 'SV4649683309581',
      socialInsuranceNumber: '9683309581',
      beneficiaryGroup: 'SV',
      benefitLevel: 4,
      provinceCode: '64',
    });
  });

  it('refuses 15-character numbers without that structure', () => {
    for (const text of [
      'DN401AB12345678',
      'dn4010112345678',
      'D14010112345678',
      'DN6010112345678',
      'DN0010112345678',
      'DN40101123456789',
      'DN401011234567',
    ]) {
      expect(readOldCardNumber(text), text).toBeNull();
    }
  });

  it('reads a 10-digit card number as the social-insurance number', () => {
    expect(readNewCardNumber('2002965140')).toEqual({
      cardNumber: '2002965140',
      socialInsuranceNumber: '2002965140',
      beneficiaryGroup: null,
      benefitLevel: null,
      provinceCode: null,
    });
    expect(readNewCardNumber(' 2002965140 ')?.cardNumber).toBe('2002965140');
    for (const text of ['200296514', '20029651400', '200296514a', 'SV4649683309581']) {
      expect(readNewCardNumber(text)).toBeNull();
    }
  });

  it('labels the beneficiary groups ID-CARDS.md names', () => {
    expect(beneficiaryGroupLabel('TE')).toBe('Trẻ em dưới 6 tuổi');
    expect(beneficiaryGroupLabel('XD')).toBeNull();
    expect(beneficiaryGroupLabel('toString')).toBeNull();
  });
});
