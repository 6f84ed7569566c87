import { describe, expect, it } from 'vitest';
import { referenceOffices } from '../../../central/seed/reference-offices.ts';
import { bhxhOffice } from './bhxh-office-directory.ts';

describe('bhxhOffice', () => {
  it('knows every office of the data set by the name the seed gives it', () => {
    for (const office of referenceOffices) {
      const known = bhxhOffice(office.officeCode);
      expect(known.name).toBe(office.name);
      expect(known.place).not.toBeNull();
      // The place is the office's city, shortened as written on forms.
      expect(office.city.endsWith(known.place!.replace(/^TP\. /, ''))).toBe(true);
    }
  });

  it('returns the code alone for an unknown office, and does not read inherited keys', () => {
    expect(bhxhOffice('99999')).toEqual({ code: '99999', name: null, place: null });
    expect(bhxhOffice('toString')).toEqual({ code: 'toString', name: null, place: null });
  });
});
