/** ISO `YYYY-MM-DD` (or a year-only `YYYY`) as shown to people: dd/MM/yyyy (or yyyy). */
export function formatIsoDate(iso: string | null): string | null {
  if (iso === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  return /^\d{4}$/.test(iso) ? iso : null;
}

/** An instant as the local wall-clock time with date, e.g. 21/11/2026 08:15. */
export function formatDateTime(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(instant.getDate())}/${pad(instant.getMonth() + 1)}/${instant.getFullYear()} ${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}
