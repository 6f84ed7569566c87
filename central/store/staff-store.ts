import type Database from 'better-sqlite3';
import type { StaffMember } from '../protocol/sync-protocol.ts';

export function createStaffStore(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO staff (staff_id, office_code, full_name, role, password_hash, active)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(staff_id) DO NOTHING`);
  const list = db.prepare(`
    SELECT staff_id AS staffId, full_name AS fullName, role, password_hash AS passwordHash, active
      FROM staff WHERE office_code = ? ORDER BY staff_id`);
  return {
    insert(officeCode: string, member: StaffMember): void {
      insert.run(
        member.staffId,
        officeCode,
        member.fullName,
        member.role,
        member.passwordHash,
        member.active ? 1 : 0,
      );
    },
    list(officeCode: string): StaffMember[] {
      const rows = list.all(officeCode) as (Omit<StaffMember, 'active'> & { active: number })[];
      return rows.map((row) => ({ ...row, active: row.active === 1 }));
    },
  };
}
