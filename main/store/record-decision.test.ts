import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision, Registration } from '../core/registration/registration.ts';
import { listAudit } from './audit-log.ts';
import { markConflict, markInvalid, nextBatch } from './outbox-repository.ts';
import { recordDecision, type DecisionInput } from './record-decision.ts';
import { findByCode, upsertFromCentral } from './registrations-repository.ts';
import { makeRegistration, openTestStore, tempDir, testClock, type TempDir } from './store-test-helpers.ts';
import type { Store } from './store.ts';

let temp: TempDir;
let store: Store;
beforeEach(() => {
  temp = tempDir();
  store = openTestStore(temp.file('store.sqlite'), { now: testClock('2026-11-20T03:30:00.000Z').now });
  upsertFromCentral(store, [{ seq: 1, registration: makeRegistration({ code: 'DK-1' }) }], {
    officeCode: '07921',
    seq: 1,
  });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const approve: DecisionInput = {
  registrationCode: 'DK-1',
  outcome: 'approved',
  reasonCode: null,
  note: null,
  officerId: 'cb01',
  counterId: 'q1',
  override: false,
};

const fact = (code: string) =>
  store.db
    .prepare(
      `SELECT outcome, officer_id, counter_id, override, decided_at, scanned_at, decision_source
       FROM report_facts WHERE code = ?`,
    )
    .get(code);

const count = (table: string) =>
  (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('recordDecision', () => {
  it('writes the decision, the local state, the audit entry and the outbox row together', () => {
    const result = recordDecision(
      store,
      { ...approve, override: true, note: 'Tên trên thẻ thiếu dấu' },
      { eventId: 'ev-1' },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        eventId: 'ev-1',
        registrationCode: 'DK-1',
        decision: {
          outcome: 'approved',
          reasonCode: null,
          note: 'Tên trên thẻ thiếu dấu',
          officerId: 'cb01',
          counterId: 'q1',
          decidedAt: '2026-11-20T03:30:00.000Z',
          override: true,
        },
      },
    });
    const stored = findByCode(store, 'DK-1');
    expect(stored?.localState).toBe('decided-locally');
    expect(stored?.localDecision).toMatchObject({ eventId: 'ev-1', syncState: 'pending', override: true });
    expect(nextBatch(store, 10)).toEqual([
      {
        eventId: 'ev-1',
        type: 'decision',
        payload: { registrationCode: 'DK-1', decision: result.ok ? result.value.decision : null },
        createdAt: '2026-11-20T03:30:00.000Z',
        attempts: 0,
        lastErrorCode: null,
      },
    ]);
    const [audit] = listAudit(store, { subject: 'DK-1' });
    // One action for every decision: an override is the flag in the details (no note text in them).
    expect(audit).toMatchObject({ actor: 'cb01', action: 'decision.recorded' });
    expect(audit?.details).toEqual({
      eventId: 'ev-1',
      outcome: 'approved',
      reasonCode: null,
      counterId: 'q1',
      override: true,
    });
  });

  it('keeps the scan time with the decision and its report fact', () => {
    recordDecision(store, { ...approve, scannedAt: '2026-11-20T10:28:30+07:00' }, { eventId: 'ev-1' });
    const decision = store.db.prepare(`SELECT scanned_at FROM decisions WHERE event_id = 'ev-1'`).get();
    expect(decision).toEqual({ scanned_at: '2026-11-20T03:28:30.000Z' });
    expect(fact('DK-1')).toEqual({
      outcome: 'approved',
      officer_id: 'cb01',
      counter_id: 'q1',
      override: 0,
      decided_at: '2026-11-20T03:30:00.000Z',
      scanned_at: '2026-11-20T03:28:30.000Z',
      decision_source: 'this-device',
    });
  });

  it('takes the fact back when the decision stops standing (refused for good, or lost)', () => {
    recordDecision(store, approve, { eventId: 'ev-1' });
    markInvalid(store, 'ev-1', 'invalid-decision');
    expect(fact('DK-1')).toMatchObject({ outcome: null, decision_source: null });

    recordDecision(store, { ...approve, outcome: 'rejected', reasonCode: 'other' }, { eventId: 'ev-2' });
    expect(fact('DK-1')).toMatchObject({ outcome: 'rejected', decision_source: 'this-device' });
    markConflict(store, 'ev-2', {
      status: 'approved',
      decision: {
        ...approve,
        reasonCode: null,
        officerId: 'cb02',
        counterId: 'q2',
        decidedAt: '2026-11-20T03:00:00.000Z',
      },
      decidedBy: { deviceId: null, officerId: 'cb02', counterId: 'q2' },
      decidedAt: '2026-11-20T03:00:00.000Z',
      withdrawalReason: null,
    });
    expect(fact('DK-1')).toMatchObject({ outcome: null, decision_source: null });
  });

  it('leaves nothing behind when the outbox insert fails', () => {
    store.db.exec(
      `CREATE TEMP TRIGGER outbox_fails BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    expect(() => recordDecision(store, approve)).toThrow(
      expect.objectContaining({ code: 'store-constraint' }),
    );
    expect(count('decisions')).toBe(0);
    expect(count('outbox')).toBe(0);
    expect(count('audit_log')).toBe(0);
    expect(findByCode(store, 'DK-1')?.localState).toBe('synced');
    store.db.exec('DROP TRIGGER temp.outbox_fails');
    expect(recordDecision(store, approve).ok).toBe(true);
  });

  it('refuses a second decision here, naming who decided what and when', () => {
    expect(recordDecision(store, approve).ok).toBe(true);
    const second = recordDecision(store, {
      ...approve,
      outcome: 'rejected',
      reasonCode: 'other',
      officerId: 'cb02',
    });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('already-decided');
    expect(second.error.details?.existing).toEqual({
      outcome: 'approved',
      officerId: 'cb01',
      counterId: 'q1',
      decidedAt: '2026-11-20T03:30:00.000Z',
      source: 'this-device',
    });
    expect(second.error.message).toBe(
      'Hồ sơ DK-1 đã được cán bộ cb01 (quầy q1) duyệt lúc 10:30 20/11/2026 trên máy này.',
    );
    expect(count('decisions')).toBe(1);
    expect(count('outbox')).toBe(1);
  });

  it('refuses a registration the central service shows decided elsewhere', () => {
    const winner: Decision = {
      outcome: 'rejected',
      reasonCode: 'identity-not-confirmed',
      note: null,
      officerId: 'cb09',
      counterId: 'q7',
      decidedAt: '2026-11-20T01:00:00Z',
      override: false,
    };
    upsertFromCentral(
      store,
      [{ seq: 2, registration: makeRegistration({ code: 'DK-1', status: 'rejected', decision: winner }) }],
      { officeCode: '07921', seq: 2 },
    );
    const result = recordDecision(store, approve);
    expect(result.ok || result.error.details).toMatchObject({
      existing: { officerId: 'cb09', source: 'central' },
    });
    expect(count('outbox')).toBe(0);
  });

  it('refuses withdrawn registrations and unknown codes', () => {
    const withdrawn: Registration = makeRegistration({ code: 'DK-1', status: 'withdrawn' });
    upsertFromCentral(store, [{ seq: 2, registration: withdrawn }], { officeCode: '07921', seq: 2 });
    const notPending = recordDecision(store, approve);
    expect(notPending.ok || notPending.error.code).toBe('registration-not-pending');
    const unknown = recordDecision(store, { ...approve, registrationCode: 'DK-404' });
    expect(unknown.ok || unknown.error.code).toBe('registration-not-found');
  });

  it('rejects an invalid decision before touching the database', () => {
    expect(() => recordDecision(store, { ...approve, officerId: '' })).toThrow();
    expect(count('decisions')).toBe(0);
  });
});
