// Card validity and "today" are calendar dates in Vietnam (UTC+7, no daylight saving), whatever time
// zone the PC is set to: a card valid until 21/11 must not expire at 17:00 on a PC set to UTC.
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of the given instant in Vietnam. */
export function vietnamCalendarDate(instant: Date): string {
  return formatter.format(instant);
}
