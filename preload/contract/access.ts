import type { StaffRole } from '../../main/core/staff/staff-roles.ts';

// Who may call what (ARCHITECTURE.md "Who may call what"). Every operation of the contract declares
// its access: per mode, the roles that may call it. The dispatcher decides with `accessRefusal`
// before it even looks at the arguments, and the renderer uses the same function to decide which
// screens and actions to offer, so the two cannot disagree.

export const appModes = ['counter', 'kiosk'] as const;
export type AppMode = (typeof appModes)[number];

/** `public`: anyone using the page, signed in or not (a citizen at a kiosk, the sign-in screen). */
export type Role = 'public' | StaffRole;

export interface Access {
  /** Roles allowed on a counter PC. Absent: the operation does not exist in counter mode. */
  readonly counter?: readonly Role[];
  /** At a kiosk nobody signs in: either anyone (`['public']`) or nobody (absent / empty). */
  readonly kiosk?: readonly [] | readonly ['public'];
  /**
   * Also callable by anyone, in the modes listed above, while this PC is not enrolled: a PC that was
   * never enrolled has no staff directory, so its first set-up takes the enrollment code as the
   * credential instead of a sign-in.
   */
  readonly beforeEnrollment?: true;
  /** Callable while the session is locked: the lock screen's own operations. */
  readonly whileLocked?: true;
  /** Callable before the officer has chosen a PIN (the first sign-in on a PC asks for one). */
  readonly beforePin?: true;
}

/** Anyone on a counter PC and anyone at a kiosk. */
export const everyone = { counter: ['public'], kiosk: ['public'] } as const satisfies Access;
/** Signed-in staff of the counter. */
export const anyStaff = ['officer', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** The staff whose work is registrations: they see citizens' personal data. */
export const caseworkers = ['officer', 'supervisor'] as const satisfies readonly Role[];
export const administrators = ['admin'] as const satisfies readonly Role[];
/** Who follows the office's day: the reports and the audit trail. */
export const reportReaders = ['supervisor', 'admin'] as const satisfies readonly Role[];

/** What the dispatcher knows of the caller: the PC's mode and enrollment, and the backend's session. */
export interface Caller {
  mode: AppMode;
  enrolled: boolean;
  session: { role: StaffRole; locked: boolean; pinRequired: boolean } | null;
}

export type AccessRefusal = 'forbidden' | 'not-signed-in' | 'session-locked' | 'pin-not-set';

/** Why `caller` may not call an operation with `access`, or null when it may. */
export function accessRefusal(access: Access, caller: Caller): AccessRefusal | null {
  const roles: readonly Role[] | undefined = access[caller.mode];
  if (roles === undefined) return 'forbidden';
  if (roles.includes('public')) return null;
  if (access.beforeEnrollment && !caller.enrolled) return null;
  if (roles.length === 0 || caller.mode === 'kiosk') return 'forbidden';
  const { session } = caller;
  if (session === null) return 'not-signed-in';
  if (!roles.includes(session.role)) return 'forbidden';
  if (session.locked && !access.whileLocked) return 'session-locked';
  if (session.pinRequired && !access.beforePin) return 'pin-not-set';
  return null;
}
