import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushResponse } from '../../central/protocol/sync-protocol.ts';
import type { CentralServer } from '../../central/server/start-central-server.ts';
import { enrollDevice, requestJson, startTestCentral } from '../../central/testing/central-test-client.ts';
import { listOffices, officesFetchedAt } from '../store/offices-repository.ts';
import { findByKioskReference, searchByName } from '../store/registrations-repository.ts';
import { submitKioskRegistration } from '../store/kiosk-registrations-repository.ts';
import { openTestStore, tempDir, type TempDir } from '../store/store-test-helpers.ts';
import type { Store } from '../store/store.ts';
import { getDeviceToken, getPullCursor } from '../store/sync-state-repository.ts';
import { CentralClient } from './central-client.ts';
import { SyncEngine } from './sync-engine.ts';

// The sync engine against the real reference central over loopback: the office list it keeps for
// the kiosk, and the kiosk reference that comes with pulled registrations.

const office = '04801';
const hour = 60 * 60 * 1000;

let central: CentralServer;
beforeAll(async () => {
  central = await startTestCentral({ seedCount: 200 });
});
afterAll(() => central.close());

let temp: TempDir;
let store: Store;
/** The engine's clock: when the list is due again. Moved by the tests. */
let engineTime: number;
/** What the client asked for, by path; and a switch that makes the central's office list fail. */
let requests: string[];
let officesAnswer: 'central' | 'http-500' | 'not-found' | 'network';
/** A central that refuses (413) any push with more events than this; null: no such limit. */
let eventsLimit: number | null;
/** The number of events in each push the central answered (not refused). */
let pushedBatches: number[];

beforeEach(() => {
  temp = tempDir();
  store = openTestStore(temp.file('store.sqlite'));
  engineTime = Date.parse('2026-11-21T02:00:00.000Z');
  requests = [];
  officesAnswer = 'central';
  eventsLimit = null;
  pushedBatches = [];
});
afterEach(() => {
  store.close();
  temp.remove();
  vi.restoreAllMocks();
});

const fakeFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  requests.push(url.pathname);
  if (url.pathname === '/v1/offices' && officesAnswer !== 'central') {
    if (officesAnswer === 'network') throw new TypeError('fetch failed');
    const status = officesAnswer === 'http-500' ? 500 : 404;
    const code = officesAnswer === 'http-500' ? 'internal' : 'not-found';
    return new Response(
      JSON.stringify({ error: { code, message: '…' }, serverTime: new Date().toISOString() }),
      { status, headers: { 'content-type': 'application/json' } },
    );
  }
  if (url.pathname === '/v1/events' && typeof init?.body === 'string') {
    const events = (JSON.parse(init.body) as { events: unknown[] }).events.length;
    if (eventsLimit !== null && events > eventsLimit) {
      return new Response(
        JSON.stringify({
          error: { code: 'payload-too-large', message: '…' },
          serverTime: new Date().toISOString(),
        }),
        { status: 413, headers: { 'content-type': 'application/json' } },
      );
    }
    pushedBatches.push(events);
  }
  return fetch(input, init);
};

function newEngine(extra: { kiosk?: boolean } = {}): SyncEngine {
  return new SyncEngine({
    ...extra,
    store,
    client: new CentralClient({
      baseUrl: central.url,
      deviceToken: () => getDeviceToken(store),
      fetch: fakeFetch,
    }),
    officeCode: office,
    deviceName: 'Ki-ốt sảnh chính',
    enrollmentCode: () => central.createEnrollmentCode(office),
    random: () => 0.5,
    now: () => new Date(engineTime),
  });
}

const officeRequests = () => requests.filter((path) => path === '/v1/offices').length;

