import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertFromCentral } from './registrations-repository.ts';
import {
  dropCounterDataOnKiosk,
  findKioskStatusByCard,
  findKioskStatusByCode,
  upsertKioskStatusIndex,
} from './kiosk-status-index.ts';
import { makeRegistration, openTestStore, tempDir, type TempDir } from './store-test-helpers.ts';
import type { Store } from './store.ts';
import { getPullCursor } from './sync-state-repository.ts';

// A kiosk's copy of the office's registrations holds no name, number or contact in the clear.

let temp: TempDir;
let store: Store;
const registration = makeRegistration({
  code: 'DK-07921-2026-000321',
  fullName: 'Trịnh Quang Vĩnh',
  socialInsuranceNumber: '7912345678',
  phone: '0903123456',
  email: 'vinh@example.vn',
  idDocument: { type: 'cccd', number: '079092004321', issueDate: null, issuePlace: null },
  status: 'pending',
});

beforeEach(() => {
  temp = tempDir();
  store = openTestStore(temp.file('store.sqlite'));
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe('the kiosk status index', () => {
  it('keeps the status, a masked name and keyed numbers only, and moves the pull cursor', () => {
    upsertKioskStatusIndex(store, [{ seq: 5, registration, kioskReference: 'KS-7K3Q-X9PM-A2B4' }], {
      officeCode: '07921',
      seq: 5,
    });
    const dump = JSON.stringify(store.read(() => store.statement('SELECT * FROM kiosk_status_index').all()));
    for (const secret of ['Trịnh', 'Vĩnh', '079092004321', '7912345678', '0903123456', 'vinh@example.vn'])
      expect(dump).not.toContain(secret);
    expect(dump).toContain('T**** Q**** V***');
    expect(getPullCursor(store, '07921')).toBe(5);
  });

  it('finds a registration by a scanned card’s numbers, by its code and by its kiosk reference', () => {
    upsertKioskStatusIndex(store, [{ seq: 1, registration, kioskReference: 'KS-7K3Q-X9PM-A2B4' }], {
      officeCode: '07921',
      seq: 1,
    });
    const card = { idNumber: '079092004321', oldIdNumber: null, socialInsuranceNumber: null };
    expect(findKioskStatusByCard(store, card).map((row) => row.code)).toEqual(['DK-07921-2026-000321']);
    expect(
      findKioskStatusByCard(store, {
        idNumber: null,
        oldIdNumber: null,
        socialInsuranceNumber: '7912345678',
      }),
    ).toHaveLength(1);
    expect(findKioskStatusByCard(store, { ...card, idNumber: '079092004322' })).toEqual([]);
    expect(findKioskStatusByCode(store, 'DK-07921-2026-000321')?.status).toBe('pending');
    expect(findKioskStatusByCode(store, 'KS-7K3Q-X9PM-A2B4')?.code).toBe('DK-07921-2026-000321');
  });

  it('never lets an older version replace a newer one', () => {
    const approved = {
      ...registration,
      status: 'approved' as const,
      decision: {
        outcome: 'approved' as const,
        reasonCode: null,
        note: null,
        officerId: 'cb-07921-1',
        counterId: 'Q01',
        decidedAt: '2026-11-30T03:00:00.000Z',
        override: false,
      },
    };
    upsertKioskStatusIndex(store, [{ seq: 9, registration: approved }], { officeCode: '07921', seq: 9 });
    upsertKioskStatusIndex(store, [{ seq: 3, registration }], { officeCode: '07921', seq: 9 });
    expect(findKioskStatusByCode(store, registration.code)).toMatchObject({
      status: 'approved',
      decidedAt: '2026-11-30T03:00:00.000Z',
    });
  });

  it('drops what an earlier version pulled as a counter, and starts the pull again', () => {
    upsertFromCentral(store, [{ seq: 7, registration }], { officeCode: '07921', seq: 7 });
    expect(dropCounterDataOnKiosk(store, '07921')).toBe(true);
    expect(store.read(() => store.statement('SELECT count(*) AS n FROM registrations').get())).toEqual({
      n: 0,
    });
    expect(getPullCursor(store, '07921')).toBe(0);
    expect(dropCounterDataOnKiosk(store, '07921')).toBe(false);
  });
});
