import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  reportDay,
  reportDayCode,
  reportDayExpected,
  reportDayFiltered,
} from '../../tests/fixtures/report-day.ts';
import { seedReportDayStore } from '../../tests/fixtures/report-day.ts';
import { recordDecision } from './record-decision.ts';
import { computeReport, reportFilterChoices, reportStatements } from './report-queries.ts';
import { openTestStore, tempDir, testClock, type TempDir, type TestClock } from './store-test-helpers.ts';
import type { Store } from './store.ts';
import { purgeExpired } from './purge-expired.ts';

let temp: TempDir;
let store: Store;
let clock: TestClock;
const context = { officeCode: reportDay.officeCode, now: reportDay.now };
const day = { from: reportDay.date, to: reportDay.date, officer: null, counter: null };

beforeEach(() => {
  temp = tempDir();
  clock = testClock();
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
  seedReportDayStore(store, clock.set);
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe('computeReport on the seeded day', () => {
  it('gives exactly the hand-counted figures', () => {
    expect(computeReport(store, day, context)).toEqual(reportDayExpected);
  });

  it('filters decisions by officer and by counter, never what was received', () => {
    const officer = computeReport(store, { ...day, officer: 'cb-07921-1' }, context);
    expect(officer.received.total).toBe(reportDayFiltered.officerC1.received);
    expect({ approved: officer.approved, rejected: officer.rejected, overrides: officer.overrides }).toEqual({
      approved: reportDayFiltered.officerC1.approved,
      rejected: reportDayFiltered.officerC1.rejected,
      overrides: reportDayFiltered.officerC1.overrides,
    });
    expect(officer.byOfficer.map((one) => one.officerId)).toEqual(['cb-07921-1']);
    expect(officer.pending.count).toBe(reportDayExpected.pending.count);

    const counter = computeReport(store, { ...day, counter: 'QUAY-02' }, context);
    expect(counter.received.total).toBe(reportDayFiltered.counterQ2.received);
    expect([counter.approved, counter.rejected, counter.overrides]).toEqual([
      reportDayFiltered.counterQ2.approved,
      reportDayFiltered.counterQ2.rejected,
      reportDayFiltered.counterQ2.overrides,
    ]);
    expect(counter.byCounter.map((one) => one.counterId)).toEqual(['QUAY-02']);
    expect(counter.medianScanToDecisionSeconds).toBeNull();
  });

  it('covers several days, one entry per day, the neighbours empty', () => {
    const three = computeReport(store, { ...day, from: '2026-11-29', to: '2026-12-01' }, context);
    expect(three.byDay.map((one) => one.date)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    // 29/11: R14 (15:00) and R17 (16:30) came in; 1/12: R19 came in, R20 was approved.
    expect(three.byDay[0]).toEqual({ date: '2026-11-29', received: 2, approved: 0, rejected: 0 });
    expect(three.byDay[1]).toEqual({ date: '2026-11-30', received: 17, approved: 9, rejected: 5 });
    expect(three.byDay[2]).toEqual({ date: '2026-12-01', received: 1, approved: 1, rejected: 0 });
    expect(three.formsPrinted).toBe(4);
  });

  it('counts a decision taken here once, and as soon as it is recorded', () => {
    clock.set('2026-11-30T09:00:00.000Z');
    const recorded = recordDecision(store, {
      registrationCode: reportDayCode('R10'),
      outcome: 'approved',
      reasonCode: null,
      note: null,
      officerId: 'cb-07921-1',
      counterId: 'QUAY-01',
      override: true,
    });
    expect(recorded.ok).toBe(true);
    const after = computeReport(store, day, context);
    expect([after.approved, after.overrides, after.pending.count]).toEqual([
      reportDayExpected.approved + 1,
      reportDayExpected.overrides + 1,
      reportDayExpected.pending.count - 1,
    ]);
  });

  it('still adds up after the retention purge erased the registrations', () => {
    clock.set('2027-06-01T00:00:00.000Z');
    const purged = purgeExpired(store);
    expect(purged.registrations).toBeGreaterThan(0);
    const report = computeReport(store, day, { ...context, now: new Date('2027-06-01T00:00:00.000Z') });
    expect(report.received).toEqual(reportDayExpected.received);
    expect([report.approved, report.rejected]).toEqual([
      reportDayExpected.approved,
      reportDayExpected.rejected,
    ]);
    expect(report.byOfficer).toEqual(reportDayExpected.byOfficer);
  });

  it('offers the officers and counters that decided, and the staff who may decide', () => {
    expect(reportFilterChoices(store, context)).toEqual({
      officers: [
        { officerId: 'cb-07921-1', fullName: 'Huỳnh Thị Ngọc Hân' },
        { officerId: 'cb-07921-2', fullName: 'Võ Minh Tuấn' },
        { officerId: 'gs-07921', fullName: 'Trương Thị Mai' },
      ],
      counters: ['QUAY-01', 'QUAY-02'],
    });
  });

  it('reads each figure group from its index alone', () => {
    const plan = (sql: string) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join(' | ');
    const params = {
      start: '2026-11-29T17:00:00.000Z',
      end: '2026-11-30T17:00:00.000Z',
      office: '07921',
      officer: null,
      counter: null,
    };
    expect(plan(reportStatements.receivedSql)).toContain('COVERING INDEX report_facts_by_submission');
    expect(plan(reportStatements.decidedSql)).toContain('COVERING INDEX report_facts_by_decision');
    expect(plan(reportStatements.scansSql)).toContain('COVERING INDEX report_facts_by_decision');
    const pending = store.db
      .prepare(`EXPLAIN QUERY PLAN ${reportStatements.pendingSql}`)
      .all({ office: '07921', oneDay: 'a', threeDays: 'b', sevenDays: 'c' }) as Array<{ detail: string }>;
    expect(pending.map((row) => row.detail).join(' ')).toContain('COVERING INDEX report_facts_pending');
  });
});
