// The calendar of a report: a day is a Vietnam day (UTC+7 all year, main/core/time), so a range of
// days is a range of instants, and the store's ISO UTC text (`YYYY-MM-DDTHH:MM:SS.sssZ`, where text
// order is time order) is compared with the range's bounds as text. Aggregations group by the UTC
// hour (the first 13 characters of that text); these helpers turn such a group into the Vietnam day
// and hour it belongs to.

const offsetMs = 7 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`);

function dayText(wall: Date): string {
  return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Midnight of a Vietnam day, as epoch milliseconds. */
function vietnamMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - offsetMs;
}

/** The instants of the Vietnam days `from`…`to` (both included): `[start, end)` as ISO UTC text. */
export function vietnamDayBounds(from: string, to: string): { start: string; end: string } {
  return {
    start: new Date(vietnamMidnight(from)).toISOString(),
    end: new Date(vietnamMidnight(to) + dayMs).toISOString(),
  };
}

/** How many days `from`…`to` covers (1 for a single day; 0 or less when `to` is before `from`). */
export function dayCount(from: string, to: string): number {
  return Math.round((vietnamMidnight(to) - vietnamMidnight(from)) / dayMs) + 1;
}

/** What is wrong with a range of days, for the one message every caller gives. */
export type DayRangeProblem =
  { problem: 'not-a-date' } | { problem: 'backward' } | { problem: 'too-long'; days: number };

/**
 * Checks `from`…`to` (YYYY-MM-DD, both included): real dates, `from` ≤ `to`, at most `maxDays`
 * days. Null when the range is fine. The reports and the audit list share it, so they refuse the
 * same ranges with the same details.
 */
export function dayRangeProblem(from: string, to: string, maxDays: number): DayRangeProblem | null {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { problem: 'not-a-date' };
  const days = dayCount(from, to);
  if (days < 1) return { problem: 'backward' };
  if (days > maxDays) return { problem: 'too-long', days };
  return null;
}

/** Every day of `from`…`to`, in order. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  const count = dayCount(from, to);
  const first = Date.parse(`${from}T00:00:00.000Z`);
  for (let index = 0; index < count; index += 1) days.push(dayText(new Date(first + index * dayMs)));
  return days;
}

/** The day before or after a day. */
export function shiftDay(day: string, days: number): string {
  return dayText(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * dayMs));
}

export interface VietnamHour {
  day: string;
  hour: number;
}

/**
 * The Vietnam day and hour of a UTC hour written `YYYY-MM-DDTHH` (the first 13 characters of the
 * store's ISO text). Memoised: a month's aggregation asks for the same few hundred keys many times.
 */
export function vietnamHourOf(utcHour: string, cache?: Map<string, VietnamHour>): VietnamHour {
  const known = cache?.get(utcHour);
  if (known !== undefined) return known;
  const wall = new Date(Date.parse(`${utcHour}:00:00.000Z`) + offsetMs);
  const result = { day: dayText(wall), hour: wall.getUTCHours() };
  cache?.set(utcHour, result);
  return result;
}

/** The instants before which a pending registration is 1, 3 and 7 days old at `now` (ISO UTC). */
export function ageThresholds(now: Date): { oneDay: string; threeDays: string; sevenDays: string } {
  const at = (days: number) => new Date(now.getTime() - days * dayMs).toISOString();
  return { oneDay: at(1), threeDays: at(3), sevenDays: at(7) };
}
