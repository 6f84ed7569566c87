import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditHeadResponseSchema,
  type AuditHeadResponse,
  type EnrollmentResponse,
  type ErrorResponse,
} from '../protocol/sync-protocol.ts';
import { createAuditHeadStore } from '../store/audit-head-store.ts';
import { enrollDevice, requestJson, startTestCentral, testClock } from '../testing/central-test-client.ts';
import type { CentralServer } from './start-central-server.ts';

// POST /v1/audit-heads: the central compares each device's audit chain head with what that device
// reported before, so a chain rewritten or rewound on the device shows here, and stays recorded.

const hash = (character: string) => character.repeat(64);
let server: CentralServer;
let device: EnrollmentResponse;
const clock = testClock();

beforeEach(async () => {
  server = await startTestCentral({ seedCount: 0, now: clock.now });
  device = await enrollDevice(server);
});
afterEach(() => server.close());

async function report(
  head: { id: number; hash: string },
  since: { id: number; hash: string } | null,
  token = device.deviceToken,
) {
  const response = await requestJson<AuditHeadResponse>(`${server.url}/v1/audit-heads`, {
    token,
    body: { head, since },
  });
  expect(response.status).toBe(200);
  return auditHeadResponseSchema.parse(response.body);
}

const mismatchRows = () =>
  server.database
    .prepare(
      'SELECT device_id, reason, entry_id, expected_hash, received_id, received_hash FROM audit_mismatches',
    )
    .all();

describe('audit chain heads at the central', () => {
  it('accepts the first head and then every head that continues it', async () => {
    expect(await report({ id: 10, hash: hash('a') }, null)).toMatchObject({
      state: 'matches',
      acknowledged: { id: 10, hash: hash('a') },
      mismatch: null,
    });
    expect(await report({ id: 25, hash: hash('b') }, { id: 10, hash: hash('a') })).toMatchObject({
      state: 'matches',
      acknowledged: { id: 25, hash: hash('b') },
    });
    // Nothing new since: the same head again.
    expect((await report({ id: 25, hash: hash('b') }, { id: 25, hash: hash('b') })).state).toBe('matches');
    expect(
      server.database.prepare('SELECT entry_id FROM audit_heads ORDER BY entry_id').pluck().all(),
    ).toEqual([10, 25]);
    expect(mismatchRows()).toEqual([]);
  });

  it('finds a chain rewritten: another hash at the acknowledged id, recorded once and kept', async () => {
    await report({ id: 10, hash: hash('a') }, null);
    const answer = await report({ id: 12, hash: hash('c') }, { id: 10, hash: hash('f') });
    expect(answer).toMatchObject({
      state: 'mismatch',
      acknowledged: { id: 10, hash: hash('a') },
      mismatch: { reason: 'rewritten', entryId: 10, detectedAt: '2026-11-21T02:00:00.000Z' },
    });
    await report({ id: 13, hash: hash('d') }, { id: 10, hash: hash('f') });
    expect(mismatchRows()).toEqual([
      {
        device_id: device.deviceId,
        reason: 'rewritten',
        entry_id: 10,
        expected_hash: hash('a'),
        received_id: 10,
        received_hash: hash('f'),
      },
    ]);
    // The forger learns the right old hash: the device stays flagged all the same.
    expect(await report({ id: 14, hash: hash('e') }, { id: 10, hash: hash('a') })).toMatchObject({
      state: 'mismatch',
      acknowledged: { id: 14, hash: hash('e') },
      mismatch: { reason: 'rewritten', entryId: 10 },
    });
  });

  it('finds a chain rewound below a head it received (entries removed, an old backup)', async () => {
    await report({ id: 10, hash: hash('a') }, null);
    expect(await report({ id: 7, hash: hash('b') }, null)).toMatchObject({
      state: 'mismatch',
      acknowledged: { id: 10, hash: hash('a') },
      mismatch: { reason: 'rewound', entryId: 10 },
    });
    expect(mismatchRows()).toMatchObject([{ reason: 'rewound', entry_id: 10, received_id: 7 }]);
  });

  it('asks for `since` at the id it holds when the device names another one (a lost answer)', async () => {
    await report({ id: 10, hash: hash('a') }, null);
    await report({ id: 20, hash: hash('b') }, { id: 10, hash: hash('a') });
    // The device never got that answer: it still compares at 10.
    expect(await report({ id: 30, hash: hash('c') }, { id: 10, hash: hash('a') })).toMatchObject({
      state: 'since-required',
      acknowledged: { id: 20, hash: hash('b') },
      mismatch: null,
    });
    expect((await report({ id: 30, hash: hash('c') }, null)).state).toBe('since-required');
    expect((await report({ id: 30, hash: hash('c') }, { id: 20, hash: hash('b') })).state).toBe('matches');
    expect(mismatchRows()).toEqual([]);
  });

  it('keeps each device apart', async () => {
    const other = await enrollDevice(server, '07921', 'Ki-ốt');
    await report({ id: 10, hash: hash('a') }, null);
    expect((await report({ id: 3, hash: hash('9') }, null, other.deviceToken)).state).toBe('matches');
    expect(createAuditHeadStore(server.database).status(device.deviceId)).toMatchObject({
      head: { id: 10, hash: hash('a') },
      mismatches: [],
    });
  });

  it('needs a device token and a well-formed head', async () => {
    const anonymous = await requestJson<ErrorResponse>(`${server.url}/v1/audit-heads`, {
      body: { head: { id: 1, hash: hash('a') }, since: null },
    });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'unauthorized']);
    for (const body of [
      { head: { id: 0, hash: hash('a') }, since: null },
      { head: { id: 1, hash: 'A'.repeat(64) }, since: null },
      { head: { id: 1, hash: hash('a') } },
    ]) {
      const refused = await requestJson<ErrorResponse>(`${server.url}/v1/audit-heads`, {
        token: device.deviceToken,
        body,
      });
      expect([refused.status, refused.body.error.code]).toEqual([400, 'bad-request']);
    }
    const wrongMethod = await requestJson<ErrorResponse>(`${server.url}/v1/audit-heads`, {
      token: device.deviceToken,
    });
    expect(wrongMethod.status).toBe(405);
  });
});