describe('the office list', () => {
  it('comes with the first round, every office of the central, and then at most once a day', async () => {
    const engine = newEngine();
    expect(await engine.syncNow()).toMatchObject({ state: 'online', error: null });
    const offices = listOffices(store);
    expect(offices.map((entry) => entry.officeCode).sort()).toEqual([
      '01001',
      '03101',
      '04801',
      '07921',
      '09201',
    ]);
    expect(offices).toContainEqual({
      officeCode: '04801',
      name: 'BHXH khu vực Hải Châu, Đà Nẵng',
      province: 'Thành phố Đà Nẵng',
    });
    expect(officesFetchedAt(store)).not.toBeNull();
    expect(officeRequests()).toBe(1);

    engineTime += 23 * hour;
    await engine.syncNow();
    expect(officeRequests()).toBe(1);
    // Remembered in the store, not in the engine: a restart does not fetch it again either.
    await newEngine().syncNow();
    expect(officeRequests()).toBe(1);

    engineTime += 2 * hour;
    central.database
      .prepare("UPDATE offices SET name = 'BHXH khu vực Hải Châu (mới)' WHERE office_code = '04801'")
      .run();
    try {
      await engine.syncNow();
      expect(officeRequests()).toBe(2);
      expect(listOffices(store).find((entry) => entry.officeCode === '04801')?.name).toBe(
        'BHXH khu vực Hải Châu (mới)',
      );
    } finally {
      central.database
        .prepare("UPDATE offices SET name = 'BHXH khu vực Hải Châu, Đà Nẵng' WHERE office_code = '04801'")
        .run();
    }
  });

  const references = {
    'http-500': 'KS-0500-0000-0001',
    'not-found': 'KS-0404-0000-0001',
    network: 'KS-0000-0000-0E0E',
  } as const;

  it.each(['http-500', 'not-found', 'network'] as const)(
    'a list that fails to come (%s) never fails the round: registrations are in, the old list stays',
    async (answer) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const engine = newEngine();
      await engine.syncNow();
      const before = listOffices(store);
      expect(before).toHaveLength(5);

      engineTime += 25 * hour;
      officesAnswer = answer;
      const cursorBefore = getPullCursor(store, office);
      const kiosk = await enrollDevice(central, office, 'Ki-ốt khác');
      // A new registration for this office, so the round has something to pull.
      await pushKioskForm(kiosk, references[answer]);
      const status = await engine.syncNow();
      expect(status).toMatchObject({ state: 'online', error: null });
      expect(status.lastSuccessAt).toBe(new Date(engineTime).toISOString());
      expect(getPullCursor(store, office)).toBeGreaterThan(cursorBefore);
      expect(officeRequests()).toBe(2);
      expect(listOffices(store)).toEqual(before);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /^office list refresh failed: sync-(server|schema|network)/,
      );

      // Not asked again at every round while the central cannot answer...
      engineTime += 10 * 60 * 1000;
      expect(await engine.syncNow()).toMatchObject({ state: 'online' });
      expect(officeRequests()).toBe(2);
      // ...but again after the retry delay, and then it comes.
      officesAnswer = 'central';
      engineTime += 6 * 60 * 1000;
      await engine.syncNow();
      expect(officeRequests()).toBe(3);
      expect(officesFetchedAt(store)).not.toBe(null);
    },
  );
});

async function pushKioskForm(
  device: Awaited<ReturnType<typeof enrollDevice>>,
  localReference: string,
  officeCode = office,
): Promise<string> {
  const response = await requestJson<PushResponse>(`${central.url}/v1/events`, {
    token: device.deviceToken,
    body: {
      events: [
        {
          eventId: randomUUID(),
          type: 'kiosk-registration',
          deviceId: device.deviceId,
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          payload: {
            socialInsuranceNumber: '4800000001',
            fullName: 'Phan Thị Thu',
            dateOfBirth: '1990-03-02',
            sex: 'female',
            idDocument: { type: 'cccd', number: '048190000001', issueDate: null, issuePlace: null },
            address: 'Số 1 đường Bạch Đằng, Phường Hải Châu, Thành phố Đà Nẵng',
            phone: '0905000001',
            email: null,
            officeCode,
            guardian: null,
            localReference,
          },
        },
      ],
    },
  });
  const [result] = response.body.results;
  if (result?.status !== 'accepted' || !result.registrationCode) throw new Error(JSON.stringify(result));
  return result.registrationCode;
}

