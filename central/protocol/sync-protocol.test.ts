import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventResultSchema, pullResponseSchema, syncEventSchema } from './sync-protocol.ts';

describe('sync protocol module', () => {
  it('imports only zod and pure core code, so the desktop and the renderer side can use it', () => {
    const source = readFileSync(new URL('./sync-protocol.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) expect(specifier).toMatch(/^(zod|\.\.\/\.\.\/main\/core\/.+\.ts)$/);
  });

  it('describes each event type with its own payload', () => {
    const envelope = {
      eventId: '6f1c1d8e-4a0b-4c55-9d0e-0e1f0e2a3b4c',
      deviceId: 'device-1',
      occurredAt: '2026-11-21T02:00:00Z',
    };
    expect(
      syncEventSchema.safeParse({
        ...envelope,
        type: 'withdrawal',
        payload: { registrationCode: 'X', reason: 'r' },
      }).success,
    ).toBe(true);
    expect(
      syncEventSchema.safeParse({
        ...envelope,
        type: 'decision',
        payload: { registrationCode: 'X', reason: 'r' },
      }).success,
    ).toBe(false);
    expect(eventResultSchema.safeParse({ eventId: 'x', status: 'invalid' }).success).toBe(true);
    expect(
      pullResponseSchema.safeParse({ items: [], cursor: 0, hasMore: false, serverTime: 'now' }).success,
    ).toBe(false);
  });
});
