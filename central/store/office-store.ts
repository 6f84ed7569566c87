import type Database from 'better-sqlite3';

export interface Office {
  officeCode: string;
  name: string;
}

export function createOfficeStore(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO offices (office_code, name) VALUES (?, ?) ON CONFLICT(office_code) DO NOTHING',
  );
  const exists = db.prepare('SELECT 1 FROM offices WHERE office_code = ?').pluck();
  const all = db.prepare('SELECT office_code AS officeCode, name FROM offices ORDER BY office_code');
  return {
    insert(office: Office): void {
      insert.run(office.officeCode, office.name);
    },
    exists(officeCode: string): boolean {
      return exists.get(officeCode) !== undefined;
    },
    list(): Office[] {
      return all.all() as Office[];
    },
  };
}
