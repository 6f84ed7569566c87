import { describe, expect, it } from 'vitest';
import { vietnamDateTime, vietnamDay, vietnamDisplayDate, vietnamToday } from './vietnam-time.ts';

describe('vietnam time', () => {
  it('is already the next day in Vietnam at 17:00 UTC', () => {
    expect(vietnamDay(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
    expect(vietnamDay(new Date('2026-11-21T16:59:59.999Z'))).toBe('2026-11-21');
  });

  it('agrees with the time-zone database for every hour of a year', () => {
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3_600_000) {
      expect(vietnamDay(instant)).toBe(reference.format(instant));
    }
  });

  it('caches today for exactly the Vietnamese day', () => {
    const lastMoment = Date.parse('2026-11-21T16:59:59.999Z');
    expect(vietnamToday(Date.parse('2026-11-20T17:00:00Z'))).toBe('2026-11-21');
    expect(vietnamToday(lastMoment)).toBe('2026-11-21');
    expect(vietnamToday(lastMoment + 1)).toBe('2026-11-22');
    expect(vietnamToday(Date.parse('2026-11-21T12:00:00Z'))).toBe('2026-11-21'); // the clock may go back
  });

  it('formats dates and times as a Vietnamese reader expects', () => {
    expect(vietnamDisplayDate('2026-11-20T17:30:00Z')).toBe('21/11/2026');
    expect(vietnamDateTime('2026-11-20T08:15:00Z')).toBe('15:15 20/11/2026');
    expect(vietnamDateTime('not a date')).toBe('not a date');
  });
});
