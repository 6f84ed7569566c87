import { describe, expect, it } from 'vitest';
import { readBenefitLevel, readFacility, readManagementCode, readResidenceArea } from './bhyt-fields.ts';

describe('BHYT coded fields', () => {
  it('reads the primary-care facility, with a hyphen or an en dash', () => {
    expect(readFacility('01 - C54')).toEqual({ province: '01', code: 'C54' });
    expect(readFacility('33 – 065')).toEqual({ province: '33', code: '065' });
    expect(readFacility('33-065')).toEqual({ province: '33', code: '065' });
    expect(readFacility('-')).toBeNull();
    for (const text of [
      '33 065',
      '3 - 065',
      '333 - 065',
      'AB - 065',
      '33 - ',
      '33 - 0 65',
      '33 - 12345678901',
    ]) {
      expect(readFacility(text), text).toBeUndefined();
    }
  });

  it('reads the residence area', () => {
    expect(readResidenceArea('4')).toBeNull();
    expect(readResidenceArea('5')).toBe('K1');
    expect(readResidenceArea('6')).toBe('K2');
    expect(readResidenceArea('7')).toBe('K3');
    expect(readResidenceArea('-')).toBeNull();
    for (const text of ['3', '8', 'K1', '55', '0']) expect(readResidenceArea(text), text).toBeUndefined();
  });

  it('reads the benefit level', () => {
    expect(readBenefitLevel('1')).toBe(1);
    expect(readBenefitLevel(' 5 ')).toBe(5);
    expect(readBenefitLevel('-')).toBeNull();
    for (const text of ['0', '6', '12', 'a']) expect(readBenefitLevel(text), text).toBeUndefined();
  });

  it('reads the management code', () => {
    expect(readManagementCode('33232002965140')).toBe('33232002965140');
    expect(readManagementCode('-')).toBeNull();
    for (const text of ['3323200296514', '33232002965140 1', '3323200296514a']) {
      expect(readManagementCode(text), text).toBeUndefined();
    }
  });
});
