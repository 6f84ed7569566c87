import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  eventResultSchema,
  kioskRegistrationPayloadSchema,
  officesResponseSchema,
  pullResponseSchema,
  syncEventSchema,
} from './sync-protocol.ts';
import { documentedRegistration } from '../../tests/fixtures/documented-registration.ts';

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

  it('still reads what an older central sends, and leaves an older kiosk payload as it was', () => {
    const page = (item: Record<string, unknown>) =>
      pullResponseSchema.safeParse({
        items: [{ seq: 1, registration: documentedRegistration, ...item }],
        cursor: 1,
        hasMore: false,
        serverTime: '2026-11-21T02:00:00.000Z',
      });
    expect(page({}).success).toBe(true);
    expect(page({ kioskReference: null }).success).toBe(true);
    expect(page({ kioskReference: 'KS-7K3Q-X9PM-A2B4' }).data?.items[0]?.kioskReference).toBe(
      'KS-7K3Q-X9PM-A2B4',
    );
    expect(page({ kioskReference: '' }).success).toBe(false);
    // No default for the flag: a payload from before it parses to the same object, so the content
    // hash of an event stored then still matches its replay.
    const {
      code: _code,
      channel: _channel,
      submittedAt: _at,
      status: _status,
      decision: _decision,
      ...form
    } = documentedRegistration;
    const older = { ...form, localReference: 'KS-7K3Q-X9PM-A2B4' };
    expect(kioskRegistrationPayloadSchema.parse(older)).toEqual(older);
    expect(Object.keys(kioskRegistrationPayloadSchema.parse(older))).not.toContain('sendDeclarationCopy');
    expect(kioskRegistrationPayloadSchema.safeParse({ ...older, sendDeclarationCopy: 'yes' }).success).toBe(
      false,
    );
    expect(
      officesResponseSchema.safeParse({
        offices: [{ officeCode: '01001', name: 'BHXH khu vực Ba Đình, Hà Nội' }],
        serverTime: '2026-11-21T02:00:00.000Z',
      }).success,
    ).toBe(true);
  });
});
