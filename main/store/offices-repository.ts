import { z } from 'zod';
import type { Store } from './store.ts';

// The receiving offices a kiosk form may name, as the central service lists them (GET /v1/offices).
// The central owns the list; this device keeps a copy so the kiosk can offer it offline, replaced
// as a whole in one transaction (never half old, half new) by the sync engine.

export const officeSchema = z.object({
  officeCode: z.string().min(1).max(16),
  name: z.string().min(1).max(200),
  province: z.string().min(1).max(200).nullish(),
});

export interface Office {
  officeCode: string;
  name: string;
  province: string | null;
}

interface OfficeRow {
  office_code: string;
  name: string;
  province: string | null;
}

/** Replaces the whole list; every row gets the same `fetched_at` (the store's clock). */
export function replaceAllOffices(store: Store, offices: readonly z.input<typeof officeSchema>[]): void {
  const checked = z.array(officeSchema).parse(offices);
  store.transaction(() => {
    const fetchedAt = store.now().toISOString();
    store.statement('DELETE FROM offices').run();
    const insert = store.statement(
      'INSERT INTO offices (office_code, name, province, fetched_at) VALUES (?, ?, ?, ?)',
    );
    for (const office of checked)
      insert.run(office.officeCode, office.name, office.province ?? null, fetchedAt);
  });
}

/**
 * Every office, by name as a Vietnamese reader sorts it. The collation is JS's (`localeCompare`
 * with 'vi'), not SQLite's, which only knows byte order: "Đà Nẵng" must come after "Cần Thơ", not
 * after every unaccented name. The list has tens of rows, so sorting it here costs nothing.
 */
export function listOffices(store: Store): Office[] {
  const rows = store.read(
    () => store.statement('SELECT office_code, name, province FROM offices').all() as OfficeRow[],
  );
  return rows
    .map((row) => ({ officeCode: row.office_code, name: row.name, province: row.province }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.officeCode.localeCompare(b.officeCode, 'vi'));
}

/** When the stored list came from the central; null before the first refresh (or if it was empty). */
export function officesFetchedAt(store: Store): string | null {
  return store.read(
    () => (store.statement('SELECT max(fetched_at) AS at FROM offices').get() as { at: string | null }).at,
  );
}
