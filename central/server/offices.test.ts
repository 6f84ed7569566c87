import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentResponse, ErrorResponse, OfficesResponse } from '../protocol/sync-protocol.ts';
import { officesResponseSchema, syncPaths } from '../protocol/sync-protocol.ts';
import { referenceOffices } from '../seed/reference-offices.ts';
import { enrollDevice, requestJson, startTestCentral, testClock } from '../testing/central-test-client.ts';
import type { CentralServer } from './start-central-server.ts';

let server: CentralServer;
let kiosk: EnrollmentResponse;
const clock = testClock();
beforeAll(async () => {
  server = await startTestCentral({ seedCount: 10, now: clock.now });
  kiosk = await enrollDevice(server, '04801', 'Ki-ốt sảnh chính');
});
afterAll(() => server.close());

const offices = (token?: string) =>
  requestJson<OfficesResponse>(`${server.url}${syncPaths.offices}`, token === undefined ? {} : { token });

describe('GET /v1/offices', () => {
  it("lists every office, not only the device's, with its province", async () => {
    const response = await offices(kiosk.deviceToken);
    expect(response.status).toBe(200);
    const body = officesResponseSchema.parse(response.body);
    expect(body.serverTime).toBe('2026-11-21T02:00:00.000Z');
    expect(body.offices).toHaveLength(referenceOffices.length);
    expect(body.offices).toContainEqual({
      officeCode: '07921',
      name: 'BHXH khu vực Sài Gòn, TP. Hồ Chí Minh',
      province: 'Thành phố Hồ Chí Minh',
    });
    expect(new Set(body.offices.map((office) => office.officeCode))).toEqual(
      new Set(referenceOffices.map((office) => office.officeCode)),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('says null for a province the central does not know', async () => {
    server.database.prepare("INSERT INTO offices (office_code, name) VALUES ('00001', 'BHXH thử')").run();
    try {
      const body = officesResponseSchema.parse((await offices(kiosk.deviceToken)).body);
      expect(body.offices).toContainEqual({ officeCode: '00001', name: 'BHXH thử', province: null });
    } finally {
      server.database.prepare("DELETE FROM offices WHERE office_code = '00001'").run();
    }
  });

  it('needs a device token, and a token that is not revoked', async () => {
    const anonymous = await requestJson<ErrorResponse>(`${server.url}/v1/offices`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    const wrong = await offices('bhxhdt_not-a-token');
    expect(wrong.status).toBe(401);
    const revoked = await enrollDevice(server, '01001', 'Quầy cũ');
    server.revokeDevice(revoked.deviceId);
    const refused = await requestJson<ErrorResponse>(`${server.url}/v1/offices`, {
      token: revoked.deviceToken,
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('token-revoked');
  });

  it('answers only GET', async () => {
    const post = await requestJson<ErrorResponse>(`${server.url}/v1/offices`, {
      token: kiosk.deviceToken,
      body: {},
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });
});
