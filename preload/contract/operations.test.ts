import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdPayload } from '../../main/core/id-card/parse-id-payload.ts';
import { idFixtures } from '../../tests/support/id-fixtures.ts';
import { operations } from './operations.ts';

// The parser's output is what crosses the API as the result of `id.parse`: every shared fixture's
// result, and the result of any garbage, must match the contract's result schema exactly.
const cases = idFixtures();
const resultSchema = operations['id.parse'].result;

describe('id.parse in the contract', () => {
  it.each(cases.map((fixture) => [fixture.name, fixture.payload]))(
    '%s conforms to the result schema',
    (_name, payload) => {
      const result = parseIdPayload(payload, { today: '2026-11-21' });
      // zod strips unknown keys, so equality also proves there are no extra fields.
      expect(resultSchema.parse(result)).toEqual(result);
    },
  );

  it('the result of any string conforms', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (payload) => {
        const result = parseIdPayload(payload, { today: '2026-11-21' });
        return resultSchema.safeParse(result).success;
      }),
    );
  });

  it('refuses a payload argument longer than a scanner can deliver', () => {
    expect(operations['id.parse'].args.safeParse({ payload: 'x'.repeat(10_000) }).success).toBe(false);
  });
});
