import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registration } from '../core/registration/registration.ts';
import { recordDecision } from './record-decision.ts';
import {
  findByCode,
  findByIdNumber,
  findByKioskReference,
  findByOldIdNumber,
  findByPhone,
  findBySocialInsuranceNumber,
  searchByName,
  upsertFromCentral,
  type CentralRegistration,
} from './registrations-repository.ts';
import { makeRegistration, openTestStore, tempDir, testClock, type TempDir } from './store-test-helpers.ts';
import type { Store } from './store.ts';
import { getPullCursor } from './sync-state-repository.ts';

let temp: TempDir;
let store: Store;
beforeEach(() => {
  temp = tempDir();
  store = openTestStore(temp.file('store.sqlite'), { now: testClock().now });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const cursor = (seq: number) => ({ officeCode: '07921', seq });

const people: Registration[] = [
  makeRegistration({ code: 'DK-1', fullName: 'Nguyễn Văn Hùng', socialInsuranceNumber: '7900000001' }),
  makeRegistration({
    code: 'DK-2',
    fullName: 'Nguyễn Văn Hưng',
    socialInsuranceNumber: '7900000002',
    idDocument: { type: 'cmnd', number: '023456789', issueDate: null, issuePlace: null },
    phone: '+84 912 345 678',
  }),
  makeRegistration({
    code: 'DK-3',
    fullName: 'Đặng Thị Ánh',
    socialInsuranceNumber: '7900000003',
    idDocument: { type: 'passport', number: 'c1234567', issueDate: null, issuePlace: null },
    phone: null,
  }),
  makeRegistration({ code: 'DK-4', fullName: 'Nguyễn Văn Hải', socialInsuranceNumber: '7900000004' }),
];

describe('lookups', () => {
  beforeEach(() => {
    upsertFromCentral(
      store,
      people.map((registration, index) => ({ seq: index + 1, registration })),
      cursor(4),
    );
  });

  it('finds by code, ID number, old ID number, social-insurance number and phone', () => {
    expect(findByCode(store, 'DK-3')?.registration.fullName).toBe('Đặng Thị Ánh');
    expect(findByCode(store, 'DK-404')).toBeNull();
    expect(findByIdNumber(store, '079092004321').map((r) => r.registration.code)).toEqual(['DK-1', 'DK-4']);
    expect(findByIdNumber(store, '023456789').map((r) => r.registration.code)).toEqual(['DK-2']);
    expect(findByIdNumber(store, 'C1234567').map((r) => r.registration.code)).toEqual(['DK-3']);
    expect(findByOldIdNumber(store, '023456789').map((r) => r.registration.code)).toEqual(['DK-2']);
    expect(findByOldIdNumber(store, '079092004321')).toEqual([]);
    expect(findBySocialInsuranceNumber(store, '7900000004')[0]?.registration.code).toBe('DK-4');
    expect(findByPhone(store, '0912345678').map((r) => r.registration.code)).toEqual(['DK-2']);
    expect(findByPhone(store, '0912.345.678').map((r) => r.registration.code)).toEqual(['DK-2']);
  });

  it('returns the registration exactly as the central sent it, with its local state', () => {
    const found = findByCode(store, 'DK-2');
    expect(found).toEqual({
      registration: people[1],
      serverSeq: 2,
      localState: 'synced',
      localDecision: null,
    });
  });

  it('searches names without diacritics, by whole name or by the start of it', () => {
    const names = (query: string) => searchByName(store, query).map((r) => r.registration.fullName);
    expect(names('nguyen van hung')).toEqual(['Nguyễn Văn Hùng', 'Nguyễn Văn Hưng']);
    expect(names('NGUYEN   van h')).toEqual(['Nguyễn Văn Hải', 'Nguyễn Văn Hùng', 'Nguyễn Văn Hưng']);
    expect(names('dang thi anh')).toEqual(['Đặng Thị Ánh']);
    expect(names('Đặng')).toEqual(['Đặng Thị Ánh']);
    expect(names('van hung')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(searchByName(store, 'nguyen', 2)).toHaveLength(2);
  });

  it('answers the name search with an index range and finds a live decision by index', () => {
    const plan = (sql: string, ...args: string[]) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>)
        .map((step) => step.detail)
        .join(' | ');
    const search = plan(
      `SELECT json FROM registrations WHERE name_search_key >= ? AND name_search_key < ? AND json IS NOT NULL
       ORDER BY name_search_key LIMIT 20`,
      'nguyen van h',
      'nguyen van i',
    );
    expect(search).toContain('SEARCH registrations USING INDEX registrations_by_name_search_key');
    expect(search).not.toMatch(/SCAN|TEMP B-TREE/);
    const decision = plan(
      `SELECT event_id FROM decisions WHERE registration_code = ? AND sync_state IN ('pending', 'synced')`,
      'DK-1',
    );
    expect(decision).toContain('USING INDEX decisions_one_live_per_registration');
  });
});

describe('upsertFromCentral', () => {
  it('saves the cursor in the same transaction as the rows it brought', () => {
    upsertFromCentral(store, [{ seq: 1, registration: people[0] as Registration }], cursor(1));
    expect(getPullCursor(store, '07921')).toBe(1);

    // A page whose cursor cannot be written: neither the rows nor the cursor are saved.
    store.db
      .exec(`CREATE TEMP TRIGGER cursor_fails BEFORE INSERT ON sync_state BEGIN SELECT RAISE(ABORT, 'disk gone'); END;
      CREATE TEMP TRIGGER cursor_update_fails BEFORE UPDATE ON sync_state BEGIN SELECT RAISE(ABORT, 'disk gone'); END;`);
    expect(() =>
      upsertFromCentral(
        store,
        [
          { seq: 2, registration: people[1] as Registration },
          { seq: 3, registration: { ...(people[0] as Registration), status: 'withdrawn' } },
        ],
        cursor(3),
      ),
    ).toThrow();
    expect(findByCode(store, 'DK-2')).toBeNull();
    expect(findByCode(store, 'DK-1')?.registration.status).toBe('pending');
    expect(getPullCursor(store, '07921')).toBe(1);
  });

  it('refuses a page with an invalid registration as a whole', () => {
    const broken = { ...(people[1] as Registration), socialInsuranceNumber: '12' };
    let error: unknown;
    try {
      upsertFromCentral(
        store,
        [
          { seq: 1, registration: people[0] as Registration },
          { seq: 2, registration: broken },
        ],
        cursor(2),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'store-constraint', details: { code: 'DK-2', seq: 2 } });
    expect(findByCode(store, 'DK-1')).toBeNull();
    expect(getPullCursor(store, '07921')).toBe(0);
  });

  it('skips versions that are not newer and never moves the cursor back', () => {
    const approved = makeRegistration({
      code: 'DK-1',
      status: 'approved',
      decision: {
        outcome: 'approved',
        reasonCode: null,
        note: null,
        officerId: 'cb07',
        counterId: 'q2',
        decidedAt: '2026-11-20T09:00:00Z',
        override: false,
      },
    });
    expect(upsertFromCentral(store, [{ seq: 5, registration: approved }], cursor(5))).toEqual({
      inserted: 1,
      updated: 0,
      skipped: 0,
    });
    expect(
      upsertFromCentral(store, [{ seq: 3, registration: people[0] as Registration }], cursor(3)),
    ).toEqual({
      inserted: 0,
      updated: 0,
      skipped: 1,
    });
    expect(findByCode(store, 'DK-1')?.registration.status).toBe('approved');
    expect(getPullCursor(store, '07921')).toBe(5);
  });

  it('keeps a local, un-pushed decision when the pull says someone else decided (server wins the JSON)', () => {
    upsertFromCentral(store, [{ seq: 1, registration: people[0] as Registration }], cursor(1));
    const ours = recordDecision(store, {
      registrationCode: 'DK-1',
      outcome: 'rejected',
      reasonCode: 'identity-not-confirmed',
      note: null,
      officerId: 'cb01',
      counterId: 'q1',
      override: false,
    });
    expect(ours.ok).toBe(true);
    const decidedElsewhere = makeRegistration({
      ...(people[0] as Registration),
      status: 'approved',
      decision: {
        outcome: 'approved',
        reasonCode: null,
        note: null,
        officerId: 'cb09',
        counterId: 'q5',
        decidedAt: '2026-11-20T02:00:00Z',
        override: false,
      },
    });
    upsertFromCentral(store, [{ seq: 2, registration: decidedElsewhere }], cursor(2));
    const stored = findByCode(store, 'DK-1');
    expect(stored?.registration).toEqual(decidedElsewhere);
    expect(stored?.localState).toBe('decided-locally');
    expect(stored?.localDecision).toMatchObject({
      outcome: 'rejected',
      officerId: 'cb01',
      syncState: 'pending',
    });
  });
});

describe('kiosk references', () => {
  const reference = 'KS-7K3Q-X9PM-A2B4';
  const kioskForm = makeRegistration({
    code: 'DK-07921-2026-000900',
    channel: 'kiosk',
    fullName: 'Lê Thị Hoa',
  });
  const storedReference = (code: string) =>
    store.db.prepare('SELECT kiosk_reference FROM registrations WHERE code = ?').pluck().get(code);

  beforeEach(() => {
    upsertFromCentral(
      store,
      [
        { seq: 1, registration: people[0] as Registration, kioskReference: null },
        // An older central sends no kioskReference at all.
        { seq: 2, registration: people[1] as Registration },
        { seq: 3, registration: kioskForm, kioskReference: reference },
      ],
      cursor(3),
    );
  });

  it('stores the reference the central sends, and null for other registrations', () => {
    expect(storedReference('DK-07921-2026-000900')).toBe(reference);
    expect(storedReference('DK-1')).toBeNull();
    expect(storedReference('DK-2')).toBeNull();
  });

  it('keeps a stored reference when a newer version comes without the field (an older central)', () => {
    const decided = { ...kioskForm, status: 'withdrawn' as const };
    upsertFromCentral(store, [{ seq: 4, registration: decided }], cursor(4));
    expect(findByCode(store, kioskForm.code)?.registration.status).toBe('withdrawn');
    expect(storedReference(kioskForm.code)).toBe(reference);
  });

  it('refuses a page whose reference is not one, or names a second registration', () => {
    expect(() =>
      upsertFromCentral(
        store,
        [{ seq: 5, registration: people[2] as Registration, kioskReference: '' }],
        cursor(5),
      ),
    ).toThrow(expect.objectContaining({ code: 'store-constraint' }));
    expect(() =>
      upsertFromCentral(
        store,
        [{ seq: 5, registration: people[2] as Registration, kioskReference: reference }],
        cursor(5),
      ),
    ).toThrow(expect.objectContaining({ code: 'store-constraint' }));
    expect(findByCode(store, 'DK-3')).toBeNull();
    expect(getPullCursor(store, '07921')).toBe(3);
  });

  it('finds the registration by its reference however it was typed, and nothing for another', () => {
    expect(findByKioskReference(store, reference)?.registration.code).toBe(kioskForm.code);
    expect(findByKioskReference(store, ' ks-7k3q-x9pm-a2b4 ')?.registration.code).toBe(kioskForm.code);
    // Crockford's reading: O is 0, I and L are 1 (no reference holds O, I or L).
    upsertFromCentral(
      store,
      [{ seq: 6, registration: people[3] as Registration, kioskReference: 'KS-1010-0000-1111' }],
      cursor(6),
    );
    expect(findByKioskReference(store, 'KS-IOLO-OOOO-ilIl')?.registration.code).toBe('DK-4');
    expect(findByKioskReference(store, 'KS-7K3Q-X9PM-A2B5')).toBeNull();
    expect(findByKioskReference(store, 'DK-07921-2026-000900')).toBeNull();
  });

  it('answers the search box: a reference typed there is looked up as one, by its index', () => {
    const names = (query: string) => searchByName(store, query).map((found) => found.registration.code);
    expect(names('ks-7k3q-x9pm-a2b4')).toEqual([kioskForm.code]);
    expect(names('KS-0000-0000-0000')).toEqual([]);
    expect(names('le thi hoa')).toEqual([kioskForm.code]);
    const plan = (
      store.db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT json FROM registrations WHERE kiosk_reference = ? AND json IS NOT NULL',
        )
        .all(reference) as Array<{ detail: string }>
    ).map((step) => step.detail);
    expect(plan.join(' | ')).toContain('USING INDEX registrations_by_kiosk_reference (kiosk_reference=?)');
  });
});

// Pull pages are an accident of transport: whatever the page size, a replayed page or the order in
// which pages of different offices arrive, the final store must be the same.
describe('upsertFromCentral, property', () => {
  const codes = ['DK-A', 'DK-B', 'DK-C', 'DK-D'];
  const statuses = ['pending', 'approved', 'rejected', 'withdrawn', 'expired'] as const;
  const versionArbitrary = fc.record({
    code: fc.constantFrom(...codes),
    status: fc.constantFrom(...statuses),
    fullName: fc.constantFrom('Nguyễn Văn Hùng', 'Lê Thị Hoa', 'Phạm Đức Anh'),
    phone: fc.option(fc.constantFrom('0903123456', '0987654321'), { nil: null }),
  });
  const history = fc.array(versionArbitrary, { minLength: 1, maxLength: 25 }).map((versions) =>
    versions.map((version, index): CentralRegistration => ({
      seq: (index + 1) * 3,
      registration: makeRegistration({
        code: version.code,
        status: version.status,
        fullName: version.fullName,
        phone: version.phone,
        decision:
          version.status === 'approved' || version.status === 'rejected'
            ? {
                outcome: version.status,
                reasonCode: null,
                note: null,
                officerId: 'cb02',
                counterId: 'q3',
                decidedAt: '2026-11-20T03:00:00Z',
                override: false,
              }
            : null,
      }),
    })),
  );

  function applyPaged(items: CentralRegistration[], cuts: number[], replay: boolean, file: string) {
    const target = openTestStore(temp.file(file), { now: testClock().now });
    const bounds = [...new Set([0, ...cuts.map((cut) => cut % (items.length + 1)), items.length])].sort(
      (a, b) => a - b,
    );
    const pages: CentralRegistration[][] = [];
    for (let i = 0; i + 1 < bounds.length; i += 1) pages.push(items.slice(bounds[i], bounds[i + 1]));
    for (const [index, page] of pages.entries()) {
      const last = page.at(-1)?.seq ?? 0;
      upsertFromCentral(target, page, cursor(last));
      if (replay && index > 0)
        upsertFromCentral(target, pages[index - 1] as CentralRegistration[], cursor(0));
    }
    const rows = target.db.prepare('SELECT * FROM registrations ORDER BY code').all();
    const state = { rows, cursor: getPullCursor(target, '07921') };
    target.close();
    return state;
  }

  it('gives the same final state for any page split, with or without replayed pages', () => {
    let run = 0;
    fc.assert(
      fc.property(history, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (items, cuts, replay) => {
        run += 1;
        const whole = applyPaged(items, [], false, `whole-${run}.sqlite`);
        const paged = applyPaged(items, cuts, replay, `paged-${run}.sqlite`);
        expect(paged).toEqual(whole);
        expect(whole.cursor).toBe((items.at(-1) as CentralRegistration).seq);
      }),
      { numRuns: 40 },
    );
  });
});
