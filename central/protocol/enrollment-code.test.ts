import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enrollmentCheckCharacter,
  enrollmentCodeAlphabet,
  enrollmentCodeShape,
  formatEnrollmentCode,
} from './enrollment-code.ts';

const body = fc
  .array(fc.constantFrom(...enrollmentCodeAlphabet), { minLength: 12, maxLength: 12 })
  .map((characters) => characters.join(''));
const checked = (random: string) => formatEnrollmentCode(random + enrollmentCheckCharacter(random));

describe('enrollment codes', () => {
  it('reads a current code however it is typed', () => {
    const code = checked('7K3MQ9TX2HBD');
    expect(code).toMatch(/^7K3M-Q9TX-2HBD-[0-9A-Z]$/);
    expect(enrollmentCodeShape(code)).toBe('checked');
    expect(enrollmentCodeShape(code.toLowerCase().replace(/-/g, ' '))).toBe('checked');
    // O reads as 0 and I/L as 1.
    const withZero = checked('70000000000I'.replace('I', '1'));
    expect(enrollmentCodeShape(withZero.replace(/0/g, 'O'))).toBe('checked');
  });

  it('catches every single wrong character of a current code', () => {
    fc.assert(
      fc.property(body, fc.nat(12), fc.nat(31), (random, position, shift) => {
        const code = random + enrollmentCheckCharacter(random);
        const original = code[position] as string;
        const replaced = enrollmentCodeAlphabet[
          (enrollmentCodeAlphabet.indexOf(original) + 1 + (shift % 31)) % 32
        ] as string;
        const typo = code.slice(0, position) + replaced + code.slice(position + 1);
        expect(enrollmentCodeShape(typo)).toBe('mistyped');
      }),
    );
  });

  it('catches two neighbouring characters swapped, unless they are the same', () => {
    fc.assert(
      fc.property(body, fc.nat(11), (random, position) => {
        const code = random + enrollmentCheckCharacter(random);
        const [a, b] = [code[position] as string, code[position + 1] as string];
        fc.pre(a !== b);
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        // Luhn mod 32 misses only the swap of the two values whose doubles' digit sums coincide (0 ↔ Z).
        fc.pre(!(new Set([a, b]).has('0') && new Set([a, b]).has('Z')));
        expect(enrollmentCodeShape(swapped)).toBe('mistyped');
      }),
    );
  });

  it('leaves 12-character codes to the central and refuses other shapes', () => {
    expect(enrollmentCodeShape('7K3M-Q9TX-2HBD')).toBe('legacy');
    expect(enrollmentCodeShape('7K3M-Q9TX-2HB')).toBe('mistyped');
    expect(enrollmentCodeShape('7K3M-Q9TX-2HBD-RR')).toBe('mistyped');
    expect(enrollmentCodeShape('7K3M-Q9TX-2HBU')).toBe('mistyped');
    expect(enrollmentCodeShape('7K3M-Q9TX-2HB#')).toBe('mistyped');
  });
});
