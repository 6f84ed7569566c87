import { z } from 'zod';
import { staffRoles } from '../core/staff/staff-roles.ts';
import { appendAudit } from './audit-log.ts';
import type { Store } from './store.ts';

// The office's staff directory. The central service owns it; this device keeps a copy so officers
// can log in offline, replaced as a whole in one transaction (never half old, half new).

export const staffMemberSchema = z.object({
  staffId: z.string().min(1).max(64),
  fullName: z.string().min(1).max(200),
  role: z.enum(staffRoles),
  /** A password hash as the central service computed it (never a password). */
  passwordHash: z.string().min(1).max(512),
  active: z.boolean(),
});

export type StaffMember = z.infer<typeof staffMemberSchema>;

interface StaffRow {
  staff_id: string;
  full_name: string;
  role: StaffMember['role'];
  password_hash: string;
  active: number;
}

function toMember(row: StaffRow): StaffMember {
  return {
    staffId: row.staff_id,
    fullName: row.full_name,
    role: row.role,
    passwordHash: row.password_hash,
    active: row.active === 1,
  };
}

export function replaceAllStaff(store: Store, members: readonly StaffMember[]): void {
  const checked = z.array(staffMemberSchema).parse(members);
  store.transaction(() => {
    const now = store.now().toISOString();
    store.statement('DELETE FROM staff').run();
    const insert = store.statement(
      `INSERT INTO staff (staff_id, full_name, role, password_hash, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const member of checked) {
      insert.run(
        member.staffId,
        member.fullName,
        member.role,
        member.passwordHash,
        member.active ? 1 : 0,
        now,
      );
    }
    appendAudit(store, {
      actor: 'sync',
      action: 'staff.replaced',
      subject: null,
      details: { count: checked.length, active: checked.filter((member) => member.active).length },
    });
  });
}

export function findStaff(store: Store, staffId: string): StaffMember | null {
  const row = store.read(
    () => store.statement('SELECT * FROM staff WHERE staff_id = ?').get(staffId) as StaffRow | undefined,
  );
  return row === undefined ? null : toMember(row);
}

/**
 * The member a typed sign-in id names: the exact id, else the one id that matches ignoring case
 * (officers type `CB-07921-1` as often as `cb-07921-1`).
 */
export function findStaffByTypedId(store: Store, typedId: string): StaffMember | null {
  const id = typedId.trim();
  const exact = findStaff(store, id);
  if (exact) return exact;
  const rows = store.read(
    () =>
      store.statement('SELECT * FROM staff WHERE staff_id = ? COLLATE NOCASE LIMIT 2').all(id) as StaffRow[],
  );
  return rows.length === 1 ? toMember(rows[0] as StaffRow) : null;
}

export function countStaff(store: Store): number {
  return store.read(() => (store.statement('SELECT count(*) AS n FROM staff').get() as { n: number }).n);
}

export function listActiveStaff(store: Store): StaffMember[] {
  const rows = store.read(
    () =>
      store
        .statement('SELECT * FROM staff WHERE active = 1 ORDER BY full_name, staff_id')
        .all() as StaffRow[],
  );
  return rows.map(toMember);
}
