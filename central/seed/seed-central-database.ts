import type Database from 'better-sqlite3';
import type { StaffRole } from '../../main/core/staff/staff-roles.ts';
import { hashPassword } from '../../main/security/password-hash.ts';
import { decisionNotifications } from '../notifications/decision-notifications.ts';
import { createNotificationStore } from '../store/notification-store.ts';
import { createOfficeStore } from '../store/office-store.ts';
import { createRegistrationStore } from '../store/registration-store.ts';
import { createStaffStore } from '../store/staff-store.ts';
import { streamRegistrations, type GenerateOptions } from './generate-registrations.ts';
import { referenceOffices } from './reference-offices.ts';
import { trainingPasswords, trainingStaff } from './training-staff.ts';

export interface SeedSummary {
  offices: number;
  staff: number;
  /** Registrations written now; 0 when the database already held registrations. */
  registrations: number;
  notifications: number;
}

/**
 * Fills a database with the synthetic offices, their staff (training passwords) and `count`
 * registrations. Offices and staff are added if missing; registrations only into a database that
 * has none, so serving an existing file again with `--seed` never doubles the data. Registrations,
 * their code counters and the notifications of seeded decisions are written in one transaction.
 */
export async function seedCentralDatabase(
  db: Database.Database,
  count: number,
  options: GenerateOptions = {},
): Promise<SeedSummary> {
  // Hashing the training passwords is scrypt's deliberate slowness (≈ 60 ms each): a database that
  // already has every training account (each later start of training mode) does not need it.
  const missingStaff = referenceOffices.some((office) => {
    const present = new Set(
      createStaffStore(db)
        .list(office.officeCode)
        .map((member) => member.staffId),
    );
    return trainingStaff(office.officeCode).some((member) => !present.has(member.staffId));
  });
  const passwordHashes = missingStaff ? await trainingPasswordHashes() : null;
  const offices = createOfficeStore(db);
  const staff = createStaffStore(db);
  const registrations = createRegistrationStore(db);
  const notifications = createNotificationStore(db);

  const write = db.transaction(() => {
    let staffCount = 0;
    for (const office of referenceOffices) {
      offices.insert({ officeCode: office.officeCode, name: office.name, province: office.city });
      for (const { password: _password, ...member } of trainingStaff(office.officeCode)) {
        if (passwordHashes !== null)
          staff.insert(office.officeCode, { ...member, passwordHash: passwordHashes[member.role] });
        staffCount++;
      }
    }
    if (registrations.count() > 0) {
      return { offices: referenceOffices.length, staff: staffCount, registrations: 0, notifications: 0 };
    }
    let seq = registrations.nextSeq();
    let notificationCount = 0;
    const lastNumbers = new Map<string, { officeCode: string; year: number; number: number }>();
    for (const registration of streamRegistrations(count, options)) {
      const changedAt = registration.decision?.decidedAt ?? registration.submittedAt;
      registrations.insertJson(registration, JSON.stringify(registration), {
        seq: seq++,
        changedAt,
        changedByDevice: null,
        withdrawalReason:
          registration.status === 'withdrawn' ? 'Công dân rút hồ sơ trên Cổng dịch vụ công.' : null,
      });
      for (const notification of decisionNotifications(registration, changedAt)) {
        notifications.insert(notification);
        notificationCount++;
      }
      const [, officeCode = '', year = '0', number = '0'] = registration.code.split('-');
      lastNumbers.set(`${officeCode}/${year}`, { officeCode, year: Number(year), number: Number(number) });
    }
    for (const { officeCode, year, number } of lastNumbers.values()) {
      registrations.reserveCodesUpTo(officeCode, year, number);
    }
    return {
      offices: referenceOffices.length,
      staff: staffCount,
      registrations: count,
      notifications: notificationCount,
    };
  });
  return write.immediate();
}

// One hash per training password, computed once per process: staff of the same role share the same
// (documented) training password, so they share its hash too. Hashing 25 staff separately would add
// seconds to every training-mode start. A real directory has one salt per person.
let cachedHashes: Promise<Record<StaffRole, string>> | undefined;

function trainingPasswordHashes(): Promise<Record<StaffRole, string>> {
  cachedHashes ??= (async () => {
    const roles = Object.keys(trainingPasswords) as StaffRole[];
    const hashes = await Promise.all(roles.map((role) => hashPassword(trainingPasswords[role])));
    return Object.fromEntries(roles.map((role, index) => [role, hashes[index]])) as Record<StaffRole, string>;
  })();
  return cachedHashes;
}
