// resources/domain/provinces.json is the province table the app ships (a copy of
// ../shared/domain/provinces.json, compared by tests/fixtures/shared-copies.test.ts).
import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/domain/provinces.json' with { type: 'json' };

describe('province table', () => {
  it('holds 3-digit codes with a name each', () => {
    for (const [code, name] of Object.entries(shipped.codes)) {
      expect(code).toMatch(/^\d{3}$/);
      expect(name.length).toBeGreaterThan(0);
    }
  });
});