describe('the kiosk reference of pulled registrations', () => {
  it('comes with the pull, so a counter finds a form printed offline by its reference', async () => {
    const engine = newEngine();
    await engine.syncNow();
    const kiosk = await enrollDevice(central, '01001', 'Ki-ốt Ba Đình');
    // The citizen at a Ba Đình kiosk chose Hải Châu as the receiving office.
    expect(searchByName(store, 'KS-7K3Q-X9PM-A2B4')).toEqual([]);
    const code = await pushKioskForm(kiosk, 'KS-7K3Q-X9PM-A2B4');
    expect(code).toMatch(/^DK-04801-/);
    await engine.syncNow();
    expect(findByKioskReference(store, 'ks-7k3q-x9pm-a2b4')?.registration).toMatchObject({
      code,
      officeCode: office,
      channel: 'kiosk',
    });
    expect(searchByName(store, 'KS-7K3Q-X9PM-A2B4').map((found) => found.registration.code)).toEqual([code]);
  });
});

describe('a kiosk’s sync', () => {
  it('keeps only the status index of the office’s registrations, and fetches no staff directory', async () => {
    const engine = newEngine({ kiosk: true });
    const status = await engine.syncNow();
    expect(status.state).toBe('online');
    const count = (table: string) =>
      (store.read(() => store.statement(`SELECT count(*) AS n FROM ${table}`).get()) as { n: number }).n;
    expect(count('registrations')).toBe(0);
    expect(count('staff')).toBe(0);
    expect(count('kiosk_status_index')).toBeGreaterThan(0);
    expect(requests.some((path) => path.endsWith('/staff'))).toBe(false);
    expect(getPullCursor(store, office)).toBeGreaterThan(0);
  });
});

describe('a batch too large for the central', () => {
  it('is halved and sent again until the central takes it, and every event arrives once', async () => {
    for (let index = 0; index < 10; index += 1) {
      submitKioskRegistration(store, {
        socialInsuranceNumber: `480000${String(index).padStart(4, '0')}`,
        fullName: 'Lê Thị Hoa',
        dateOfBirth: '1990-05-01',
        sex: 'female',
        idDocument: {
          type: 'cccd',
          number: `04819000${String(index).padStart(4, '0')}`,
          issueDate: null,
          issuePlace: null,
        },
        address: 'Hải Châu, Đà Nẵng',
        phone: '0912345678',
        email: null,
        officeCode: office,
        guardian: null,
      });
    }
    eventsLimit = 3;
    const status = await newEngine().syncNow();
    expect(status.state).toBe('online');
    // 10 → 5 → 3 (refused twice), then batches of at most 3 until the outbox is empty.
    expect(pushedBatches).toEqual([3, 3, 3, 1]);
    const unsynced = store.read(
      () =>
        store
          .statement(`SELECT count(*) AS n FROM kiosk_registrations WHERE sync_state <> 'synced'`)
          .get() as {
          n: number;
        },
    );
    expect(unsynced.n).toBe(0);
  });

  it('fails the round when even one event is too large', async () => {
    submitKioskRegistration(store, {
      socialInsuranceNumber: '4800000001',
      fullName: 'Lê Thị Hoa',
      dateOfBirth: '1990-05-01',
      sex: 'female',
      idDocument: { type: 'cccd', number: '048190000001', issueDate: null, issuePlace: null },
      address: 'Hải Châu, Đà Nẵng',
      phone: '0912345678',
      email: null,
      officeCode: office,
      guardian: null,
    });
    eventsLimit = 0;
    const status = await newEngine().syncNow();
    expect(status.error?.code).toBe('sync-schema');
    expect(pushedBatches).toEqual([]);
  });
});
