// The ID-card test vectors (tests/fixtures/id-payloads.json, the repository's copy of the shared
// set): every case must give the listed kind, format and fields, and exactly the listed warnings.
import { describe, expect, it } from 'vitest';
import { idFixtures } from '../../../tests/support/id-fixtures.ts';
import { idCardErrorCodes } from './id-card-code-lists.ts';
import { parseIdPayload } from './parse-id-payload.ts';

const cases = idFixtures();

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
