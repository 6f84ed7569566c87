import { describe, expect, it } from 'vitest';
import { vietnamCalendarDate } from './vietnam-calendar-date.ts';

describe('vietnamCalendarDate', () => {
  it('is already the next day in Vietnam at 17:00 UTC', () => {
    expect(vietnamCalendarDate(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });

  it('is the same day before 17:00 UTC', () => {
    expect(vietnamCalendarDate(new Date('2026-11-21T16:59:59Z'))).toBe('2026-11-21');
  });
});
