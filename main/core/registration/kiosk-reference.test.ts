import { describe, expect, it } from 'vitest';
import { kioskReferencePattern, newKioskReference, readKioskReference } from './kiosk-reference.ts';

describe('kiosk reference', () => {
  it('has the documented shape and 60 random bits', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const reference = newKioskReference();
      expect(reference).toMatch(kioskReferencePattern);
      seen.add(reference);
    }
    expect(seen.size).toBe(2000);
  });

  it('uses each byte’s low five bits, so the same bytes give the same reference', () => {
    const bytes = (array: Uint8Array) => {
      array.set([0, 1, 2, 31, 32, 33, 10, 11, 17, 18, 19, 27]);
      return array;
    };
    // 0→0 1→1 2→2 31→Z 32→0 33→1 10→A 11→B 17→H 18→J 19→K 27→V
    expect(newKioskReference(bytes)).toBe('KS-012Z-01AB-HJKV');
  });

  it.each([
    ['ks-7k3q-x9pm-a2b4', 'KS-7K3Q-X9PM-A2B4'],
    ['  KS-7K3Q-X9PM-A2B4 ', 'KS-7K3Q-X9PM-A2B4'],
    ['KS-IL0O-X9PM-A2B4', 'KS-1100-X9PM-A2B4'],
    ['K5-7K3Q-X9PM-A2B4', 'KS-7K3Q-X9PM-A2B4'],
  ])('reads %s as %s', (text, expected) => {
    expect(readKioskReference(text)).toBe(expected);
  });

  it.each(['DK-07921-2026-000001', 'KS-7K3Q-X9PM', 'KS-7K3Q-X9PM-A2BU', 'KS 7K3Q X9PM A2B4', ''])(
    'refuses %s',
    (text) => {
      expect(readKioskReference(text)).toBeNull();
    },
  );
});
