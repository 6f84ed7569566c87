// Issue #4: two counters of the same office decide the SAME registration differently while cut off
// from the central. After the partition heals, exactly one decision is at the central (the first to
// reach it, whatever the device clocks say); the other counter shows a conflict naming the winning
// decision (outcome, officer, counter, time, device), shows the central's version of the registration,
// and keeps its own decision as history — nothing is silently overwritten.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decisionNotifications } from '../../central/notifications/decision-notifications.ts';
import { startCentralServer, type CentralServer } from '../../central/server/start-central-server.ts';
import type { Decision } from '../../main/core/registration/registration.ts';
import { listOpenConflicts, resolveConflict } from '../../main/store/conflicts-repository.ts';
import { recordDecision, type RecordedDecision } from '../../main/store/record-decision.ts';
import { findByCode } from '../../main/store/registrations-repository.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';
import { decide, openCounter, pendingCodes, type Counter } from './support/counter-setup.ts';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.ts';
import {
  centralEventsOf,
  centralNotificationCount,
  centralRegistration,
  expectDecisionsAtCentralExactlyOnce,
  integrityCheck,
  localDecisions,
} from './support/sync-assertions.ts';

const office = '07921';
const officerA = { officerId: 'cb-07921-1', counterId: 'QUAY-01' };
const officerB = { officerId: 'cb-07921-2', counterId: 'QUAY-02' };

let directory: ReturnType<typeof makeTemporaryDirectory>;
let central: CentralServer;
let proxy: FaultProxy;
const opened: Counter[] = [];

beforeAll(async () => {
  directory = makeTemporaryDirectory('two-counters');
  central = await startCentralServer({
    databasePath: path.join(directory.path, 'central.db'),
    seedCount: 3000,
  });
  proxy = await startFaultProxy(central.url);
});

afterEach(async () => {
  await proxy.set('pass');
  await Promise.all(opened.splice(0).map((counter) => counter.close()));
});

afterAll(async () => {
  await proxy?.close();
  await central?.close();
  directory?.remove();
});

interface Side {
  counter: Counter;
  officer: typeof officerA;
  recorded: RecordedDecision;
}

/**
 * Counters A and B, both enrolled and pulled; then the link goes down (both see 'offline') and each
 * decides `code`: A approves, B rejects. B's clock is a minute behind A's, so B decided "earlier".
 */
async function partitionedDecisions(label: string): Promise<{ a: Side; b: Side; code: string }> {
  const base = Date.now() - 10 * 60_000;
  const open = (name: string, now: () => Date) => {
    const counter = openCounter({
      databasePath: path.join(directory.path, `${label}-${name}.db`),
      centralUrl: proxy.url,
      officeCode: office,
      deviceName: `Quầy ${name}`,
      enrollmentCode: () => central.createEnrollmentCode(office),
      storeNow: now,
    });
    opened.push(counter);
    return counter;
  };
  const counterA = open('A', () => new Date(base + 60_000));
  const counterB = open('B', () => new Date(base));
  for (const counter of [counterA, counterB]) {
    expect(await counter.engine.syncNow()).toMatchObject({ state: 'online', error: null });
  }
  const [code] = pendingCodes(counterA.store, office, 1);
  if (!code) throw new Error('no pending registration left');
  expect(findByCode(counterB.store, code)?.registration.status).toBe('pending');

  await proxy.set('down');
  for (const counter of [counterA, counterB]) {
    expect(await counter.engine.syncNow()).toMatchObject({ state: 'offline', error: { kind: 'network' } });
  }
  const a = {
    counter: counterA,
    officer: officerA,
    recorded: decide(counterA.store, code, 'approved', officerA),
  };
  const b = {
    counter: counterB,
    officer: officerB,
    recorded: decide(counterB.store, code, 'rejected', officerB),
  };
  expect(b.recorded.decision.reasonCode).toBe('identity-mismatch');
  expect(b.recorded.decision.decidedAt < a.recorded.decision.decidedAt).toBe(true);
  await proxy.set('pass');
  return { a, b, code };
}

