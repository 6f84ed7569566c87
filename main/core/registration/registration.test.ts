import { describe, expect, it } from 'vitest';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { registrationSchema } from './registration.ts';

// The example straight from ../shared/domain/REGISTRATION.md must be accepted as is.
const documented = documentedRegistration;

describe('registration schema', () => {
  it('accepts the documented canonical example', () => {
    expect(registrationSchema.parse(documented)).toEqual(documented);
  });

  it('rejects a social-insurance number that is not 10 digits', () => {
    expect(registrationSchema.safeParse({ ...documented, socialInsuranceNumber: '79123456' }).success).toBe(
      false,
    );
  });

  it('rejects an unknown status', () => {
    expect(registrationSchema.safeParse({ ...documented, status: 'done' }).success).toBe(false);
  });
});
