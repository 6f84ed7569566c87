import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOffices, officesFetchedAt, replaceAllOffices } from './offices-repository.ts';
import { openTestStore, tempDir, testClock, type TempDir, type TestClock } from './store-test-helpers.ts';
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

const codes = () => listOffices(store).map((office) => office.officeCode);

describe('offices repository', () => {
  it('is empty and never fetched on a new store', () => {
    expect(listOffices(store)).toEqual([]);
    expect(officesFetchedAt(store)).toBeNull();
  });

  it('sorts by name as Vietnamese does: Ă after A, Đ after every D', () => {
    replaceAllOffices(store, [
      { officeCode: '4', name: 'Đống Đa' },
      { officeCode: '3', name: 'Dzũng', province: null },
      { officeCode: '2', name: 'Ăn Khê', province: 'Tỉnh Gia Lai' },
      { officeCode: '1', name: 'Az' },
    ]);
    // Byte order would put Ă and Đ last; a root collation would put Ă before Az and Đ before Dz.
    expect(listOffices(store)).toEqual([
      { officeCode: '1', name: 'Az', province: null },
      { officeCode: '2', name: 'Ăn Khê', province: 'Tỉnh Gia Lai' },
      { officeCode: '3', name: 'Dzũng', province: null },
      { officeCode: '4', name: 'Đống Đa', province: null },
    ]);
  });

  it('replaces the whole list, stamping when it came', () => {
    replaceAllOffices(store, [
      { officeCode: '01001', name: 'BHXH khu vực Ba Đình, Hà Nội', province: 'Thành phố Hà Nội' },
      { officeCode: '07921', name: 'BHXH khu vực Sài Gòn, TP. Hồ Chí Minh' },
    ]);
    expect(officesFetchedAt(store)).toBe('2026-11-20T02:00:00.000Z');
    clock.advanceDays(1);
    replaceAllOffices(store, [{ officeCode: '04801', name: 'BHXH khu vực Hải Châu, Đà Nẵng' }]);
    expect(codes()).toEqual(['04801']);
    expect(officesFetchedAt(store)).toBe('2026-11-21T02:00:00.000Z');
  });

  it('keeps the old list whole when the new one is refused', () => {
    replaceAllOffices(store, [{ officeCode: '01001', name: 'BHXH khu vực Ba Đình, Hà Nội' }]);
    expect(() =>
      replaceAllOffices(store, [
        { officeCode: '07921', name: 'BHXH khu vực Sài Gòn' },
        { officeCode: '04801', name: '' },
      ]),
    ).toThrow();
    // Two offices with one code: refused by the table, inside the transaction.
    expect(() =>
      replaceAllOffices(store, [
        { officeCode: '07921', name: 'BHXH khu vực Sài Gòn' },
        { officeCode: '07921', name: 'Trùng mã' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'store-constraint' }));
    expect(codes()).toEqual(['01001']);
    expect(officesFetchedAt(store)).toBe('2026-11-20T02:00:00.000Z');
  });
});
