// The names the form prints for a receiving office, from resources/domain/bhxh-offices.json (the
// offices of the data set; central/seed/reference-offices.ts is where they come from, and a test
// keeps the two in step). The central service owns the real list: an office it knows and this
// file does not is printed by its code alone, which the counter can still read.
import offices from '../../../resources/domain/bhxh-offices.json' with { type: 'json' };

export interface BhxhOffice {
  code: string;
  /** Null when the code is not in the table. */
  name: string | null;
  /** The locality for the form's "…, ngày … tháng … năm …" line; null when unknown. */
  place: string | null;
}

const table: Record<string, { name: string; place: string }> = offices;

/** The office with this code, with its name and locality when the table has them. */
export function bhxhOffice(code: string): BhxhOffice {
  const entry = Object.hasOwn(table, code) ? table[code] : undefined;
  return { code, name: entry?.name ?? null, place: entry?.place ?? null };
}
