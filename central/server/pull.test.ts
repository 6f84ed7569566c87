import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EnrollmentResponse,
  ErrorResponse,
  PullResponse,
  PushResponse,
} from '../protocol/sync-protocol.ts';
import { pullResponseSchema } from '../protocol/sync-protocol.ts';
import {
  decisionEvent,
  enrollDevice,
  requestJson,
  startTestCentral,
} from '../testing/central-test-client.ts';
import type { CentralServer } from './start-central-server.ts';

let server: CentralServer;
let device: EnrollmentResponse;
beforeAll(async () => {
  server = await startTestCentral({ seedCount: 1000 });
  device = await enrollDevice(server, '01001');
});
afterAll(() => server.close());

const pull = (after: number, limit: number, office = '01001') =>
  requestJson<PullResponse>(
    `${server.url}/v1/offices/${office}/registrations?after=${after}&limit=${limit}`,
    {
      token: device.deviceToken,
    },
  );

async function pullAll(after = 0, limit = 37) {
  const items: PullResponse['items'] = [];
  let cursor = after;
  for (;;) {
    const page = await pull(cursor, limit);
    expect(page.status).toBe(200);
    pullResponseSchema.parse(page.body);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.body.items);
    expect(page.body.cursor).toBe(page.body.items.at(-1)?.seq ?? cursor);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return { items, cursor };
  }
}

describe('pull', () => {
  it('pages through every registration of the office once, in strictly increasing seq', async () => {
    const { items } = await pullAll();
    const expected = server.database
      .prepare("SELECT count(*) FROM registrations WHERE office_code = '01001'")
      .pluck()
      .get() as number;
    expect(items).toHaveLength(expected);
    expect(expected).toBeGreaterThan(300);
    const seqs = items.map((item) => item.seq);
    for (let index = 1; index < seqs.length; index++)
      expect(seqs[index]).toBeGreaterThan(seqs[index - 1] as number);
    expect(new Set(items.map((item) => item.registration.code)).size).toBe(items.length);
    for (const item of items) expect(item.registration.officeCode).toBe('01001');
  });

  it('returns an empty page with the same cursor at the end', async () => {
    const { cursor } = await pullAll();
    const page = await pull(cursor, 100);
    expect(page.body).toMatchObject({ items: [], cursor, hasMore: false });
  });

  it('brings a changed registration again, with a higher seq, after the saved cursor', async () => {
    const { items, cursor } = await pullAll();
    const pending = items.find((item) => item.registration.status === 'pending');
    if (!pending) throw new Error('no pending registration in the seed');
    const pushed = await requestJson<PushResponse>(`${server.url}/v1/events`, {
      token: device.deviceToken,
      body: { events: [decisionEvent(device, pending.registration.code)] },
    });
    expect(pushed.body.results[0]?.status).toBe('accepted');
    const page = await pull(cursor, 100);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]?.seq).toBeGreaterThan(cursor);
    expect(page.body.items[0]?.seq).toBe(pushed.body.results[0]?.seq);
    expect(page.body.items[0]?.registration).toMatchObject({
      code: pending.registration.code,
      status: 'approved',
    });
    // The registration is no longer at its old place in the sequence.
    const before = await pull(pending.seq - 1, 1);
    expect(before.body.items[0]?.registration.code).not.toBe(pending.registration.code);
  });

  it('serves only the office the device was enrolled for', async () => {
    const response = await requestJson<ErrorResponse>(`${server.url}/v1/offices/07921/registrations`, {
      token: device.deviceToken,
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    const other = await enrollDevice(server, '07921');
    const page = await requestJson<PullResponse>(`${server.url}/v1/offices/07921/registrations?limit=5000`, {
      token: other.deviceToken,
    });
    expect(page.body.items.length).toBeGreaterThan(0);
    for (const item of page.body.items) expect(item.registration.officeCode).toBe('07921');
  });

  it('refuses limits above 5000 and malformed cursors', async () => {
    for (const query of ['limit=5001', 'limit=0', 'after=-1', 'after=abc', 'limit=2.5']) {
      const response = await requestJson<ErrorResponse>(
        `${server.url}/v1/offices/01001/registrations?${query}`,
        {
          token: device.deviceToken,
        },
      );
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('bad-request');
    }
    expect((await pull(0, 5000)).status).toBe(200);
  });
});
