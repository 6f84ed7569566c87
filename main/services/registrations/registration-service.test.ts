import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listArgumentsSchema,
  registrationOperations,
  type ListArguments,
} from '../../../preload/contract/areas/registrations.ts';
import type { Registration } from '../../core/registration/registration.ts';
import { markInvalid } from '../../store/outbox-repository.ts';
import { recordDecision } from '../../store/record-decision.ts';
import { upsertFromCentral } from '../../store/registrations-repository.ts';
import {
  makeRegistration,
  openTestStore,
  tempDir,
  testClock,
  type TempDir,
  type TestClock,
} from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';
import type { CallContext, SignedInStaff } from '../operation-handlers.ts';
import { registrationHandlers } from './registration-handlers.ts';
import { listOfficeRegistrations, officerDay, searchRegistrations } from './registration-service.ts';

let temp: TempDir;
let clock: TestClock;
let store: Store;
beforeEach(() => {
  temp = tempDir();
  clock = testClock('2026-11-20T02:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const guardian = { fullName: 'Nguyễn Thị Lan', idNumber: '079180001234', relationship: 'mẹ' };
let seq = 0;
function pull(registrations: Registration[]): void {
  const items = registrations.map((registration) => ({ seq: (seq += 1), registration }));
  upsertFromCentral(store, items, { officeCode: '07921', seq });
}
const person = (n: number, fullName: string, overrides: Partial<Registration> = {}) =>
  makeRegistration({
    code: `DK-${n}`,
    fullName,
    submittedAt: `2026-11-19T0${n}:00:00Z`,
    socialInsuranceNumber: `79000000${String(n).padStart(2, '0')}`,
    idDocument: {
      type: 'cccd',
      number: `0790920000${String(n).padStart(2, '0')}`,
      issueDate: null,
      issuePlace: null,
    },
    phone: `09030000${String(n).padStart(2, '0')}`,
    ...overrides,
  });

const list = (args: Partial<ListArguments>) =>
  listOfficeRegistrations(store, listArgumentsSchema.parse(args));
const codesOf = (args: Partial<ListArguments>) => list(args).rows.map((row) => row.registration.code);

describe('registrations.list', () => {
  beforeEach(() => {
    pull([
      person(1, 'Nguyễn Văn Hùng', { channel: 'portal' }),
      person(2, 'Nguyễn Văn Hùng', { channel: 'kiosk', guardian }),
      person(3, 'Nguyễn Văn Hưng', { channel: 'app' }),
      person(4, 'Trần Thị Hoa', { channel: 'kiosk' }),
      person(5, 'Nguyễn Văn Hùng', { channel: 'app', status: 'expired' }),
    ]);
  });

  it('lists pending registrations, newest first, 20 a page, by default', () => {
    const page = list({});
    expect(page.rows.map((row) => row.registration.code)).toEqual(['DK-4', 'DK-3', 'DK-2', 'DK-1']);
    expect(page).toMatchObject({ total: 4, page: 0, pageSize: 20 });
    expect(page.rows[0]).toEqual({
      registration: expect.objectContaining({ code: 'DK-4' }),
      localState: 'synced',
      localDecision: null,
    });
  });

  it('finds a name typed without diacritics within the filters', () => {
    // Without diacritics "hung" is Hùng and Hưng alike (as in registrations.search).
    expect(codesOf({ query: 'nguyen van hung' })).toEqual(['DK-3', 'DK-2', 'DK-1']);
    expect(codesOf({ query: 'Nguyễn Văn Hùng', status: null })).toEqual(['DK-5', 'DK-3', 'DK-2', 'DK-1']);
    expect(codesOf({ query: 'nguyen van hung', age: 'child' })).toEqual(['DK-2']);
    expect(codesOf({ query: 'nguyen van hung', age: 'adult' })).toEqual(['DK-3', 'DK-1']);
    expect(codesOf({ query: 'tran thi hoa', channel: 'kiosk' })).toEqual(['DK-4']);
    expect(codesOf({ query: 'tran thi hoa', channel: 'portal' })).toEqual([]);
    expect(codesOf({ query: 'nguyen van h', channel: 'app' })).toEqual(['DK-3']);
    expect(list({ query: 'nguyen', status: null }).total).toBe(4);
  });

  it('reads numbers and codes as registrations.search does, within the filters', () => {
    expect(codesOf({ query: '079 092 000 002' })).toEqual(['DK-2']);
    expect(codesOf({ query: '079092000002', age: 'adult' })).toEqual([]);
    expect(codesOf({ query: '7900000003' })).toEqual(['DK-3']);
    expect(codesOf({ query: '0903000004' })).toEqual(['DK-4']);
    expect(codesOf({ query: 'dk-4' })).toEqual(['DK-4']);
    expect(codesOf({ query: 'DK-5' })).toEqual([]);
    expect(codesOf({ query: 'DK-5', status: 'expired' })).toEqual(['DK-5']);
    expect(codesOf({ query: 'DK-404', status: null })).toEqual([]);
    for (const query of ['nguyen van hung', '079092000002', '7900000003', 'DK-4']) {
      const searched = searchRegistrations(store, query)
        .map((row) => row.registration.code)
        .sort();
      expect(codesOf({ query, status: null }).sort()).toEqual(searched);
    }
  });

  it('pages: page 2 of 3, and past the end', () => {
    // 4 pending above and 7 more: 11 in all, three pages of 5.
    pull(
      Array.from({ length: 7 }, (_, index) =>
        person(6 + index, 'Lê Văn Nam', { submittedAt: `2026-11-18T0${index}:00:00Z` }),
      ),
    );
    expect(list({ pageSize: 5, page: 1 }).rows.map((row) => row.registration.code)).toEqual([
      'DK-11',
      'DK-10',
      'DK-9',
      'DK-8',
      'DK-7',
    ]);
    expect(list({ pageSize: 5, page: 2 }).rows.map((row) => row.registration.code)).toEqual(['DK-6']);
    expect(list({ pageSize: 5, page: 2 })).toMatchObject({ total: 11, page: 2, pageSize: 5 });
    expect(list({ pageSize: 5, page: 3 })).toEqual({ rows: [], total: 11, page: 3, pageSize: 5 });
  });
});

describe('registrations.byCard and registrations.myDay through the handlers', () => {
  const session: SignedInStaff = { staffId: 'cb01', fullName: 'Cán bộ Một', role: 'officer' };
  const context: CallContext<SignedInStaff> = {
    caller: {
      mode: 'counter',
      enrolled: true,
      session: { role: 'officer', locked: false, pinRequired: false },
    },
    session,
  };
  const handlers = () => registrationHandlers({ store, counterId: () => 'q1', localChange: () => {} });

  it('answers the contract shapes', async () => {
    pull([
      person(1, 'Nguyễn Văn Hùng'),
      person(2, 'Nguyễn Văn Hùng', { socialInsuranceNumber: '7900000001' }),
    ]);
    const listed = await handlers()['registrations.list'](listArgumentsSchema.parse({}), context);
    expect(registrationOperations['registrations.list'].result.parse(listed)).toEqual(listed);
    const byCard = await handlers()['registrations.byCard'](
      { idNumber: null, oldIdNumber: null, socialInsuranceNumber: '7900000001' },
      context,
    );
    expect(byCard.map((row) => row.registration.code)).toEqual(['DK-2', 'DK-1']);
    expect(registrationOperations['registrations.byCard'].result.parse(byCard)).toEqual(byCard);
    const day = await handlers()['registrations.myDay']({}, context);
    expect(registrationOperations['registrations.myDay'].result.parse(day)).toEqual({
      approved: 0,
      rejected: 0,
    });
  });

  it("counts only today's (Vietnam time) live decisions of this officer at this counter", async () => {
    pull(Array.from({ length: 7 }, (_, index) => person(index + 1, 'Nguyễn Văn Hùng')));
    const decide = (
      at: string,
      code: string,
      outcome: 'approved' | 'rejected',
      officerId = 'cb01',
      counterId = 'q1',
    ) => {
      clock.set(at);
      const recorded = recordDecision(store, {
        registrationCode: code,
        outcome,
        reasonCode: outcome === 'rejected' ? 'other' : null,
        note: outcome === 'rejected' ? 'thiếu giấy tờ' : null,
        officerId,
        counterId,
        override: false,
      });
      if (!recorded.ok) throw recorded.error;
      return recorded.value.eventId;
    };
    decide('2026-11-19T16:59:59.000Z', 'DK-1', 'approved'); // 23:59:59 on 19/11 in Vietnam
    decide('2026-11-19T17:00:00.000Z', 'DK-2', 'approved'); // 00:00 on 20/11 in Vietnam
    decide('2026-11-20T09:00:00.000Z', 'DK-3', 'rejected');
    decide('2026-11-20T09:00:00.000Z', 'DK-4', 'approved', 'cb02');
    decide('2026-11-20T09:00:00.000Z', 'DK-5', 'approved', 'cb01', 'q2');
    const refused = decide('2026-11-20T09:30:00.000Z', 'DK-6', 'approved');
    expect(markInvalid(store, refused, 'schema')).toBe(true);
    decide('2026-11-20T17:00:00.000Z', 'DK-7', 'rejected'); // 00:00 on 21/11

    clock.set('2026-11-20T16:59:59.000Z');
    expect(await handlers()['registrations.myDay']({}, context)).toEqual({ approved: 1, rejected: 1 });
    const at = (iso: string) => officerDay(store, { officerId: 'cb01', counterId: 'q1' }, new Date(iso));
    expect(at('2026-11-19T16:59:59.000Z')).toEqual({ approved: 1, rejected: 0 });
    expect(at('2026-11-20T17:00:00.000Z')).toEqual({ approved: 0, rejected: 1 });
    expect(
      officerDay(store, { officerId: 'cb02', counterId: 'q1' }, new Date('2026-11-20T10:00:00Z')),
    ).toEqual({
      approved: 1,
      rejected: 0,
    });
  });
});

describe('registrations.decide records the card scan before it', () => {
  const session: SignedInStaff = { staffId: 'cb01', fullName: 'Cán bộ Một', role: 'officer' };
  const context: CallContext<SignedInStaff> = {
    caller: {
      mode: 'counter',
      enrolled: true,
      session: { role: 'officer', locked: false, pinRequired: false },
    },
    session,
  };
  const scannedAt = () =>
    store.db
      .prepare(
        `SELECT d.scanned_at AS decision, f.scanned_at AS fact FROM decisions d
       JOIN report_facts f ON f.code = d.registration_code`,
      )
      .all();

  it('asks for the scan of the registration being decided and keeps it with the decision', async () => {
    pull([person(1, 'Nguyễn Văn Hùng')]);
    const asked: string[] = [];
    const handlers = registrationHandlers({
      store,
      counterId: () => 'q1',
      localChange: () => {},
      lastCardScan: (registration) => {
        asked.push(registration.idDocument.number);
        return '2026-11-20T01:58:00.000Z';
      },
    });
    await handlers['registrations.decide'](
      { registrationCode: 'DK-1', outcome: 'approved', reasonCode: null, note: null, override: false },
      context,
    );
    expect(asked).toEqual(['079092000001']);
    expect(scannedAt()).toEqual([{ decision: '2026-11-20T01:58:00.000Z', fact: '2026-11-20T01:58:00.000Z' }]);
  });

  it('records no scan time when no matching scan was seen', async () => {
    pull([person(2, 'Nguyễn Văn Hùng')]);
    const handlers = registrationHandlers({
      store,
      counterId: () => 'q1',
      localChange: () => {},
      lastCardScan: () => null,
    });
    await handlers['registrations.decide'](
      { registrationCode: 'DK-2', outcome: 'rejected', reasonCode: 'other', note: 'x', override: false },
      context,
    );
    expect(scannedAt()).toEqual([{ decision: null, fact: null }]);
  });
});
