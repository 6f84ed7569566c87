import { z } from 'zod';
import { staffRoles } from '../../../main/core/staff/staff-roles.ts';
import { anyStaff } from '../access.ts';
import type { EventTable, OperationTable } from '../operation-definition.ts';

// Staff sign-in on a counter PC. The session belongs to the backend (one PC, one officer at a time):
// the caller's identity is never an argument of any operation. Sign-in works offline against the
// staff directory synced from the central service. Kiosks have no sessions: none of these exist there.

const isoTimestamp = z.iso.datetime({ offset: true });
export const pinSchema = z.string().regex(/^\d{4,6}$/, 'mã PIN gồm 4–6 chữ số');
const passwordSchema = z.string().min(1).max(256);

export const sessionViewSchema = z.object({
  staffId: z.string(),
  fullName: z.string(),
  role: z.enum(staffRoles),
  signedInAt: isoTimestamp,
  /** Locked after idle minutes (or by the officer): personal data is hidden until unlocked. */
  locked: z.boolean(),
  /** False on the first sign-in on this PC: the officer must choose a PIN before working. */
  pinSet: z.boolean(),
  /** When the session locks if nothing happens; null while locked. */
  lockAt: isoTimestamp.nullable(),
});

export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionChangeReasons = [
  'signed-in',
  'signed-out',
  'taken-over',
  'idle-locked',
  'locked',
  'unlocked',
  'pin-set',
  'ended',
] as const;

export const sessionChangedSchema = z.object({
  session: sessionViewSchema.nullable(),
  reason: z.enum(sessionChangeReasons),
});

const noArguments = z.object({}).strict();
/** The lock screen's operations: also while locked, and before the PIN is chosen. */
const lockScreen = { counter: anyStaff, whileLocked: true, beforePin: true } as const;

export const sessionOperations = {
  'session.current': {
    args: noArguments,
    result: sessionViewSchema.nullable(),
    errors: [],
    access: { counter: ['public'] },
  },
  'session.signIn': {
    args: z.object({ username: z.string().trim().min(1).max(64), password: passwordSchema }).strict(),
    result: sessionViewSchema,
    errors: ['invalid-credentials', 'staff-inactive', 'account-locked-out', 'staff-directory-empty'],
    access: { counter: ['public'] },
  },
  'session.signOut': { args: noArguments, result: z.null(), errors: [], access: lockScreen },
  'session.lock': { args: noArguments, result: sessionViewSchema, errors: [], access: { counter: anyStaff } },
  'session.unlock': {
    args: z
      .union([z.object({ pin: pinSchema }).strict(), z.object({ password: passwordSchema }).strict()])
      .describe('the PIN, or the password'),
    result: sessionViewSchema,
    errors: [
      'wrong-pin',
      'pin-attempts-exhausted',
      'pin-not-available',
      'invalid-credentials',
      'account-locked-out',
      'staff-inactive',
    ],
    access: lockScreen,
  },
  'session.setPin': {
    args: z.object({ pin: pinSchema, password: passwordSchema.optional() }).strict(),
    result: sessionViewSchema,
    errors: ['invalid-credentials', 'account-locked-out'],
    access: { counter: anyStaff, beforePin: true },
  },
  /** The officer is at work (key presses, taps): pushes the idle lock back. */
  'session.activity': {
    args: noArguments,
    result: sessionViewSchema,
    errors: [],
    access: { counter: anyStaff, beforePin: true },
  },
} as const satisfies OperationTable;

export const sessionEvents = {
  'session.changed': { payload: sessionChangedSchema, access: { counter: ['public'] } },
} as const satisfies EventTable;
