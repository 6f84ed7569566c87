// The shared test vectors (../shared/fixtures/id-payloads.json, outside this repository): every
// case must give the listed kind, format and fields, and exactly the listed warnings. Imported,
// not copied, so that a change to the shared vectors reaches this test at once.
import { describe, expect, it } from 'vitest';
import { sharedIdFixtures } from '../../../tests/support/shared-id-fixtures.ts';
import { idCardErrorCodes } from './id-card-codes.ts';
import { parseIdPayload } from './parse-id-payload.ts';

const cases = sharedIdFixtures();

describe('shared ID payload fixtures', () => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const fixture of cases) {
    it(fixture.name, () => {
      const result = parseIdPayload(fixture.payload);
      const expected = fixture.expect;
      expect(result.ok).toBe(expected.ok);
      if (!result.ok) {
        expect(idCardErrorCodes).toContain(result.error.code);
        return;
      }
      expect(result.kind).toBe(expected.kind);
      expect(result.format).toBe(expected.format);
      expect(result.fields).toMatchObject(expected.fields ?? {});
      expect(result.warnings.map((warning) => warning.code).sort()).toEqual(
        [...(expected.warnings ?? [])].sort(),
      );
    });
  }
});
