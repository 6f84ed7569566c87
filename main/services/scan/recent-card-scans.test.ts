import { describe, expect, it } from 'vitest';
import { parseIdPayload } from '../../core/id-card/parse-id-payload.ts';
import { RecentCardScans } from './recent-card-scans.ts';

// The scan a decision's "time from scan to decision" starts at: the latest accepted card scan at
// this PC whose number is the registration's, within 30 minutes.

const cccdText = '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Tiền Giang|12062021';
const cccd = parseIdPayload(cccdText, { today: '2026-11-30' });
const registration = (number: string, socialInsuranceNumber = '7900000001') => ({
  idDocument: { type: 'cccd' as const, number, issueDate: null, issuePlace: null },
  socialInsuranceNumber,
});

describe('RecentCardScans', () => {
  it('finds the latest scan of the same document number within the window', () => {
    expect(cccd.ok).toBe(true);
    const scans = new RecentCardScans();
    scans.remember({ receivedAt: '2026-11-30T02:00:00.000Z', result: cccd });
    scans.remember({ receivedAt: '2026-11-30T02:05:00.000Z', result: cccd });
    const now = new Date('2026-11-30T02:10:00.000Z');
    expect(scans.lastScanOf(registration('060067086171'), now)).toBe('2026-11-30T02:05:00.000Z');
    // A registration made with the old 9-digit CMND printed on the same CCCD.
    expect(scans.lastScanOf(registration('186059021'), now)).toBe('2026-11-30T02:05:00.000Z');
    expect(scans.lastScanOf(registration('079092000001'), now)).toBeNull();
  });

  it('forgets scans older than 30 minutes, and ignores failed ones', () => {
    const scans = new RecentCardScans();
    scans.remember({ receivedAt: '2026-11-30T02:00:00.000Z', result: cccd });
    scans.remember({
      receivedAt: '2026-11-30T02:20:00.000Z',
      result: { ok: false, error: { code: 'not-an-id-payload', message: 'x' } },
    });
    expect(scans.lastScanOf(registration('060067086171'), new Date('2026-11-30T02:30:00.000Z'))).toBe(
      '2026-11-30T02:00:00.000Z',
    );
    expect(scans.lastScanOf(registration('060067086171'), new Date('2026-11-30T02:30:00.001Z'))).toBeNull();
  });
});
