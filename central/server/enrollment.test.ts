import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnrollmentResponse, ErrorResponse, HealthResponse } from '../protocol/sync-protocol.ts';
import { healthResponseSchema } from '../protocol/sync-protocol.ts';
import { enrollmentCodeShape, normalizeEnrollmentCode } from '../protocol/enrollment-code.ts';
import { enrollDevice, requestJson, startTestCentral, testClock } from '../testing/central-test-client.ts';
import type { CentralServer } from './start-central-server.ts';

let server: CentralServer;
afterEach(() => server.close());

describe('health and device enrollment', () => {
  it('answers /v1/health without a token, with server time in the body and the Date header', async () => {
    const clock = testClock();
    server = await startTestCentral({ now: clock.now });
    const response = await requestJson<HealthResponse>(`${server.url}/v1/health`);
    expect(response.status).toBe(200);
    expect(healthResponseSchema.parse(response.body)).toEqual({
      status: 'ok',
      protocolVersion: 1,
      serverTime: '2026-11-21T02:00:00.000Z',
    });
    expect(response.headers.get('date')).toBe('Sat, 21 Nov 2026 02:00:00 GMT');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('exchanges a one-time code for a device token that opens the API', async () => {
    server = await startTestCentral();
    const code = server.createEnrollmentCode('07921');
    expect(code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/,
    );
    expect(enrollmentCodeShape(code)).toBe('checked');
    // Case and separators do not matter when the code is typed in.
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const enrolled = await requestJson<EnrollmentResponse>(`${server.url}/v1/enrollments`, {
      body: { enrollmentCode: typed, deviceName: 'Kiosk sảnh A' },
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.officeCode).toBe('07921');
    expect(enrolled.body.deviceToken).toMatch(/^bhxhdt_[\w-]{43}$/);
    const me = await requestJson<{ deviceId: string; deviceName: string }>(`${server.url}/v1/device`, {
      token: enrolled.body.deviceToken,
    });
    expect(me.body).toMatchObject({
      deviceId: enrolled.body.deviceId,
      deviceName: 'Kiosk sảnh A',
      officeCode: '07921',
    });

    const again = await requestJson<ErrorResponse>(`${server.url}/v1/enrollments`, {
      body: { enrollmentCode: code, deviceName: 'Kiosk sảnh B' },
    });
    // A desktop from before the office was sent knows no `enrollment-code-used`.
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('enrollment-code-invalid');
  });

  it('stores only hashes of tokens and codes', async () => {
    server = await startTestCentral();
    const code = server.createEnrollmentCode('01001');
    const device = await enrollDevice(server);
    const everything = JSON.stringify([
      server.database.prepare('SELECT * FROM devices').all(),
      server.database.prepare('SELECT * FROM enrollment_codes').all(),
    ]);
    expect(everything).not.toContain(device.deviceToken);
    expect(everything).not.toContain(code);
  });

  it('refuses an expired code and an unknown one', async () => {
    const clock = testClock();
    server = await startTestCentral({ now: clock.now });
    const code = server.createEnrollmentCode('01001');
    clock.advance(24 * 60 * 60 * 1000 + 1);
    const expired = await requestJson<ErrorResponse>(`${server.url}/v1/enrollments`, {
      body: { enrollmentCode: code, deviceName: 'Quầy 1' },
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe('enrollment-code-expired');
    const unknown = await requestJson<ErrorResponse>(`${server.url}/v1/enrollments`, {
      body: { enrollmentCode: 'AAAA-BBBB-CCCC', deviceName: 'Quầy 1' },
    });
    expect(unknown.body.error.code).toBe('enrollment-code-invalid');
  });

  describe('tells apart why a code does not enroll, when the request names its office', () => {
    const enroll = (enrollmentCode: string, officeCode = '01001') =>
      requestJson<ErrorResponse>(`${server.url}/v1/enrollments`, {
        body: { enrollmentCode, deviceName: 'Quầy 1', officeCode },
      });
    const devices = () => server.database.prepare('SELECT count(*) FROM devices').pluck().get();

    it('a code it never made, a used one, an expired one', async () => {
      const clock = testClock();
      server = await startTestCentral({ now: clock.now });
      expect((await enroll('AAAA-BBBB-CCCC-D')).body.error.code).toBe('enrollment-code-invalid');
      const code = server.createEnrollmentCode('01001');
      expect((await enroll(code)).status).toBe(200);
      const used = await enroll(code);
      expect([used.status, used.body.error.code]).toEqual([400, 'enrollment-code-used']);
      expect(used.body.error.message).toMatch(/đã được sử dụng/);
      const late = server.createEnrollmentCode('01001');
      clock.advance(24 * 60 * 60 * 1000);
      expect((await enroll(late)).body.error.code).toBe('enrollment-code-expired');
      expect(devices()).toBe(1);
    });

    it('a code of another office: refused with both offices, not used up, no device made', async () => {
      server = await startTestCentral();
      const code = server.createEnrollmentCode('07921');
      const refused = await enroll(code, '01001');
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'enrollment-code-other-office',
        details: { codeOffice: '07921', requestedOffice: '01001' },
      });
      expect(devices()).toBe(0);
      expect(server.database.prepare('SELECT used_at, device_id FROM enrollment_codes').all()).toEqual([
        { used_at: null, device_id: null },
      ]);
      // The code still enrolls a PC of its own office.
      const enrolled = await requestJson<EnrollmentResponse>(`${server.url}/v1/enrollments`, {
        body: { enrollmentCode: code, deviceName: 'Quầy 2', officeCode: '07921' },
      });
      expect([enrolled.status, enrolled.body.officeCode]).toEqual([200, '07921']);
    });

    it('an expired code of another office is answered expired, not "still valid there"', async () => {
      const clock = testClock();
      server = await startTestCentral({ now: clock.now });
      const code = server.createEnrollmentCode('07921');
      clock.advance(24 * 60 * 60 * 1000);
      expect((await enroll(code, '01001')).body.error.code).toBe('enrollment-code-expired');
      expect(devices()).toBe(0);
    });

    it('still takes a code from before check characters (12 characters)', async () => {
      server = await startTestCentral();
      const legacy = '7K3M-Q9TX-2HBD';
      server.database
        .prepare(
          `INSERT INTO enrollment_codes (code_hash, office_code, created_at, expires_at)
           VALUES (?, '01001', '2026-11-21T00:00:00.000Z', '2099-01-01T00:00:00.000Z')`,
        )
        .run(createHash('sha256').update(normalizeEnrollmentCode(legacy)).digest());
      expect(enrollmentCodeShape(legacy)).toBe('legacy');
      expect((await enroll(legacy.toLowerCase())).status).toBe(200);
    });
  });

  it('answers 401 unauthorized without a token or with a wrong one', async () => {
    server = await startTestCentral();
    const path = `${server.url}/v1/offices/01001/registrations`;
    for (const token of [undefined, 'bhxhdt_not-a-real-token']) {
      const response = await requestJson<ErrorResponse>(path, token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.body.error.message).toMatch(/thiết bị/);
    }
  });

  it('answers 401 token-revoked once the device is revoked', async () => {
    server = await startTestCentral();
    const device = await enrollDevice(server);
    const path = `${server.url}/v1/offices/01001/registrations?limit=1`;
    expect((await requestJson(path, { token: device.deviceToken })).status).toBe(200);
    expect(server.revokeDevice(device.deviceId)).toBe(true);
    expect(server.revokeDevice(device.deviceId)).toBe(false);
    const response = await requestJson<ErrorResponse>(path, { token: device.deviceToken });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('token-revoked');
  });

  it('answers malformed requests with stable codes and serverTime', async () => {
    server = await startTestCentral();
    const cases: [Promise<{ status: number; body: ErrorResponse }>, number, string][] = [
      [requestJson(`${server.url}/v1/enrollments`, { rawBody: '{not json' }), 400, 'bad-request'],
      [requestJson(`${server.url}/v1/enrollments`, { body: { deviceName: 'x' } }), 400, 'bad-request'],
      [
        requestJson(`${server.url}/v1/enrollments`, { rawBody: 'x'.repeat(20_000) }),
        413,
        'payload-too-large',
      ],
      [requestJson(`${server.url}/v1/nothing-here`), 404, 'not-found'],
      [requestJson(`${server.url}/v2/health`), 404, 'not-found'],
      [requestJson(`${server.url}/v1/health`, { method: 'POST', body: {} }), 405, 'method-not-allowed'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.status, code).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(typeof response.body.serverTime).toBe('string');
    }
  });
});
