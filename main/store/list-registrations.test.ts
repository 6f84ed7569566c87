import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registration } from '../core/registration/registration.ts';
import { listRegistrations, type ListFilter } from './list-registrations.ts';
import { purgeExpired } from './purge-expired.ts';
import { findByCard, upsertFromCentral } from './registrations-repository.ts';
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
  clock = testClock('2026-11-20T02:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const guardian = { fullName: 'Trần Thị Mai', idNumber: '079180001234', relationship: 'mẹ' };
const approval = {
  outcome: 'approved' as const,
  reasonCode: null,
  note: null,
  officerId: 'cb01',
  counterId: 'q1',
  decidedAt: '2026-11-20T03:00:00.000Z',
  override: false,
};

let seq = 0;
function pull(registrations: Registration[]): void {
  const items = registrations.map((registration) => ({ seq: (seq += 1), registration }));
  upsertFromCentral(store, items, { officeCode: '07921', seq });
}

/** Registration n of a day: submitted n minutes after 08:00 UTC on 2026-11-19. */
function registration(n: number, overrides: Partial<Registration> = {}): Registration {
  const minute = String(n % 60).padStart(2, '0');
  const hour = String(8 + Math.floor(n / 60)).padStart(2, '0');
  return makeRegistration({
    code: `DK-${String(n).padStart(3, '0')}`,
    submittedAt: `2026-11-19T${hour}:${minute}:00Z`,
    socialInsuranceNumber: `79000${String(n).padStart(5, '0')}`,
    idDocument: {
      type: 'cccd',
      number: `0790920${String(n).padStart(5, '0')}`,
      issueDate: null,
      issuePlace: null,
    },
    phone: `0903${String(n).padStart(6, '0')}`,
    ...overrides,
  });
}

const all: ListFilter = {
  match: null,
  status: null,
  channel: null,
  hasGuardian: null,
  offset: 0,
  limit: 100,
};
const codes = (filter: Partial<ListFilter>) =>
  listRegistrations(store, { ...all, ...filter }).rows.map((row) => row.registration.code);
const total = (filter: Partial<ListFilter>) => listRegistrations(store, { ...all, ...filter }).total;

describe('listRegistrations filters', () => {
  beforeEach(() => {
    pull([
      registration(1, { fullName: 'Nguyễn Văn Hùng', channel: 'portal' }),
      registration(2, { fullName: 'Nguyễn Văn Hưng', channel: 'app', guardian }),
      registration(3, { fullName: 'Đặng Thị Ánh', channel: 'kiosk', status: 'approved', decision: approval }),
      registration(4, { fullName: 'Nguyễn Văn Hải', channel: 'kiosk', guardian }),
      registration(5, { fullName: 'Nguyễn Văn Hùng', channel: 'app', status: 'withdrawn' }),
      // Same instant as DK-004, written with an offset: the same time, so the code decides.
      registration(99, { code: 'DK-004A', submittedAt: '2026-11-19T15:04:00+07:00', channel: 'portal' }),
    ]);
  });

  it('lists every live registration newest submitted first, the code breaking ties', () => {
    expect(codes({})).toEqual(['DK-005', 'DK-004', 'DK-004A', 'DK-003', 'DK-002', 'DK-001']);
    expect(total({})).toBe(6);
  });

  it('filters by status, channel and guardian, alone and together', () => {
    expect(codes({ status: 'pending' })).toEqual(['DK-004', 'DK-004A', 'DK-002', 'DK-001']);
    expect(codes({ status: 'approved' })).toEqual(['DK-003']);
    expect(codes({ status: 'expired' })).toEqual([]);
    expect(codes({ channel: 'kiosk' })).toEqual(['DK-004', 'DK-003']);
    expect(codes({ channel: 'app' })).toEqual(['DK-005', 'DK-002']);
    expect(codes({ hasGuardian: true })).toEqual(['DK-004', 'DK-002']);
    expect(codes({ hasGuardian: false })).toEqual(['DK-005', 'DK-004A', 'DK-003', 'DK-001']);
    expect(codes({ status: 'pending', channel: 'kiosk' })).toEqual(['DK-004']);
    expect(codes({ status: 'pending', hasGuardian: false })).toEqual(['DK-004A', 'DK-001']);
    expect(codes({ status: 'pending', channel: 'app', hasGuardian: true })).toEqual(['DK-002']);
    expect(codes({ status: 'pending', channel: 'app', hasGuardian: false })).toEqual([]);
    expect(total({ status: 'pending', hasGuardian: false })).toBe(2);
    expect(total({ channel: 'kiosk' })).toBe(2);
  });

  it('matches the name without diacritics, only within the filters', () => {
    const name = (text: string, filter: Partial<ListFilter> = {}) =>
      codes({ ...filter, match: { by: 'name', name: text } });
    expect(name('nguyen van hung')).toEqual(['DK-005', 'DK-002', 'DK-001']);
    expect(name('nguyen van hung', { status: 'pending' })).toEqual(['DK-002', 'DK-001']);
    expect(name('NGUYEN van h', { status: 'pending', hasGuardian: true })).toEqual(['DK-004', 'DK-002']);
    expect(name('dang thi anh', { status: 'pending' })).toEqual([]);
    expect(name('   ')).toEqual([]);
    expect(total({ match: { by: 'name', name: 'nguyen' }, channel: 'app' })).toBe(2);
  });

  it('matches numbers and codes within the filters', () => {
    expect(codes({ match: { by: 'code', code: 'DK-003' } })).toEqual(['DK-003']);
    expect(codes({ match: { by: 'code', code: 'DK-003' }, status: 'pending' })).toEqual([]);
    expect(codes({ match: { by: 'id-number', idNumber: '079092000002' } })).toEqual(['DK-002']);
    expect(codes({ match: { by: 'social-insurance-number-or-phone', digits: '7900000004' } })).toEqual([
      'DK-004',
    ]);
    expect(codes({ match: { by: 'social-insurance-number-or-phone', digits: '0903000001' } })).toEqual([
      'DK-001',
    ]);
    expect(codes({ match: { by: 'phone', phone: '+84 903 000 005' }, status: 'withdrawn' })).toEqual([
      'DK-005',
    ]);
    expect(listRegistrations(store, { ...all, match: { by: 'nothing' } })).toEqual({ rows: [], total: 0 });
  });

  it('never lists a purged registration', () => {
    clock.advanceDays(91);
    // DK-003 (approved) and DK-005 (withdrawn) are final and old enough: tombstones now.
    expect(purgeExpired(store).registrations).toBe(2);
    expect(codes({})).toEqual(['DK-004', 'DK-004A', 'DK-002', 'DK-001']);
    expect(total({})).toBe(4);
    expect(total({ status: 'approved' })).toBe(0);
    expect(codes({ match: { by: 'code', code: 'DK-003' } })).toEqual([]);
    const tombstone = store.db
      .prepare(`SELECT channel, submitted_at, has_guardian FROM registrations WHERE code = 'DK-003'`)
      .get();
    expect(tombstone).toEqual({ channel: null, submitted_at: null, has_guardian: null });
  });

  it('keeps the list columns up to date when the central sends a new version', () => {
    pull([
      registration(1, {
        fullName: 'Nguyễn Văn Hùng',
        channel: 'kiosk',
        guardian,
        submittedAt: '2026-11-20T00:00:00Z',
      }),
    ]);
    expect(codes({ channel: 'kiosk', hasGuardian: true })).toEqual(['DK-001', 'DK-004']);
    expect(
      store.db.prepare(`SELECT submitted_at FROM registrations WHERE code = 'DK-001'`).pluck().get(),
    ).toBe('2026-11-20T00:00:00.000Z');
  });
});

describe('listRegistrations by kiosk reference', () => {
  beforeEach(() => {
    const items = [
      { seq: 1, registration: registration(1, { channel: 'kiosk' }), kioskReference: 'KS-7K3Q-X9PM-A2B4' },
      { seq: 2, registration: registration(2, { channel: 'kiosk' }), kioskReference: 'KS-0000-0000-0001' },
      { seq: 3, registration: registration(3, { fullName: 'Ks Văn Bảy' }), kioskReference: null },
    ];
    upsertFromCentral(store, items, { officeCode: '07921', seq: 3 });
  });
  const byText = (text: string, filter: Partial<ListFilter> = {}) =>
    codes({ ...filter, match: { by: 'name', name: text } });

  it('finds the one registration whose form carries the reference, in any case, within the filters', () => {
    expect(byText('KS-7K3Q-X9PM-A2B4')).toEqual(['DK-001']);
    expect(byText('ks-7k3q-x9pm-a2b4', { status: 'pending', channel: 'kiosk' })).toEqual(['DK-001']);
    expect(byText('KS-7K3Q-X9PM-A2B4', { status: 'approved' })).toEqual([]);
    expect(total({ match: { by: 'name', name: 'KS-0000-0000-0001' } })).toBe(1);
  });

  it('finds nothing for a reference no registration here carries (the kiosk has not synced yet)', () => {
    expect(listRegistrations(store, { ...all, match: { by: 'name', name: 'KS-7K3Q-X9PM-A2B5' } })).toEqual({
      rows: [],
      total: 0,
    });
    // Text that only looks like the start of one is still a name.
    expect(byText('ks van')).toEqual(['DK-003']);
  });
});

describe('listRegistrations paging', () => {
  beforeEach(() => {
    pull(Array.from({ length: 25 }, (_, index) => registration(index + 1)));
  });

  it('gives each page its rows and every page the same total', () => {
    const page = (offset: number) =>
      listRegistrations(store, { ...all, status: 'pending', offset, limit: 10 });
    const first = page(0);
    expect(first.total).toBe(25);
    expect(first.rows[0]?.registration.code).toBe('DK-025');
    expect(page(10).rows.map((row) => row.registration.code)).toEqual(
      Array.from({ length: 10 }, (_, index) => `DK-${String(15 - index).padStart(3, '0')}`),
    );
    const last = page(20);
    expect(last.rows.map((row) => row.registration.code)).toEqual([
      'DK-005',
      'DK-004',
      'DK-003',
      'DK-002',
      'DK-001',
    ]);
    expect(last.total).toBe(25);
    expect(page(30)).toEqual({ rows: [], total: 25 });
  });
});

describe('registration_counts', () => {
  const counted = () =>
    store.db
      .prepare(
        `SELECT status, channel, has_guardian, n FROM registration_counts WHERE n > 0
         ORDER BY status, channel, has_guardian`,
      )
      .all();
  const actual = () =>
    store.db
      .prepare(
        `SELECT status, channel, has_guardian, count(*) AS n FROM registrations WHERE channel IS NOT NULL
         GROUP BY status, channel, has_guardian ORDER BY status, channel, has_guardian`,
      )
      .all();

  it('follows every insert, new version, purge and delete of a registration', () => {
    pull([
      registration(1, { channel: 'kiosk', guardian }),
      registration(2, { channel: 'kiosk', status: 'approved', decision: approval }),
      registration(3, { channel: 'app' }),
    ]);
    expect(counted()).toEqual(actual());
    expect(counted()).toHaveLength(3);
    // New versions: DK-1 loses its guardian, DK-3 is approved, DK-2 comes again unchanged.
    pull([
      registration(1, { channel: 'kiosk' }),
      registration(3, { channel: 'app', status: 'approved', decision: approval }),
      registration(2, { channel: 'kiosk', status: 'approved', decision: approval }),
    ]);
    expect(counted()).toEqual(actual());
    expect(total({ status: 'approved' })).toBe(2);
    clock.advanceDays(91);
    expect(purgeExpired(store).registrations).toBe(2);
    expect(counted()).toEqual(actual());
    expect(total({})).toBe(1);
    store.db.prepare(`DELETE FROM registrations WHERE code = 'DK-001'`).run();
    expect(counted()).toEqual([]);
    expect(total({})).toBe(0);
  });
});

describe('findByCard', () => {
  beforeEach(() => {
    pull([
      registration(1, { status: 'approved', decision: approval, submittedAt: '2026-11-19T10:00:00Z' }),
      registration(2, {
        idDocument: { type: 'cmnd', number: '023456789', issueDate: null, issuePlace: null },
      }),
      // The same person's other registration: same ID number and social-insurance number as DK-001.
      registration(3, {
        idDocument: { type: 'cccd', number: '079092000001', issueDate: null, issuePlace: null },
        socialInsuranceNumber: '7900000001',
        submittedAt: '2026-11-19T09:00:00Z',
      }),
      registration(4, { socialInsuranceNumber: '7900000001', submittedAt: '2026-11-19T08:00:00Z' }),
    ]);
  });
  const card = (numbers: Partial<Parameters<typeof findByCard>[1]>) =>
    findByCard(store, { idNumber: null, oldIdNumber: null, socialInsuranceNumber: null, ...numbers }).map(
      (row) => row.registration.code,
    );

  it('finds by each number of the card', () => {
    expect(card({ idNumber: '079092000002' })).toEqual([]);
    expect(card({ oldIdNumber: '023456789' })).toEqual(['DK-002']);
    expect(card({ idNumber: '079092000004' })).toEqual(['DK-004']);
    expect(card({ socialInsuranceNumber: '7900000002' })).toEqual(['DK-002']);
    expect(card({})).toEqual([]);
  });

  it('lists a registration once, pending ones first, then newest first', () => {
    expect(card({ idNumber: '079092000001', socialInsuranceNumber: '7900000001' })).toEqual([
      'DK-003',
      'DK-004',
      'DK-001',
    ]);
    expect(card({ idNumber: '079092000001', oldIdNumber: '023456789' })).toEqual([
      'DK-003',
      'DK-002',
      'DK-001',
    ]);
  });
});

describe('the indexes behind the list', () => {
  const plan = (filter: Partial<ListFilter>) => {
    const statements: string[] = [];
    const original = store.statement.bind(store);
    store.statement = (sql) => {
      statements.push(sql);
      return original(sql);
    };
    listRegistrations(store, { ...all, ...filter });
    store.statement = original;
    return statements
      .filter((sql) => sql.includes('FROM registration') && !sql.includes('FROM decisions'))
      .map((sql) =>
        (
          store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({
            status: 'pending',
            channel: 'kiosk',
            hasGuardian: 1,
            key: '079092000001',
            phone: null,
            prefix: 'nguyen',
            upper: 'nguyeo',
            code: 'DK-1',
            reference: 'KS-7K3Q-X9PM-A2B4',
            limit: 20,
            offset: 0,
          }) as Array<{ detail: string }>
        )
          .map((step) => step.detail)
          .join(' | '),
      );
  };

  it('counts the default list from the counters and pages it from an index, without sorting', () => {
    const [count, page] = plan({ status: 'pending' });
    expect(count).toContain('SEARCH registration_counts USING PRIMARY KEY (status=?)');
    expect(page).toContain('SEARCH registrations USING INDEX registrations_list_by_status (status=?');
    expect(`${count} ${page}`).not.toMatch(/SCAN|TEMP B-TREE/);
  });

  it('pages a filtered list in order, for one status or all', () => {
    const [count, page] = plan({ status: 'pending', channel: 'kiosk', hasGuardian: true });
    expect(count).toContain(
      'registration_counts USING PRIMARY KEY (status=? AND channel=? AND has_guardian=?)',
    );
    expect(page).toContain('registrations_list_by_status (status=?');
    expect(`${count} ${page}`).not.toMatch(/SCAN|TEMP B-TREE/);
    const [, everyStatusPage] = plan({ channel: 'kiosk' });
    expect(everyStatusPage).toContain('registrations USING INDEX registrations_list_by_time');
    expect(everyStatusPage).not.toContain('TEMP B-TREE');
  });

  it('finds the candidates of a match by its own index', () => {
    const [idCount, idPage] = plan({
      status: 'pending',
      match: { by: 'id-number', idNumber: '079092000001' },
    });
    expect(`${idCount} ${idPage}`).not.toContain('registrations_list');
    expect(idPage).toContain('USING INDEX registrations_by_id_number (id_number=?)');
    const [, namePage] = plan({ status: 'pending', match: { by: 'name', name: 'nguyen' } });
    expect(namePage).toContain(
      'USING INDEX registrations_by_name_search_key (name_search_key>? AND name_search_key<?)',
    );
    const [referenceCount, referencePage] = plan({
      status: 'pending',
      match: { by: 'name', name: 'KS-7K3Q-X9PM-A2B4' },
    });
    for (const step of [referenceCount, referencePage]) {
      expect(step).toContain('USING INDEX registrations_by_kiosk_reference (kiosk_reference=?)');
      expect(step).not.toContain('registrations_list');
    }
  });
});