/** Exactly one decision at the central, the winner's; the loser shows the conflict and keeps its decision. */
function expectWinnerAndLoser(winner: Side, loser: Side, code: string): void {
  const won: Decision = winner.recorded.decision;
  const lost: Decision = loser.recorded.decision;

  // The central: the winner's decision, applied once (one accepted event, one set of notifications);
  // the loser's event is remembered as a conflict and changed nothing.
  const { registration } = centralRegistration(central.database, code);
  expect(registration.status).toBe(won.outcome);
  expect(registration.decision).toEqual(won);
  expect(centralEventsOf(central.database, code)).toEqual([
    expect.objectContaining({
      eventId: winner.recorded.eventId,
      deviceId: winner.counter.deviceId(),
      status: 'accepted',
    }),
    expect.objectContaining({
      eventId: loser.recorded.eventId,
      deviceId: loser.counter.deviceId(),
      status: 'conflict',
    }),
  ]);
  expect(centralNotificationCount(central.database, code)).toBe(
    decisionNotifications(registration, won.decidedAt).length,
  );

  // The winner: in sync, nothing to show.
  expect(listOpenConflicts(winner.counter.store)).toEqual([]);
  expectDecisionsAtCentralExactlyOnce(winner.counter.store, central.database, [code]);

  // The loser: one open conflict naming who decided what and when, on which device.
  const { store } = loser.counter;
  expect(listOpenConflicts(store)).toEqual([
    expect.objectContaining({
      registrationCode: code,
      eventId: loser.recorded.eventId,
      ours: lost,
      winner: {
        status: won.outcome,
        decision: won,
        decidedBy: {
          deviceId: winner.counter.deviceId(),
          officerId: winner.officer.officerId,
          counterId: winner.officer.counterId,
        },
        decidedAt: won.decidedAt,
        withdrawalReason: null,
      },
      resolvedAt: null,
    }),
  ]);
  // It shows the central's version (the winner's decision) after the pull …
  const local = findByCode(store, code);
  expect(local?.registration).toEqual(registration);
  expect(local?.localState).toBe('conflict');
  // … and its own decision is still there, marked, with its outbox row and its audit trail.
  expect(localDecisions(store)).toEqual([
    expect.objectContaining({
      event_id: loser.recorded.eventId,
      registration_code: code,
      outcome: lost.outcome,
      officer_id: lost.officerId,
      counter_id: lost.counterId,
      decided_at: lost.decidedAt,
      sync_state: 'conflict',
    }),
  ]);
  expect(store.db.prepare('SELECT state FROM outbox WHERE event_id = ?').get(loser.recorded.eventId)).toEqual(
    {
      state: 'conflict',
    },
  );
  const actions = store.db
    .prepare('SELECT action FROM audit_log WHERE subject = ? ORDER BY id')
    .pluck()
    .all(code);
  expect(actions).toEqual(['decision.recorded', 'decision.conflict']);
  expect(loser.counter.engine.status).toMatchObject({ state: 'online', backlog: 0, openConflicts: 1 });
  expect(integrityCheck(store.db)).toBe('ok');
  expect(integrityCheck(central.database)).toBe('ok');
}

describe('two counters decide the same registration while partitioned', () => {
  it('A syncs first: A wins although B decided earlier by the clock; B shows the conflict', async () => {
    const { a, b, code } = await partitionedDecisions('a-first');
    expect(await a.counter.engine.syncNow()).toMatchObject({ state: 'online', openConflicts: 0 });
    expect(await b.counter.engine.syncNow()).toMatchObject({ state: 'online', openConflicts: 1 });
    expectWinnerAndLoser(a, b, code);

    // The officer at B cannot decide it again, and acknowledging the conflict keeps the history.
    const again = recordDecision(b.counter.store, {
      registrationCode: code,
      outcome: 'rejected',
      reasonCode: 'other',
      note: 'thử lại',
      ...officerB,
      override: false,
    });
    expect(again.ok ? null : again.error.code).toBe('already-decided');
    const [conflict] = listOpenConflicts(b.counter.store);
    expect(resolveConflict(b.counter.store, conflict?.id ?? -1, officerB.officerId).ok).toBe(true);
    expect(listOpenConflicts(b.counter.store)).toEqual([]);
    expect(findByCode(b.counter.store, code)?.localState).toBe('synced');
    expect(localDecisions(b.counter.store).map((row) => row.sync_state)).toEqual(['conflict']);
  });

  it('B syncs first: B’s rejection wins; A shows the conflict with the reason', async () => {
    const { a, b, code } = await partitionedDecisions('b-first');
    expect(await b.counter.engine.syncNow()).toMatchObject({ state: 'online', openConflicts: 0 });
    expect(await a.counter.engine.syncNow()).toMatchObject({ state: 'online', openConflicts: 1 });
    expectWinnerAndLoser(b, a, code);
    expect(listOpenConflicts(a.counter.store)[0]?.winner.decision?.reasonCode).toBe('identity-mismatch');
  });

  it('both sync at the same moment: exactly one wins, the other shows the conflict', async () => {
    const { a, b, code } = await partitionedDecisions('together');
    // The central applies one push at a time; the loser's pull follows its own (refused) push, so one
    // round each is enough for both to show the winning version.
    await Promise.all([a.counter.engine.syncNow(), b.counter.engine.syncNow()]);
    const winnerCounter = centralRegistration(central.database, code).registration.decision?.counterId;
    const [winner, loser] = winnerCounter === officerA.counterId ? [a, b] : [b, a];
    expectWinnerAndLoser(winner, loser, code);
  });

  it('the answer carrying the conflict is lost: the retry’s duplicate records it once', async () => {
    const { a, b, code } = await partitionedDecisions('lost-answer');
    expect(await a.counter.engine.syncNow()).toMatchObject({ state: 'online' });
    await proxy.set('drop-after-commit', {
      only: ({ method, path: requestPath }) => method === 'POST' && requestPath === '/v1/events',
      times: 1,
    });
    expect(await b.counter.engine.syncNow()).toMatchObject({ state: 'offline', error: { kind: 'network' } });
    expect(listOpenConflicts(b.counter.store)).toEqual([]);
    expect(centralEventsOf(central.database, code).map((event) => event.status)).toEqual([
      'accepted',
      'conflict',
    ]);
    expect(await b.counter.engine.syncNow()).toMatchObject({ state: 'online', openConflicts: 1 });
    expectWinnerAndLoser(a, b, code);
  });
});
