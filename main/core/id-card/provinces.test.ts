// resources/domain/provinces.json is a copy of the shared table (../shared/domain/provinces.json,
// outside this repository) so that the app ships it; this catches the two drifting apart.
import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/domain/provinces.json' with { type: 'json' };

// Resolved from this file: <repo>/main/core/id-card → <repo>/../shared; loaded at run time.
const sharedUrl = new URL('../../../../shared/domain/provinces.json', import.meta.url);
const shared = ((await import(sharedUrl.href, { with: { type: 'json' } })) as { default: unknown }).default;

describe('province table', () => {
  it('ships exactly the shared table', () => {
    expect(shipped).toEqual(shared);
    expect(Object.keys(shipped.codes)).toEqual(Object.keys((shared as typeof shipped).codes));
  });

  it('holds 3-digit codes with a name each', () => {
    for (const [code, name] of Object.entries(shipped.codes)) {
      expect(code).toMatch(/^\d{3}$/);
      expect(name.length).toBeGreaterThan(0);
    }
  });
});
