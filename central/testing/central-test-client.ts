import { randomUUID } from 'node:crypto';
import type { Decision } from '../../main/core/registration/registration.ts';
import type { EnrollmentResponse } from '../protocol/sync-protocol.ts';
import {
  startCentralServer,
  type CentralServer,
  type CentralServerOptions,
} from '../server/start-central-server.ts';

// Helpers for tests that talk to a real central server over loopback HTTP.

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A clock tests can move: `clock.advance(ms)`. */
export function testClock(start = '2026-11-21T02:00:00.000Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

export async function startTestCentral(options: Partial<CentralServerOptions> = {}): Promise<CentralServer> {
  return startCentralServer({ databasePath: ':memory:', seedCount: 200, ...options });
}

export async function requestJson<T = unknown>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** Enrolls a device for `officeCode` through the real endpoint. */
export async function enrollDevice(
  server: CentralServer,
  officeCode = '01001',
  deviceName = 'Quầy 1',
): Promise<EnrollmentResponse> {
  const response = await requestJson<EnrollmentResponse>(`${server.url}/v1/enrollments`, {
    body: { enrollmentCode: server.createEnrollmentCode(officeCode), deviceName },
  });
  if (response.status !== 200) throw new Error(`enrollment failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function decisionEvent(
  device: EnrollmentResponse,
  registrationCode: string,
  decision: Partial<Decision> = {},
  occurredAt = '2026-11-21T02:00:00.000Z',
) {
  return {
    eventId: randomUUID(),
    type: 'decision' as const,
    deviceId: device.deviceId,
    occurredAt,
    payload: {
      registrationCode,
      decision: {
        outcome: 'approved' as const,
        reasonCode: null,
        note: null,
        officerId: `cb-${device.officeCode}-1`,
        counterId: 'QUAY-01',
        decidedAt: occurredAt,
        override: false,
        ...decision,
      },
    },
  };
}
