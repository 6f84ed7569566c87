import { describe, expect, it } from 'vitest';
import { median } from './median.ts';
import {
  ageThresholds,
  dayCount,
  dayRangeProblem,
  daysOf,
  isCalendarDate,
  shiftDay,
  vietnamDayBounds,
  vietnamHourOf,
} from './report-periods.ts';

describe('report periods', () => {
  it('bounds a range of Vietnam days as UTC instants (17:00 the day before)', () => {
    expect(vietnamDayBounds('2026-11-30', '2026-11-30')).toEqual({
      start: '2026-11-29T17:00:00.000Z',
      end: '2026-11-30T17:00:00.000Z',
    });
    expect(vietnamDayBounds('2026-12-31', '2027-01-01').end).toBe('2027-01-01T17:00:00.000Z');
  });

  it('counts and lists the days of a range, across months and a leap day', () => {
    expect(dayCount('2026-11-30', '2026-11-30')).toBe(1);
    expect(dayCount('2028-02-27', '2028-03-01')).toBe(4);
    expect(daysOf('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(dayCount('2026-12-02', '2026-12-01')).toBe(0);
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuses impossible dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('tells what is wrong with a range of days, or nothing', () => {
    expect(dayRangeProblem('2026-11-30', '2026-11-30', 93)).toBeNull();
    expect(dayRangeProblem('2026-09-01', '2026-12-02', 93)).toBeNull();
    expect(dayRangeProblem('2026-09-01', '2026-12-03', 93)).toEqual({ problem: 'too-long', days: 94 });
    expect(dayRangeProblem('2026-12-01', '2026-11-30', 93)).toEqual({ problem: 'backward' });
    expect(dayRangeProblem('2026-02-29', '2026-03-01', 93)).toEqual({ problem: 'not-a-date' });
    expect(dayRangeProblem('2026-11-30', '30/11/2026', 93)).toEqual({ problem: 'not-a-date' });
  });

  it('puts a UTC hour into its Vietnam day and hour', () => {
    expect(vietnamHourOf('2026-11-29T17')).toEqual({ day: '2026-11-30', hour: 0 });
    expect(vietnamHourOf('2026-11-30T16')).toEqual({ day: '2026-11-30', hour: 23 });
    expect(vietnamHourOf('2026-11-30T01')).toEqual({ day: '2026-11-30', hour: 8 });
    const cache = new Map();
    vietnamHourOf('2026-11-30T02', cache);
    expect(cache.get('2026-11-30T02')).toEqual({ day: '2026-11-30', hour: 9 });
  });

  it('gives the instants of the pending age buckets', () => {
    expect(ageThresholds(new Date('2026-12-01T01:00:00Z'))).toEqual({
      oneDay: '2026-11-30T01:00:00.000Z',
      threeDays: '2026-11-28T01:00:00.000Z',
      sevenDays: '2026-11-24T01:00:00.000Z',
    });
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([42])).toBe(42);
    expect(median([240, 60, 90])).toBe(90);
    expect(median([90, 240, 180, 60])).toBe(135);
  });
});
