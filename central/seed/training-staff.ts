import type { StaffRole } from '../../main/core/staff/staff-roles.ts';
import type { StaffMember } from '../protocol/sync-protocol.ts';

// The staff of each synthetic office, with KNOWN TRAINING PASSWORDS (docs/sync-protocol.md). For
// training mode, demos and tests only: a real central service never ships passwords in its source.

export const trainingPasswords: Readonly<Record<StaffRole, string>> = {
  officer: 'canbo@123',
  supervisor: 'giamsat@123',
  admin: 'quantri@123',
};

export const trainingCounterIds: readonly string[] = ['QUAY-01', 'QUAY-02', 'QUAY-03', 'QUAY-04'];

export type TrainingStaffMember = Omit<StaffMember, 'passwordHash'> & { password: string };

const staffNames: Readonly<Record<string, readonly [string, string, string, string, string]>> = {
  // officer 1, officer 2, supervisor, admin, former officer (inactive)
  '01001': ['Nguyễn Thị Lan', 'Trần Văn Hùng', 'Lê Thị Thu Hà', 'Phạm Quang Minh', 'Đỗ Văn Thắng'],
  '07921': ['Huỳnh Thị Ngọc Hân', 'Võ Minh Tuấn', 'Trương Thị Mai', 'Lý Quốc Bảo', 'Phan Văn Lộc'],
  '04801': ['Đặng Thị Hương', 'Hồ Văn Dũng', 'Ngô Thị Thùy Trang', 'Bùi Đức Huy', 'Lê Văn Phong'],
  '03101': ['Vũ Thị Nhung', 'Đinh Văn Cường', 'Nguyễn Thị Yến', 'Trịnh Công Sơn', 'Mai Văn Nam'],
  '09201': ['Dương Thị Kim Ngân', 'Lâm Văn Khánh', 'Trần Thị Bích Ngọc', 'Nguyễn Hữu Tài', 'Quách Văn Tùng'],
};

/** Staff ids read `<role prefix>-<office>[-n]`: cb = cán bộ (officer), gs = giám sát, qt = quản trị. */
export function trainingStaff(officeCode: string): TrainingStaffMember[] {
  const names = staffNames[officeCode] ?? [
    'Cán bộ Một',
    'Cán bộ Hai',
    'Giám sát viên',
    'Quản trị viên',
    'Cán bộ đã nghỉ',
  ];
  const member = (staffId: string, fullName: string, role: StaffRole, active = true) => ({
    staffId,
    fullName,
    role,
    active,
    password: trainingPasswords[role],
  });
  return [
    member(`cb-${officeCode}-1`, names[0], 'officer'),
    member(`cb-${officeCode}-2`, names[1], 'officer'),
    member(`gs-${officeCode}`, names[2], 'supervisor'),
    member(`qt-${officeCode}`, names[3], 'admin'),
    member(`cb-${officeCode}-9`, names[4], 'officer', false),
  ];
}

/** The officers whose ids appear in seeded decisions. */
export function trainingOfficerIds(officeCode: string): string[] {
  return [`cb-${officeCode}-1`, `cb-${officeCode}-2`];
}
