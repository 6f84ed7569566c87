import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, auditRangeTotals, listAuditBetween, parseDetails } from './audit-log.ts';
import { openTestStore, tempDir, testClock, type TempDir, type TestClock } from './store-test-helpers.ts';
import type { Store } from './store.ts';

// Reading a range of the trail: one reader for both orders (the screen pages newest first, the
// export files list oldest first), the count and head the files print, and details that never throw.

let temp: TempDir;
let store: Store;
let clock: TestClock;

beforeEach(() => {
  temp = tempDir();
  clock = testClock();
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
  // Entries 1–6, one an hour from 01:00 UTC on 30/11.
  for (let hour = 1; hour <= 6; hour += 1) {
    clock.set(`2026-11-30T0${hour}:00:00.000Z`);
    appendAudit(store, { actor: 'cb-1', action: 'session.signed-in', subject: null, details: { hour } });
  }
});
afterEach(() => {
  store.close();
  temp.remove();
});

const range = { start: '2026-11-30T02:00:00.000Z', end: '2026-11-30T06:00:00.000Z' };
const ids = (records: { id: number }[]) => records.map((record) => record.id);

describe('listAuditBetween', () => {
  it('reads the range oldest or newest first, `limit` at a time, below `beforeId`', () => {
    expect(ids(listAuditBetween(store, { ...range, order: 'asc', limit: 10 }))).toEqual([2, 3, 4, 5]);
    expect(ids(listAuditBetween(store, { ...range, order: 'desc', limit: 10 }))).toEqual([5, 4, 3, 2]);
    expect(ids(listAuditBetween(store, { ...range, order: 'asc', limit: 2 }))).toEqual([2, 3]);
    expect(ids(listAuditBetween(store, { ...range, order: 'desc', limit: 2, beforeId: 4 }))).toEqual([3, 2]);
    expect(listAuditBetween(store, { ...range, order: 'asc', limit: 1 })[0]).toMatchObject({
      actor: 'cb-1',
      details: { hour: 2 },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('counts the range and gives the chain head now', () => {
    const totals = auditRangeTotals(store, range);
    expect(totals.total).toBe(4);
    expect(totals.head?.id).toBe(6);
    expect(totals.head?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      auditRangeTotals(store, { start: '2027-01-01T00:00:00.000Z', end: '2027-01-02T00:00:00.000Z' }),
    ).toMatchObject({ total: 0, head: { id: 6 } });
  });

  it('keeps details it cannot parse as text instead of throwing', () => {
    store.db
      .prepare('INSERT INTO audit_log (id, at, actor, action, subject, details) VALUES (7, ?, ?, ?, ?, ?)')
      .run('2026-11-30T03:30:00.000Z', 'someone', 'hand.made', null, 'not json');
    const records = listAuditBetween(store, { ...range, order: 'asc', limit: 10 });
    expect(records.find((record) => record.id === 7)).toMatchObject({
      details: { unparsed: 'not json' },
      hash: null,
    });
  });
});

describe('parseDetails', () => {
  it('gives an object for an object, and the text for anything else', () => {
    expect(parseDetails('{"a":1}')).toEqual({ a: 1 });
    expect(parseDetails('[1,2]')).toEqual({ unparsed: '[1,2]' });
    expect(parseDetails('null')).toEqual({ unparsed: 'null' });
    expect(parseDetails('{"a":')).toEqual({ unparsed: '{"a":' });
    expect(parseDetails(null)).toEqual({ unparsed: null });
  });
});
