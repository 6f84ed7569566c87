// Issue #4, the smaller recovery cases against the real central over loopback: a revoked device token,
// a central clock far from the counter's, and a whole push replayed.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../central/protocol/sync-protocol.ts';
import { startCentralServer, type CentralServer } from '../../central/server/start-central-server.ts';
import { findOutboxEvent, markDone, outboxBacklog } from '../../main/store/outbox-repository.ts';
import { findByCode } from '../../main/store/registrations-repository.ts';
import { getDeviceToken } from '../../main/store/sync-state-repository.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';
import {
  alternatingOutcome,
  decide,
  openCounter,
  pendingCodes,
  type Counter,
  type CounterOptions,
} from './support/counter-setup.ts';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.ts';
import {
  centralEventCount,
  centralEventsOf,
  expectDecisionsAtCentralExactlyOnce,
  localDecisions,
} from './support/sync-assertions.ts';

const office = '07921';
const officer = { officerId: 'cb-07921-1', counterId: 'QUAY-01' };
const hour = 60 * 60 * 1000;

let directory: ReturnType<typeof makeTemporaryDirectory>;
let central: CentralServer;
let proxy: FaultProxy;
/** How far the central's clock is from the real one (tests move it). */
let centralSkewMs = 0;
const opened: Counter[] = [];

beforeAll(async () => {
  directory = makeTemporaryDirectory('sync-recovery');
  central = await startCentralServer({
    databasePath: path.join(directory.path, 'central.db'),
    seedCount: 3000,
    now: () => new Date(Date.now() + centralSkewMs),
  });
  proxy = await startFaultProxy(central.url);
});

afterEach(async () => {
  centralSkewMs = 0;
  await proxy.set('pass');
  await Promise.all(opened.splice(0).map((counter) => counter.close()));
});

afterAll(async () => {
  await proxy?.close();
  await central?.close();
  directory?.remove();
});

async function syncedCounter(name: string, options: Partial<CounterOptions> = {}): Promise<Counter> {
  const counter = openCounter({
    databasePath: path.join(directory.path, `${name}.db`),
    centralUrl: proxy.url,
    officeCode: office,
    deviceName: `Quầy ${name}`,
    enrollmentCode: () => central.createEnrollmentCode(office),
    ...options,
  });
  opened.push(counter);
  expect(await counter.engine.syncNow()).toMatchObject({ state: 'online', error: null });
  return counter;
}

function decideSome(counter: Counter, count: number): string[] {
  return pendingCodes(counter.store, office, count).map(
    (code, index) => decide(counter.store, code, alternatingOutcome(index), officer).registrationCode,
  );
}

function deviceIdOf(counter: Counter): string {
  const deviceId = counter.deviceId();
  if (!deviceId) throw new Error('counter not enrolled');
  return deviceId;
}

describe('a revoked device token', () => {
  it('stops the sync with needs-attention (auth), keeps every decision, and a new enrollment pushes them once', async () => {
    const counter = await syncedCounter('revoked');
    const codes = decideSome(counter, 3);
    const eventsBefore = centralEventCount(central.database);
    expect(central.revokeDevice(deviceIdOf(counter))).toBe(true);

    const status = await counter.engine.syncNow();
    expect(status.state).toBe('needs-attention');
    expect(status.error).toMatchObject({ kind: 'auth', code: 'sync-auth' });
    expect(status.error?.message).toContain('token-revoked');
    expect(status.backlog).toBe(3);
    expect(outboxBacklog(counter.store).pending).toBe(3);
    for (const code of codes) expect(findByCode(counter.store, code)?.localState).toBe('decided-locally');
    expect(centralEventCount(central.database)).toBe(eventsBefore);

    await counter.engine.enroll(central.createEnrollmentCode(office));
    expect(await counter.engine.syncNow()).toMatchObject({ state: 'online', error: null, backlog: 0 });
    expectDecisionsAtCentralExactlyOnce(counter.store, central.database, codes);
    for (const code of codes) {
      expect(centralEventsOf(central.database, code).map((event) => event.deviceId)).toEqual([
        deviceIdOf(counter),
      ]);
    }
  });

  // KNOWN BUG (fails today, see the report of issue #4): the central applied the push but its answer
  // was lost; then the device was revoked and enrolled again. The retry carries the new device id
  // (sync-engine.ts toWireEvent), the central hashes the device id into the event's content
  // (process-event-batch.ts) and answers invalid/event-id-reused, and the engine marks the decisions
  // invalid (undone locally) although the central applied them.
  it('after a push whose answer was lost: the re-enrolled counter still agrees with the central', async () => {
    const counter = await syncedCounter('revoked-after-lost-answer');
    const codes = decideSome(counter, 2);
    await proxy.set('drop-after-commit', { times: 1 });
    expect(await counter.engine.syncNow()).toMatchObject({ state: 'offline', error: { kind: 'network' } });
    expect(codes.map((code) => centralEventsOf(central.database, code).length)).toEqual([1, 1]);
    central.revokeDevice(deviceIdOf(counter));
    await counter.engine.enroll(central.createEnrollmentCode(office));

    expect(await counter.engine.syncNow()).toMatchObject({ state: 'online', error: null, backlog: 0 });
    // The decisions are at the central (applied once, under the first device id); locally they must
    // not be reported as refused.
    expect(localDecisions(counter.store).map((row) => findOutboxEvent(counter.store, row.event_id))).toEqual(
      codes.map(() => expect.objectContaining({ state: 'done', lastErrorCode: null })),
    );
    expect(localDecisions(counter.store).map((row) => [row.registration_code, row.sync_state])).toEqual(
      codes.map((code) => [code, 'synced']),
    );
    expectDecisionsAtCentralExactlyOnce(counter.store, central.database, codes);
  });
});

