import { vietnamDisplayDate, vietnamTimeOfDay } from '../../main/core/time/vietnam-time.ts';

/** ISO `YYYY-MM-DD` (or a year-only `YYYY`) as shown to people: dd/MM/yyyy (or yyyy). */
export function formatIsoDate(iso: string | null): string | null {
  if (iso === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  return /^\d{4}$/.test(iso) ? iso : null;
}

/**
 * An instant as people in the office read it, in Vietnam time whatever zone the PC is set to:
 * 21/11/2026 08:15.
 */
export function formatDateTime(instant: Date | string): string {
  const iso = typeof instant === 'string' ? instant : instant.toISOString();
  return `${vietnamDisplayDate(iso)} ${vietnamTimeOfDay(iso)}`;
}

/** HH:mm in Vietnam time ("as of last sync 14:05"). */
export function formatTime(instant: Date | string): string {
  return vietnamTimeOfDay(typeof instant === 'string' ? instant : instant.toISOString());
}
