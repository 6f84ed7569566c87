import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../core/registration/registration.ts';
import { listAudit } from './audit-log.ts';
import { findKioskRegistration, submitKioskRegistration } from './kiosk-registrations-repository.ts';
import { findOutboxEvent, markConflict, markDone } from './outbox-repository.ts';
import { purgeExpired } from './purge-expired.ts';
import { recordDecision } from './record-decision.ts';
import { findByCode, findByIdNumber, searchByName, upsertFromCentral } from './registrations-repository.ts';
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
  clock = testClock('2026-01-01T03:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const decision: Decision = {
  outcome: 'approved',
  reasonCode: null,
  note: 'Khớp đủ giấy tờ',
  officerId: 'cb01',
  counterId: 'q1',
  decidedAt: '2026-01-01T03:00:00.000Z',
  override: false,
};
let seq = 0;
const pull = (code: string, status: 'pending' | 'approved' | 'expired') =>
  upsertFromCentral(
    store,
    [
      {
        seq: (seq += 1),
        registration: makeRegistration({ code, status, decision: status === 'approved' ? decision : null }),
      },
    ],
    { officeCode: '07921', seq },
  );

describe('purgeExpired', () => {
  it('erases personal data of registrations decided long ago, keeping a tombstone', () => {
    pull('DK-OLD', 'pending');
    const ours = recordDecision(store, {
      registrationCode: 'DK-OLD',
      outcome: 'approved',
      reasonCode: null,
      note: 'Ghi chú có tên người',
      officerId: 'cb01',
      counterId: 'q1',
      override: true,
    });
    if (!ours.ok) throw ours.error;
    markDone(store, [{ eventId: ours.value.eventId }]);
    pull('DK-OLD', 'approved');
    pull('DK-EXPIRED', 'expired');
    pull('DK-PENDING', 'pending');
    clock.advanceDays(60);
    pull('DK-RECENT', 'approved');
    clock.advanceDays(31); // 91 days after the first pulls, 31 after DK-RECENT

    expect(purgeExpired(store)).toEqual({
      registrations: 2,
      kioskRegistrations: 0,
      outboxRows: 1,
      printJobs: 0,
    });
    expect(findByCode(store, 'DK-OLD')).toBeNull();
    expect(findByCode(store, 'DK-EXPIRED')).toBeNull();
    expect(findByCode(store, 'DK-PENDING')).not.toBeNull();
    expect(findByCode(store, 'DK-RECENT')).not.toBeNull();
    expect(findByIdNumber(store, '079092004321')).toHaveLength(2);
    expect(searchByName(store, 'trinh quang vinh')).toHaveLength(2);

    const tombstone = store.db.prepare(`SELECT * FROM registrations WHERE code = 'DK-OLD'`).get();
    expect(tombstone).toMatchObject({
      json: null,
      id_number: null,
      name_search_key: null,
      status: 'approved',
    });
    expect(store.db.prepare(`SELECT note FROM decisions`).all()).toEqual([{ note: null }]);
    expect(findOutboxEvent(store, ours.value.eventId)).toBeNull();
    expect(listAudit(store)[0]).toMatchObject({ action: 'retention.purged', details: { registrations: 2 } });

    // An older version replayed by the central cannot bring the data back; a newer one can.
    upsertFromCentral(store, [{ seq: 1, registration: makeRegistration({ code: 'DK-OLD' }) }], {
      officeCode: '07921',
      seq: 1,
    });
    expect(findByCode(store, 'DK-OLD')).toBeNull();
    expect(purgeExpired(store)).toEqual({
      registrations: 0,
      kioskRegistrations: 0,
      outboxRows: 0,
      printJobs: 0,
    });
  });

  it('never purges what is not settled: a pending decision or an open conflict', () => {
    pull('DK-1', 'pending');
    pull('DK-2', 'pending');
    const decide = (code: string) => {
      const result = recordDecision(store, {
        registrationCode: code,
        outcome: 'approved',
        reasonCode: null,
        note: null,
        officerId: 'cb01',
        counterId: 'q1',
        override: false,
      });
      if (!result.ok) throw result.error;
      return result.value.eventId;
    };
    decide('DK-1');
    const lost = decide('DK-2');
    markConflict(store, lost, {
      status: 'approved',
      decision: { ...decision, officerId: 'cb09' },
      decidedBy: { deviceId: null, officerId: null, counterId: null },
      decidedAt: decision.decidedAt,
      withdrawalReason: null,
    });
    pull('DK-1', 'approved');
    pull('DK-2', 'approved');
    clock.advanceDays(400);
    expect(purgeExpired(store).registrations).toBe(0);
    expect(findByCode(store, 'DK-1')?.localState).toBe('decided-locally');
    expect(findByCode(store, 'DK-2')?.localState).toBe('conflict');
  });

  it('drops kiosk payloads once synced and older than the retention, never before', () => {
    submitKioskRegistration(store, { fullName: 'Lê Thị Hoa' }, { localRef: 'K-SYNCED', eventId: 'ev-1' });
    submitKioskRegistration(store, { fullName: 'Phạm Đức Anh' }, { localRef: 'K-WAITING', eventId: 'ev-2' });
    markDone(store, [{ eventId: 'ev-1', serverCode: 'DK-9' }]);
    clock.advanceDays(6);
    expect(purgeExpired(store).kioskRegistrations).toBe(0);
    clock.advanceDays(2);
    expect(purgeExpired(store)).toEqual({
      registrations: 0,
      kioskRegistrations: 1,
      outboxRows: 1,
      printJobs: 0,
    });
    expect(findKioskRegistration(store, 'K-SYNCED')).toMatchObject({ payload: null, serverCode: 'DK-9' });
    expect(findKioskRegistration(store, 'K-WAITING')?.payload).toEqual({ fullName: 'Phạm Đức Anh' });
    expect(findOutboxEvent(store, 'ev-2')?.state).toBe('pending');
  });
});
