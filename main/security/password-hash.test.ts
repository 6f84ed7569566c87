import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultScryptParameters, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';

// Low-cost parameters keep the property tests quick; the format and comparison are the same.
const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one (default parameters)', async () => {
    const hash = await hashPassword('Canbo@2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(await verifyPassword('Canbo@2026', hash)).toBe(true);
    expect(await verifyPassword('canbo@2026', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same', cheap), hashPassword('same', cheap)]);
    expect(first).not.toBe(second);
  });

  it('treats composed and decomposed Vietnamese text as the same password', async () => {
    const composed = 'Mật khẩu Hưng';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed, cheap))).toBe(true);
  });

  it('asks for a rehash of weaker or malformed hashes', async () => {
    expect(needsRehash(await hashPassword('x', cheap))).toBe(true);
    expect(needsRehash('md5$abc')).toBe(true);
    expect(defaultScryptParameters.N).toBeGreaterThanOrEqual(2 ** 15);
  });

  it('never matches malformed or hostile hash strings', async () => {
    const valid = await hashPassword('secret', cheap);
    const parts = valid.split('$');
    const hostile = [
      '',
      'secret',
      'scrypt$',
      valid.replace('scrypt', 'bcrypt'),
      `${valid}$extra`,
      ['scrypt', '1000', ...parts.slice(2)].join('$'), // N not a power of two
      ['scrypt', String(2 ** 30), ...parts.slice(2)].join('$'), // N too large: 128 GiB
      ['scrypt', String(2 ** 20), '32', ...parts.slice(3)].join('$'), // 4 GiB of memory
      ['scrypt', parts[1], '0', ...parts.slice(3)].join('$'),
      ['scrypt', parts[1], parts[2], '-1', ...parts.slice(4)].join('$'),
      [...parts.slice(0, 4), '', parts[5]].join('$'), // no salt
      [...parts.slice(0, 5), 'AAAA'].join('$'), // key too short
      [...parts.slice(0, 5), 'not base64!'].join('$'),
    ];
    for (const hash of hostile) expect(await verifyPassword('secret', hash), hash).toBe(false);
  });

  it('round-trips arbitrary passwords and rejects any other (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 0, maxLength: 40 }), fc.string(), async (password, other) => {
        const hash = await hashPassword(password, cheap);
        expect(await verifyPassword(password, hash)).toBe(true);
        if (other.normalize('NFC') !== password.normalize('NFC')) {
          expect(await verifyPassword(other, hash)).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on arbitrary hash strings (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (hash) => {
        expect(await verifyPassword('x', hash)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