describe('a central clock far from the counter’s', () => {
  it('central an hour ahead: clock warning with the measured offset; decisions are still accepted', async () => {
    const counter = await syncedCounter('central-ahead');
    const codes = decideSome(counter, 2);
    centralSkewMs = hour;
    const status = await counter.engine.syncNow();
    expect(status).toMatchObject({ state: 'online', clockWarning: true, backlog: 0 });
    expect(Math.abs(status.clockOffsetMs - hour)).toBeLessThan(5000);
    expectDecisionsAtCentralExactlyOnce(counter.store, central.database, codes);

    centralSkewMs = 0;
    expect(await counter.engine.syncNow()).toMatchObject({ clockWarning: false });
  });

  it('central an hour behind: clock warning, decisions wait (clock-skew) and go once the clocks agree', async () => {
    let engineSkewMs = 0;
    const counter = await syncedCounter('central-behind', {
      engineNow: () => new Date(Date.now() + engineSkewMs),
    });
    centralSkewMs = -hour;
    const codes = decideSome(counter, 3);
    const eventsBefore = centralEventCount(central.database);

    const status = await counter.engine.syncNow();
    expect(status.clockWarning).toBe(true);
    expect(Math.abs(status.clockOffsetMs + hour)).toBeLessThan(5000);
    expect(status.backlog).toBe(3);
    expect(centralEventCount(central.database)).toBe(eventsBefore);
    for (const { event_id: eventId, sync_state: syncState } of localDecisions(counter.store)) {
      expect(syncState).toBe('pending');
      expect(findOutboxEvent(counter.store, eventId)).toMatchObject({
        state: 'pending',
        lastErrorCode: 'clock-skew',
      });
    }

    // The clock is fixed; once the retry is due the events go through, each once.
    centralSkewMs = 0;
    engineSkewMs = 60_000;
    expect(await counter.engine.syncNow()).toMatchObject({
      state: 'online',
      backlog: 0,
      clockWarning: false,
    });
    expectDecisionsAtCentralExactlyOnce(counter.store, central.database, codes);
  });
});

describe('a whole push replayed', () => {
  it('changes nothing at the central, and its duplicate answers change nothing locally', async () => {
    const pushes: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/v1/events')) pushes.push(String(init.body));
      return fetch(input, init);
    };
    const counter = openCounter({
      databasePath: path.join(directory.path, 'replay.db'),
      centralUrl: proxy.url,
      officeCode: office,
      enrollmentCode: () => central.createEnrollmentCode(office),
      pushBatchSize: 3,
      fetch: recordingFetch,
    });
    opened.push(counter);
    expect((await counter.engine.syncNow()).state).toBe('online');
    const codes = decideSome(counter, 7);
    expect(await counter.engine.syncNow()).toMatchObject({ state: 'online', backlog: 0 });
    expect(pushes).toHaveLength(3); // 3 + 3 + 1
    const centralBefore = centralSnapshot();
    const localBefore = localSnapshot(counter);

    const token = getDeviceToken(counter.store) ?? '';
    for (const body of pushes) {
      const response = await fetch(`${central.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const { results } = (await response.json()) as PushResponse;
      expect(results.map((result) => [result.status, result.originalStatus])).toEqual(
        results.map(() => ['duplicate', 'accepted']),
      );
      // What the engine does with such answers: nothing moves, since those events are done.
      expect(
        markDone(
          counter.store,
          results.map((result) => ({ eventId: result.eventId, serverCode: result.registrationCode ?? null })),
        ),
      ).toBe(0);
    }
    expect(centralSnapshot()).toEqual(centralBefore);
    expect(localSnapshot(counter)).toEqual(localBefore);
    expectDecisionsAtCentralExactlyOnce(counter.store, central.database, codes);
  });
});

function centralSnapshot() {
  const db = central.database;
  return {
    registrations: db
      .prepare('SELECT count(*) AS n, max(seq) AS seq, sum(length(json)) AS bytes FROM registrations')
      .get(),
    events: db.prepare('SELECT count(*) AS n FROM events').get(),
    notifications: db.prepare('SELECT count(*) AS n, max(notification_id) AS last FROM notifications').get(),
  };
}

function localSnapshot(counter: Counter) {
  const db = counter.store.db;
  return {
    decisions: db.prepare('SELECT * FROM decisions ORDER BY event_id').all(),
    outbox: db.prepare('SELECT * FROM outbox ORDER BY seq').all(),
    registrations: db
      .prepare('SELECT code, server_seq, local_state, status FROM registrations ORDER BY code')
      .all(),
    audit: db.prepare('SELECT count(*) AS n FROM audit_log').get(),
  };
}
