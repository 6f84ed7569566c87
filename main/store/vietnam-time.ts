// Dates as people in a BHXH office read them. Vietnam keeps UTC+7 all year (no daylight saving), and
// the office's calendar day must not depend on how the kiosk's OS time zone was set up.

const timeZone = 'Asia/Ho_Chi_Minh';
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

/** The office's calendar day of `date`, as YYYY-MM-DD. */
export function vietnamDay(date: Date): string {
  return dayFormat.format(date);
}

/** A timestamp for a Vietnamese sentence, e.g. "15:15 20/11/2026" (the input stays ISO UTC in data). */
export function vietnamDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}
