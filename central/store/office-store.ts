import type Database from 'better-sqlite3';

export interface Office {
  officeCode: string;
  name: string;
  /** The province or province-level city; null when unknown (offices added before migration 0002). */
  province: string | null;
}

export function createOfficeStore(db: Database.Database) {
  // Seeding an existing database adds what is missing: a province an older version did not record
  // is filled in, a name or province already there is never replaced.
  const insert = db.prepare(
    `INSERT INTO offices (office_code, name, province) VALUES (?, ?, ?)
     ON CONFLICT(office_code) DO UPDATE SET province = coalesce(offices.province, excluded.province)`,
  );
  const exists = db.prepare('SELECT 1 FROM offices WHERE office_code = ?').pluck();
  const find = db.prepare(
    'SELECT office_code AS officeCode, name, province FROM offices WHERE office_code = ?',
  );
  const all = db.prepare(
    'SELECT office_code AS officeCode, name, province FROM offices ORDER BY office_code',
  );
  return {
    insert(office: Office): void {
      insert.run(office.officeCode, office.name, office.province);
    },
    exists(officeCode: string): boolean {
      return exists.get(officeCode) !== undefined;
    },
    find(officeCode: string): Office | undefined {
      return find.get(officeCode) as Office | undefined;
    },
    list(): Office[] {
      return all.all() as Office[];
    },
  };
}
