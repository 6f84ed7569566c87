import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isIsoDate,
  isNoValue,
  parseBirthDate,
  parseCompactDate,
  parseSlashDate,
  yearOf,
} from './card-dates.ts';

describe('card dates', () => {
  it('reads ddMMyyyy and dd/MM/yyyy into ISO dates', () => {
    expect(parseCompactDate('26061967')).toBe('1967-06-26');
    expect(parseSlashDate('18/11/1964')).toBe('1964-11-18');
  });

  it('reads a date inside a larger text, between offsets', () => {
    expect(parseCompactDate('x|26061967|y', 2, 10)).toBe('1967-06-26');
    expect(parseSlashDate('a| 01/02/2016|b', 2, 13)).toBe('2016-02-01');
  });

  it('refuses dates that are not on the calendar instead of rolling them over', () => {
    expect(parseCompactDate('31021999')).toBeNull();
    expect(parseCompactDate('29021900')).toBeNull(); // 1900 is not a leap year
    expect(parseCompactDate('29022000')).toBe('2000-02-29');
    expect(parseCompactDate('29022024')).toBe('2024-02-29');
    expect(parseCompactDate('31042021')).toBeNull();
    expect(parseCompactDate('00012021')).toBeNull();
    expect(parseCompactDate('01132021')).toBeNull();
    expect(parseSlashDate('30/02/2020')).toBeNull();
  });

  it('refuses malformed and implausible dates', () => {
    for (const text of [
      '',
      '2606196',
      '260619670',
      '26-06-1967',
      '2606196a',
      '01010000',
      '０１０１２０２０',
    ]) {
      expect(parseCompactDate(text)).toBeNull();
    }
    for (const text of ['18-11-1964', '18/11/64', '1/11/1964', '18/11/1964/', '18/1a/1964', '+8/11/1964']) {
      expect(parseSlashDate(text)).toBeNull();
    }
  });

  it('allows spaces around a date (seen before the five-year date on BHYT cards)', () => {
    expect(parseSlashDate(' 01/02/2016')).toBe('2016-02-01');
    expect(parseSlashDate('01/02/2016  ')).toBe('2016-02-01');
    expect(parseCompactDate(' 12062021 ')).toBe('2021-06-12');
  });

  it('reads a BHYT birth date as a full date or as the year alone', () => {
    expect(parseBirthDate('1955')).toBe('1955');
    expect(parseBirthDate(' 1955 ')).toBe('1955');
    expect(parseBirthDate('15/03/1990')).toBe('1990-03-15');
    expect(parseBirthDate('0955')).toBeNull();
    expect(parseBirthDate('19a5')).toBeNull();
    expect(parseBirthDate('195')).toBeNull();
  });

  it('knows "no value"', () => {
    expect(isNoValue('-')).toBe(true);
    expect(isNoValue(' - ')).toBe(true);
    expect(isNoValue('')).toBe(true);
    expect(isNoValue('--')).toBe(false);
    expect(isNoValue('0')).toBe(false);
  });

  it('checks ISO dates and years', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-28')).toBe(false);
    expect(isIsoDate('2026/02/28')).toBe(false);
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(yearOf('1967-06-26')).toBe(1967);
    expect(yearOf('1955')).toBe(1955);
  });
});
