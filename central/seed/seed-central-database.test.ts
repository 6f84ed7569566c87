import { describe, expect, it } from 'vitest';
import { openCentralDatabase } from '../store/open-central-database.ts';
import { verifyPassword } from '../../main/security/password-hash.ts';
import { createStaffStore } from '../store/staff-store.ts';
import { seedCentralDatabase } from './seed-central-database.ts';
import { trainingPasswords } from './training-staff.ts';

const dump = (db: ReturnType<typeof openCentralDatabase>) =>
  db.prepare('SELECT seq, code, office_code, status, json FROM registrations ORDER BY seq').all();

describe('seeding the central database', () => {
  it('writes identical registrations for the same count', async () => {
    const first = openCentralDatabase(':memory:');
    const second = openCentralDatabase(':memory:');
    await seedCentralDatabase(first, 500);
    await seedCentralDatabase(second, 500);
    expect(dump(first)).toHaveLength(500);
    expect(dump(first)).toEqual(dump(second));
    first.close();
    second.close();
  });

  it('never doubles registrations when an existing database is seeded again', async () => {
    const db = openCentralDatabase(':memory:');
    expect((await seedCentralDatabase(db, 100)).registrations).toBe(100);
    expect((await seedCentralDatabase(db, 100)).registrations).toBe(0);
    expect(dump(db)).toHaveLength(100);
    db.close();
  });

  it('fills in the province of an office seeded before it was recorded, keeping its name', async () => {
    const db = openCentralDatabase(':memory:');
    db.prepare("INSERT INTO offices (office_code, name) VALUES ('01001', 'Tên do quản trị viên đặt')").run();
    await seedCentralDatabase(db, 0);
    expect(
      db
        .prepare("SELECT name, province FROM offices WHERE office_code IN ('01001', '09201') ORDER BY 1")
        .all(),
    ).toEqual([
      { name: 'BHXH khu vực Ninh Kiều, Cần Thơ', province: 'Thành phố Cần Thơ' },
      { name: 'Tên do quản trị viên đặt', province: 'Thành phố Hà Nội' },
    ]);
    db.close();
  });

  it('records the notifications of seeded decisions', async () => {
    const db = openCentralDatabase(':memory:');
    const summary = await seedCentralDatabase(db, 400);
    const decided = db
      .prepare("SELECT count(*) FROM registrations WHERE status IN ('approved', 'rejected')")
      .pluck()
      .get();
    expect(decided).toBeGreaterThan(0);
    expect(summary.notifications).toBeGreaterThanOrEqual(decided as number);
    db.close();
  });

  it('gives every office staff of every role whose hashes verify the training passwords', async () => {
    const db = openCentralDatabase(':memory:');
    await seedCentralDatabase(db, 0);
    const staff = createStaffStore(db).list('01001');
    expect(new Set(staff.map((member) => member.role))).toEqual(new Set(['officer', 'supervisor', 'admin']));
    expect(staff.some((member) => !member.active)).toBe(true);
    for (const member of staff) {
      expect(await verifyPassword(trainingPasswords[member.role], member.passwordHash)).toBe(true);
      expect(await verifyPassword('wrong', member.passwordHash)).toBe(false);
    }
    db.close();
  });
});
