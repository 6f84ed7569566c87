import type { i18n as I18n, TFunction } from 'i18next';
import type { AuditBreakReason } from '../../../preload/contract/areas/audit.ts';
import type { EndOfDayFailureCode } from '../../../preload/contract/areas/reports.ts';

// The words and numbers of the reports screen that need more than a translation: durations, the
// age of the last sync, the age of the backlog, audit actions and rejection reasons by name.

const dayMs = 24 * 60 * 60 * 1000;

/**
 * After this long without a sync the figures of the other counters may be missing a good part of
 * the day (the background round runs every few minutes when the central is reachable): the header
 * says so in the warning style rather than letting a supervisor read a partial day as complete.
 */
export const staleSyncMinutes = 30;

export type SyncFreshness = 'never' | 'fresh' | 'old';

export function syncFreshness(asOf: string | null, now: number): SyncFreshness {
  if (asOf === null) return 'never';
  return now - Date.parse(asOf) > staleSyncMinutes * 60_000 ? 'old' : 'fresh';
}

/** A duration in words, e.g. "2 phút 05 giây"; "—" when there is none. */
export function durationText(t: TFunction, seconds: number | null): string {
  if (seconds === null) return t('reports.duration.none');
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (hours > 0) return t('reports.duration.hoursMinutes', { hours, minutes: pad(minutes) });
  if (minutes > 0) return t('reports.duration.minutesSeconds', { minutes, seconds: pad(rest) });
  return t('reports.duration.seconds', { seconds: rest });
}

/** Whole days from `since` to `until` (the age of the oldest pending registration); null without one. */
export function wholeDaysBetween(since: string | null, until: string): number | null {
  if (since === null) return null;
  return Math.max(0, Math.floor((Date.parse(until) - Date.parse(since)) / dayMs));
}

/**
 * Older databases hold `decision.recorded-with-override`, since renamed `decision.recorded` with
 * `override: true` in its details: both read the same on screen.
 */
const overrideAction = 'decision.recorded-with-override';

/** An audit action in words where the screen knows it (`session.signed-in` → "Đăng nhập"), else as stored. */
export function auditActionText(
  t: TFunction,
  i18n: Pick<I18n, 'exists'>,
  entry: { action: string; details?: Record<string, unknown> },
): string {
  const action =
    entry.action === 'decision.recorded' && entry.details?.override === true ? overrideAction : entry.action;
  const key = `reports.auditAction.${action.replace(/\./g, '_')}`;
  return i18n.exists(key) ? t(key) : entry.action;
}

/** Why the end-of-day export failed, in words (the screens never show the backend's Vietnamese). */
export function endOfDayFailureText(t: TFunction, code: EndOfDayFailureCode): string {
  return t(`reports.endOfDay.failure.${code}`);
}

export function auditBreakText(t: TFunction, reason: AuditBreakReason): string {
  return t(`reports.audit.breakReason.${reason}`);
}

/** A rejection reason in the reader's language when the app knows the code, else its Vietnamese label. */
export function reasonText(
  t: TFunction,
  i18n: Pick<I18n, 'exists'>,
  reason: { reasonCode: string; labelVi: string | null },
): string {
  const key = `rejectionReason.${reason.reasonCode}`;
  if (i18n.exists(key)) return t(key);
  return reason.labelVi ?? reason.reasonCode;
}

/** The first characters of a SHA-256 hash, enough to compare with the central's by eye. */
export function shortHash(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
