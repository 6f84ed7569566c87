// Dates as people in a BHXH office read them. Vietnam keeps UTC+7 all year (no daylight saving), so
// the office's calendar day is plain arithmetic on the instant, whatever time zone the PC is set to:
// a card valid until 21/11 must not expire at 17:00 on a PC set to UTC, and a backup made at 06:00
// in Hà Nội belongs to that day. Every date shown or compared as "today" goes through this module.

const offsetMs = 7 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/** The instant shifted so that its UTC fields read as Vietnam's wall clock. */
function wallClock(instant: number): Date {
  return new Date(instant + offsetMs);
}

/** The office's calendar day of `instant`, as YYYY-MM-DD. */
export function vietnamDay(instant: Date | number): string {
  const wall = wallClock(typeof instant === 'number' ? instant : instant.getTime());
  return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
}

let cachedDay = '';
let cachedFrom = 0;
let cachedUntil = 0;

/**
 * Today in Vietnam, as YYYY-MM-DD. Cached for the day it belongs to, so that checking card validity
 * on every scan costs one `Date.now()` rather than a Date object and a string.
 */
export function vietnamToday(now: number = Date.now()): string {
  if (now >= cachedFrom && now < cachedUntil) return cachedDay;
  cachedDay = vietnamDay(now);
  cachedFrom = Math.floor((now + offsetMs) / dayMs) * dayMs - offsetMs;
  cachedUntil = cachedFrom + dayMs;
  return cachedDay;
}

/** dd/MM/yyyy of an ISO timestamp in Vietnam (the form's and the notices' date); the input if it is not a date. */
export function vietnamDisplayDate(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const wall = wallClock(instant);
  return `${pad2(wall.getUTCDate())}/${pad2(wall.getUTCMonth() + 1)}/${wall.getUTCFullYear()}`;
}

/** A timestamp for a Vietnamese sentence, e.g. "15:15 20/11/2026" (data stays ISO UTC). */
export function vietnamDateTime(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  return `${vietnamTimeOfDay(iso)} ${vietnamDisplayDate(iso)}`;
}

/** HH:mm of an ISO timestamp in Vietnam; the input if it is not a date. */
export function vietnamTimeOfDay(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const wall = wallClock(instant);
  return `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
}
