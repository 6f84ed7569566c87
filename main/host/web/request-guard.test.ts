import { describe, expect, it } from 'vitest';
import { hasValidBearer, isAllowedHost, isAllowedOrigin } from './request-guard.ts';

const token = 'a'.repeat(43);

describe('request guard', () => {
  it('accepts the exact bearer token only', () => {
    expect(hasValidBearer(`Bearer ${token}`, token)).toBe(true);
    expect(hasValidBearer(`Bearer ${token}b`, token)).toBe(false);
    expect(hasValidBearer(`bearer ${token}`, token)).toBe(false);
    expect(hasValidBearer(token, token)).toBe(false);
    expect(hasValidBearer(undefined, token)).toBe(false);
    expect(hasValidBearer(`Bearer ${token} `, token)).toBe(false);
  });

  it.each([
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000', true],
    ['http://127.0.0.1:4001', false],
    ['https://127.0.0.1:4000', false],
    ['http://127.0.0.1:4000.evil.example', false],
    ['http://evil.example/?next=http://127.0.0.1:4000', false],
    ['http://127.0.0.1:4000@evil.example', false],
    ['null', false],
    ['file://', false],
    ['javascript:alert(1)', false],
    ['http://127.0.0.1:4000/', false],
  ])('origin %s allowed=%s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, 4000)).toBe(allowed);
  });

  it('lets requests without Origin through (non-browser clients still need the token)', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
  });

  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['127.0.0.1:4001', false],
    ['attacker.example:4000', false],
    ['127.0.0.1', false],
    ['user@127.0.0.1:4000', false],
    ['127.0.0.1:4000/evil', false],
  ])('host %s allowed=%s', (host, allowed) => {
    expect(isAllowedHost(host, 4000)).toBe(allowed);
  });
});
