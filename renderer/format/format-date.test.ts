import { describe, expect, it } from 'vitest';
import { formatDateTime, formatIsoDate } from './format-date.ts';

describe('formatIsoDate', () => {
  it('shows dd/MM/yyyy', () => expect(formatIsoDate('1992-04-07')).toBe('07/04/1992'));
  it('keeps a year-only birth date', () => expect(formatIsoDate('1955')).toBe('1955'));
  it('passes null through and refuses other shapes', () => {
    expect(formatIsoDate(null)).toBeNull();
    expect(formatIsoDate('07/04/1992')).toBeNull();
  });
  it('formats a local date and time', () => {
    expect(formatDateTime(new Date(2026, 10, 21, 8, 5))).toBe('21/11/2026 08:05');
  });
});
