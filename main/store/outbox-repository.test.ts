import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../core/registration/registration.ts';
import { listAudit } from './audit-log.ts';
import {
  conflictsOfRegistration,
  countOpenConflicts,
  listOpenConflicts,
  resolveConflict,
} from './conflicts-repository.ts';
import { findKioskRegistration, submitKioskRegistration } from './kiosk-registrations-repository.ts';
import {
  findOutboxEvent,
  markConflict,
  markDone,
  markInvalid,
  nextBatch,
  outboxBacklog,
  outboxOverview,
  scheduleRetry,
} from './outbox-repository.ts';
import type { ConflictWinner } from '../core/registration/conflict-winner.ts';
import { recordDecision } from './record-decision.ts';
import { findByCode, upsertFromCentral } from './registrations-repository.ts';
import {
  makeRegistration,
  openTestStore,
  tempDir,
  testClock,
  type TempDir,
  type TestClock,
} from './store-test-helpers.ts';
import type { Store } from './store.ts';

let temp: TempDir;
let clock: TestClock;
let store: Store;
beforeEach(() => {
  temp = tempDir();
  clock = testClock('2026-11-20T03:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
  upsertFromCentral(
    store,
    ['DK-1', 'DK-2', 'DK-3'].map((code, index) => ({
      seq: index + 1,
      registration: makeRegistration({ code }),
    })),
    { officeCode: '07921', seq: 3 },
  );
});
afterEach(() => {
  store.close();
  temp.remove();
});

function decide(code: string, eventId: string, officerId = 'cb01') {
  const result = recordDecision(
    store,
    {
      registrationCode: code,
      outcome: 'approved',
      reasonCode: null,
      note: null,
      officerId,
      counterId: 'q1',
      override: false,
    },
    { eventId },
  );
  if (!result.ok) throw result.error;
  return result.value;
}

const winningDecision: Decision = {
  outcome: 'rejected',
  reasonCode: 'identity-mismatch',
  note: null,
  officerId: 'cb09',
  counterId: 'q7',
  decidedAt: '2026-11-20T02:45:00.000Z',
  override: false,
};
const winner: ConflictWinner = {
  status: 'rejected',
  decision: winningDecision,
  decidedBy: { deviceId: 'device-9', officerId: 'cb09', counterId: 'q7' },
  decidedAt: '2026-11-20T02:45:00.000Z',
  withdrawalReason: null,
};

describe('outbox', () => {
  it('hands out pending events in insertion order, due ones only', () => {
    decide('DK-2', 'ev-b');
    clock.set('2026-11-20T02:00:00.000Z'); // the device clock went back: order must not change
    decide('DK-1', 'ev-a');
    expect(nextBatch(store, 10).map((event) => event.eventId)).toEqual(['ev-b', 'ev-a']);
    expect(nextBatch(store, 1).map((event) => event.eventId)).toEqual(['ev-b']);

    clock.set('2026-11-20T04:00:00.000Z');
    scheduleRetry(store, ['ev-b'], 'network', new Date('2026-11-20T04:05:00.000Z'));
    expect(nextBatch(store, 10).map((event) => event.eventId)).toEqual(['ev-a']);
    expect(nextBatch(store, 10, new Date('2026-11-20T04:05:00.000Z')).map((event) => event.eventId)).toEqual([
      'ev-b',
      'ev-a',
    ]);
    expect(findOutboxEvent(store, 'ev-b')).toMatchObject({
      attempts: 1,
      lastErrorCode: 'network',
      state: 'pending',
    });
    expect(outboxBacklog(store)).toEqual({ pending: 2, oldestCreatedAt: '2026-11-20T02:00:00.000Z' });
  });

  it('never lets a clock that went back hold retries for hours', () => {
    decide('DK-1', 'ev-a');
    clock.set('2026-11-20T04:00:00.000Z');
    scheduleRetry(store, ['ev-a'], 'network', new Date('2026-11-21T04:00:00.000Z')); // clamped to +1 h
    expect(nextBatch(store, 10, new Date('2026-11-20T04:59:00.000Z'))).toEqual([]);
    expect(nextBatch(store, 10, new Date('2026-11-20T05:00:00.000Z'))).toHaveLength(1);
    clock.set('2026-11-20T01:00:00.000Z'); // the clock jumped back three hours
    expect(nextBatch(store, 10)).toHaveLength(1);
  });

  it('marks accepted decisions done; the registration is synced once the server shows it decided', () => {
    decide('DK-1', 'ev-1');
    expect(markDone(store, [{ eventId: 'ev-1' }, { eventId: 'unknown' }])).toBe(1);
    expect(markDone(store, [{ eventId: 'ev-1' }])).toBe(0); // a repeated answer changes nothing
    expect(findOutboxEvent(store, 'ev-1')).toMatchObject({ state: 'done', attempts: 1 });
    expect(nextBatch(store, 10)).toEqual([]);
    let stored = findByCode(store, 'DK-1');
    expect(stored?.localState).toBe('decided-locally');
    expect(stored?.localDecision?.syncState).toBe('synced');

    const decided = makeRegistration({
      code: 'DK-1',
      status: 'approved',
      decision: {
        ...winningDecision,
        outcome: 'approved',
        reasonCode: null,
        officerId: 'cb01',
        counterId: 'q1',
      },
    });
    upsertFromCentral(store, [{ seq: 10, registration: decided }], { officeCode: '07921', seq: 10 });
    stored = findByCode(store, 'DK-1');
    expect(stored?.localState).toBe('synced');
    expect(stored?.registration.status).toBe('approved');
  });

  it('marks a decision done after the pull already brought it (response lost, retry)', () => {
    decide('DK-1', 'ev-1');
    const decided = makeRegistration({
      code: 'DK-1',
      status: 'approved',
      decision: { ...winningDecision, outcome: 'approved' },
    });
    upsertFromCentral(store, [{ seq: 10, registration: decided }], { officeCode: '07921', seq: 10 });
    expect(findByCode(store, 'DK-1')?.localState).toBe('decided-locally');
    markDone(store, [{ eventId: 'ev-1' }]);
    expect(findByCode(store, 'DK-1')?.localState).toBe('synced');
  });

  it('turns a refused decision into a conflict showing both sides, overwriting nothing', () => {
    decide('DK-1', 'ev-1');
    clock.set('2026-11-20T03:10:00.000Z');
    const conflictId = markConflict(store, 'ev-1', winner);
    expect(conflictId).toBeTypeOf('number');
    expect(markConflict(store, 'ev-1', winner)).toBeNull();
    expect(findOutboxEvent(store, 'ev-1')).toMatchObject({ state: 'conflict', lastErrorCode: 'conflict' });
    const stored = findByCode(store, 'DK-1');
    expect(stored?.localState).toBe('conflict');
    expect(stored?.localDecision).toBeNull();

    expect(countOpenConflicts(store)).toBe(1);
    const [conflict] = listOpenConflicts(store);
    expect(conflict).toMatchObject({
      id: conflictId,
      registrationCode: 'DK-1',
      eventId: 'ev-1',
      ours: {
        outcome: 'approved',
        officerId: 'cb01',
        counterId: 'q1',
        decidedAt: '2026-11-20T03:00:00.000Z',
      },
      winner,
      detectedAt: '2026-11-20T03:10:00.000Z',
      resolvedAt: null,
    });
    expect(listAudit(store, { subject: 'DK-1' })[0]).toMatchObject({
      actor: 'sync',
      action: 'decision.conflict',
    });

    // Deciding again is refused while the conflict is open.
    const again = recordDecision(store, {
      registrationCode: 'DK-1',
      outcome: 'approved',
      reasonCode: null,
      note: null,
      officerId: 'cb01',
      counterId: 'q1',
      override: false,
    });
    expect(again.ok || again.error.code).toBe('already-decided');

    const resolved = resolveConflict(store, conflictId as number, 'cb05');
    expect(resolved.ok && resolved.value.resolvedBy).toBe('cb05');
    expect(listOpenConflicts(store)).toEqual([]);
    expect(countOpenConflicts(store)).toBe(0);
    expect(conflictsOfRegistration(store, 'DK-1')).toHaveLength(1);
    expect(findByCode(store, 'DK-1')?.localState).toBe('synced');
    const twice = resolveConflict(store, conflictId as number, 'cb05');
    expect(twice.ok || twice.error.code).toBe('conflict-not-found');
  });

  it('records a withdrawal that won over a local decision', () => {
    decide('DK-3', 'ev-3');
    const withdrawal: ConflictWinner = {
      status: 'withdrawn',
      decision: null,
      decidedBy: { deviceId: null, officerId: null, counterId: null },
      decidedAt: '2026-11-20T02:50:00.000Z',
      withdrawalReason: 'Công dân xin rút hồ sơ',
    };
    const id = markConflict(store, 'ev-3', withdrawal);
    expect(conflictsOfRegistration(store, 'DK-3')).toEqual([
      expect.objectContaining({ id, winner: withdrawal }),
    ]);
    expect(() => markConflict(store, 'ev-3', { ...withdrawal, status: 'lost' as 'withdrawn' })).toThrow();
  });

  it('undoes a decision the central refused for good, so it can be decided again', () => {
    decide('DK-1', 'ev-1');
    expect(markInvalid(store, 'ev-1', 'schema')).toBe(true);
    expect(markInvalid(store, 'ev-1', 'schema')).toBe(false);
    expect(findOutboxEvent(store, 'ev-1')).toMatchObject({ state: 'invalid', lastErrorCode: 'schema' });
    expect(findByCode(store, 'DK-1')).toMatchObject({ localState: 'synced', localDecision: null });
    decide('DK-1', 'ev-2');
    expect(findByCode(store, 'DK-1')?.localDecision?.eventId).toBe('ev-2');
  });

  it('carries kiosk registrations: done stores the server code, invalid flags it', () => {
    const first = submitKioskRegistration(
      store,
      { fullName: 'Lê Thị Hoa' },
      { localRef: 'K-1', eventId: 'ev-k1' },
    );
    submitKioskRegistration(store, { fullName: 'Phạm Đức Anh' }, { localRef: 'K-2', eventId: 'ev-k2' });
    expect(first).toMatchObject({
      localRef: 'K-1',
      syncState: 'pending',
      payload: { fullName: 'Lê Thị Hoa' },
    });
    expect(nextBatch(store, 10)).toEqual([
      expect.objectContaining({
        eventId: 'ev-k1',
        type: 'kiosk-registration',
        payload: { fullName: 'Lê Thị Hoa', localReference: 'K-1' },
      }),
      expect.objectContaining({ eventId: 'ev-k2' }),
    ]);
    markDone(store, [{ eventId: 'ev-k1', serverCode: 'DK-07921-2026-000999' }]);
    markInvalid(store, 'ev-k2', 'schema');
    expect(findKioskRegistration(store, 'K-1')).toMatchObject({
      syncState: 'synced',
      serverCode: 'DK-07921-2026-000999',
      syncedAt: '2026-11-20T03:00:00.000Z',
    });
    expect(findKioskRegistration(store, 'K-2')?.syncState).toBe('invalid');
    expect(() => markConflict(store, 'ev-k2', winner)).not.toThrow(); // finished: ignored
  });

  it('shows the administration each state, the oldest waiting event and the newest rows, never a payload', () => {
    decide('DK-1', 'ev-a');
    clock.set('2026-11-20T03:10:00.000Z');
    decide('DK-2', 'ev-b');
    submitKioskRegistration(store, { fullName: 'Lê Thị Hoa' }, { localRef: 'K-1', eventId: 'ev-k1' });
    decide('DK-3', 'ev-c');
    markDone(store, [{ eventId: 'ev-a' }]);
    markInvalid(store, 'ev-c', 'schema');

    const all = outboxOverview(store, { state: null, limit: 10 });
    expect(all.counts).toEqual({ pending: 2, done: 1, conflict: 0, invalid: 1 });
    // The oldest WAITING one: ev-a is older but sent.
    expect(all.oldestPendingAt).toBe('2026-11-20T03:10:00.000Z');
    expect(all.oldestPendingAt).toBe(outboxBacklog(store).oldestCreatedAt);
    expect(all.items.map((item) => [item.eventId, item.subject, item.state])).toEqual([
      ['ev-c', 'DK-3', 'invalid'],
      ['ev-k1', 'K-1', 'pending'],
      ['ev-b', 'DK-2', 'pending'],
      ['ev-a', 'DK-1', 'done'],
    ]);
    expect(JSON.stringify(all)).not.toContain('Lê Thị Hoa');
    expect(all.items[0]).toMatchObject({ lastErrorCode: 'schema', attempts: 1 });

    const pending = outboxOverview(store, { state: 'pending', limit: 1 });
    expect(pending.items.map((item) => item.eventId)).toEqual(['ev-k1']);
    expect(pending.counts).toEqual(all.counts);
    markDone(store, [{ eventId: 'ev-b' }, { eventId: 'ev-k1' }]);
    expect(outboxOverview(store, { state: 'pending', limit: 5 })).toMatchObject({
      counts: { pending: 0, done: 3 },
      oldestPendingAt: null,
      items: [],
    });
  });
});
