import { describe, expect, it } from 'vitest';
import { endOfDayFailureCodes } from '../../../preload/contract/areas/reports.ts';
import { setupI18n } from '../../i18n/setup-i18n.ts';
import {
  auditActionText,
  durationText,
  endOfDayFailureText,
  reasonText,
  shortHash,
  syncFreshness,
  wholeDaysBetween,
} from './report-text.ts';

describe('report texts', () => {
  it('says durations in words with two-digit seconds and minutes, in each language', async () => {
    const vi = await setupI18n('vi');
    expect(durationText(vi.t, 125)).toBe('2 phút 05 giây');
    expect(durationText(vi.t, 44.6)).toBe('45 giây');
    expect(durationText(vi.t, 3 * 3600 + 7 * 60 + 59)).toBe('3 giờ 07 phút');
    expect(durationText(vi.t, null)).toBe('—');
    const en = await setupI18n('en');
    expect(durationText(en.t, 125)).toBe('2 min 05 s');
    const ja = await setupI18n('ja');
    expect(durationText(ja.t, 125)).toBe('2分05秒');
  });

  it('calls a sync older than half an hour old, and none at all never', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(syncFreshness('2026-11-30T09:31:00Z', now)).toBe('fresh');
    expect(syncFreshness('2026-11-30T09:29:00Z', now)).toBe('old');
    expect(syncFreshness(null, now)).toBe('never');
  });

  it('counts whole days of waiting, never fewer than none', () => {
    expect(wholeDaysBetween('2026-11-20T04:00:00.000Z', '2026-12-01T01:00:00.000Z')).toBe(10);
    expect(wholeDaysBetween('2026-12-01T02:00:00.000Z', '2026-12-01T01:00:00.000Z')).toBe(0);
    expect(wholeDaysBetween(null, '2026-12-01T01:00:00.000Z')).toBeNull();
  });

  it('names known audit actions and reasons, and shows unknown ones as stored', async () => {
    const vi = await setupI18n('vi');
    expect(auditActionText(vi.t, vi, { action: 'report.exported' })).toBe('Xuất báo cáo');
    expect(auditActionText(vi.t, vi, { action: 'kiosk-registration.submitted' })).toBe('Đăng ký tại ki-ốt');
    expect(auditActionText(vi.t, vi, { action: 'brand.new-thing' })).toBe('brand.new-thing');
    const en = await setupI18n('en');
    expect(reasonText(en.t, en, { reasonCode: 'declaration-missing', labelVi: 'Thiếu tờ khai' })).toBe(
      'Declaration form missing or unsigned',
    );
    expect(reasonText(en.t, en, { reasonCode: 'office-specific', labelVi: 'Lý do riêng' })).toBe(
      'Lý do riêng',
    );
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab…');
  });

  it('says an approval despite a mismatch in words, under its old action name and its new one', async () => {
    for (const language of ['vi', 'en', 'zh', 'ko', 'ja']) {
      const i18n = await setupI18n(language);
      const old = auditActionText(i18n.t, i18n, { action: 'decision.recorded-with-override', details: {} });
      const renamed = auditActionText(i18n.t, i18n, {
        action: 'decision.recorded',
        details: { outcome: 'approved', override: true },
      });
      const plain = auditActionText(i18n.t, i18n, {
        action: 'decision.recorded',
        details: { override: false },
      });
      expect(old, language).not.toContain('decision.');
      expect(renamed, language).toBe(old);
      expect(plain, language).not.toBe(old);
    }
    const vi = await setupI18n('vi');
    expect(auditActionText(vi.t, vi, { action: 'decision.recorded-with-override' })).toBe(
      'Ghi quyết định (duyệt vượt sai lệch)',
    );
  });

  it('names every end-of-day failure in every language', async () => {
    for (const language of ['vi', 'en', 'zh', 'ko', 'ja']) {
      const i18n = await setupI18n(language);
      const texts = endOfDayFailureCodes.map((code) => endOfDayFailureText(i18n.t, code));
      for (const [index, text] of texts.entries())
        expect(text, `${language} ${endOfDayFailureCodes[index]}`).not.toMatch(/^reports\.|failure/);
      expect(new Set(texts).size, language).toBe(endOfDayFailureCodes.length);
    }
  });
});
