import { describe, expect, it } from 'vitest';
import { formatDateTime, formatIsoDate, formatTime } from './format-date.ts';

describe('formatIsoDate', () => {
  it('shows dd/MM/yyyy', () => expect(formatIsoDate('1992-04-07')).toBe('07/04/1992'));
  it('keeps a year-only birth date', () => expect(formatIsoDate('1955')).toBe('1955'));
  it('passes null through and refuses other shapes', () => {
    expect(formatIsoDate(null)).toBeNull();
    expect(formatIsoDate('07/04/1992')).toBeNull();
  });
  it('shows date and time in Vietnam time, whatever the PC zone', () => {
    expect(formatDateTime(new Date('2026-11-21T01:05:00.000Z'))).toBe('21/11/2026 08:05');
    expect(formatDateTime('2026-11-20T17:30:00.000Z')).toBe('21/11/2026 00:30');
    expect(formatTime('2026-11-20T17:30:00.000Z')).toBe('00:30');
  });
});
