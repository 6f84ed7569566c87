import type { SessionView } from '../../../preload/contract/areas/session.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { hashPassword, verifyPassword } from '../../security/password-hash.ts';
import { appendAudit } from '../../store/audit-log.ts';
import {
  clearSignInFailures,
  readSignInFailures,
  staffKey,
  writeSignInFailures,
  type SignInFailures,
} from '../../store/sign-in-failures-repository.ts';
import { countStaff, findStaff, findStaffByTypedId, type StaffMember } from '../../store/staff-repository.ts';
import { readPinHash, writePinHash } from '../../store/staff-pins-repository.ts';
import type { Store } from '../../store/store.ts';
import { AppError } from '../app-error.ts';
import type { SignedInStaff } from '../operation-handlers.ts';

// The one staff session of this backend (one counter PC, one officer at a time). It lives in memory
// only: restarting the app signs everyone out. Everything a person could use to get in — failed
// attempts, lockouts, PINs — is kept in the store and written to the audit trail in the same
// transaction, so a restart neither lifts a lockout nor loses the record of it.
//
// Idle lock: the renderer reports the officer's input (`session.activity`); when none came for the
// configured minutes the session locks — checked lazily on every call and by a timer, so the page
// is told (`session.changed`) even if it stopped asking. A locked session refuses everything but the
// lock screen's operations until the officer's PIN or password is given, or another officer signs
// in instead (the first is then signed out).

export type SessionChangeReason =
  'signed-in' | 'signed-out' | 'taken-over' | 'idle-locked' | 'locked' | 'unlocked' | 'pin-set' | 'ended';

export interface SessionServiceOptions {
  store: Store;
  now: () => Date;
  /** Read on every use, so a change of the idle minutes or lockout rules applies at once. */
  security: () => Settings['security'];
  onChange: (session: SessionView | null, reason: SessionChangeReason) => void;
}

interface ActiveSession {
  staff: SignedInStaff;
  signedInAt: Date;
  lastActivityAt: Date;
  locked: boolean;
  pinSet: boolean;
  /** Wrong PINs since the last unlock; at the limit the session ends and only the password helps. */
  pinFailures: number;
}

export type UnlockCredential = { pin: string } | { password: string };

// A hash of a random password nobody knows, verified when the typed id names nobody, so that an
// unknown id takes as long to refuse as a wrong password (no timing oracle for valid ids).
const unknownStaffHash =
  'scrypt$32768$8$1$LL81lyAR6xOvjAG/MeTg0g==$rvkcqm+VxIG+2pUCGcY7em8YUbk05OgR+rQRJOOXJLo=';
const maxRememberedUnknownIds = 1000;

export class SessionService {
  readonly #options: SessionServiceOptions;
  #session: ActiveSession | null = null;
  #idleTimer: NodeJS.Timeout | null = null;
  /** Attempts are verified one at a time: no parallel guessing, no lost failure counts. */
  #queue: Promise<unknown> = Promise.resolve();
  /**
   * Failures for ids that name nobody, in memory only: answering them exactly like real ids hides
   * which ids exist, and a typed id (sometimes a password typed in the wrong field) never reaches
   * the disk or the audit trail.
   */
  readonly #unknownIdFailures = new Map<string, SignInFailures>();

  constructor(options: SessionServiceOptions) {
    this.#options = options;
  }

  /** The session as the page may see it, after applying the idle lock. */
  view(): SessionView | null {
    this.#lockIfIdle();
    return this.#session ? this.#toView(this.#session) : null;
  }

  /** What the access rules need. */
  accessState(): { staff: SignedInStaff; locked: boolean; pinRequired: boolean } | null {
    this.#lockIfIdle();
    const session = this.#session;
    return session ? { staff: session.staff, locked: session.locked, pinRequired: !session.pinSet } : null;
  }

  signIn(typedId: string, password: string): Promise<SessionView> {
    return this.#serialized(async () => {
      const { store } = this.#options;
      if (countStaff(store) === 0) {
        throw new AppError(
          'staff-directory-empty',
          'Máy này chưa có danh sách cán bộ (chưa đồng bộ lần nào với máy chủ BHXH). Hãy chờ đồng bộ xong hoặc báo quản trị viên.',
        );
      }
      const member = findStaffByTypedId(store, typedId);
      const failures = this.#refuseIfLockedOut(typedId, member);
      const matches = await verifyPassword(password, member?.passwordHash ?? unknownStaffHash);
      if (member === null || !matches) return this.#failSignIn(typedId, member, failures);
      if (!member.active) {
        store.transaction(() =>
          appendAudit(store, {
            actor: member.staffId,
            action: 'session.sign-in-refused-inactive',
            subject: null,
          }),
        );
        throw inactiveError(member);
      }
      const previous = this.#session;
      const pinSet = readPinHash(store, member.staffId) !== null;
      store.transaction(() => {
        clearSignInFailures(store, member.staffId);
        if (previous) {
          appendAudit(store, {
            actor: member.staffId,
            action: 'session.taken-over',
            subject: null,
            details: { previousStaffId: previous.staff.staffId, previousLocked: previous.locked },
          });
        }
        appendAudit(store, {
          actor: member.staffId,
          action: 'session.signed-in',
          subject: null,
          details: { role: member.role, firstOnThisPc: !pinSet },
        });
      });
      const now = this.#options.now();
      this.#session = {
        staff: { staffId: member.staffId, fullName: member.fullName, role: member.role },
        signedInAt: now,
        lastActivityAt: now,
        locked: false,
        pinSet,
        pinFailures: 0,
      };
      this.#changed(previous ? 'taken-over' : 'signed-in');
      return this.#toView(this.#session);
    });
  }

  signOut(): void {
    const session = this.#session;
    if (!session) return;
    this.#end('session.signed-out', 'signed-out', {});
  }

  /** The officer steps away ("Khoá màn hình"), or the idle timer fired. */
  lock(reason: 'locked' | 'idle-locked' = 'locked'): SessionView {
    const session = this.#requireSession();
    if (session.locked) return this.#toView(session);
    session.locked = true;
    session.pinFailures = 0;
    const { store } = this.#options;
    store.transaction(() =>
      appendAudit(store, {
        actor: session.staff.staffId,
        action: 'session.locked',
        subject: null,
        details: { cause: reason === 'idle-locked' ? 'idle' : 'manual' },
      }),
    );
    this.#changed(reason);
    return this.#toView(session);
  }

  unlock(credential: UnlockCredential): Promise<SessionView> {
    return this.#serialized(async () => {
      const session = this.#requireSession();
      if (!session.locked) return this.#toView(session);
      if ('pin' in credential) await this.#checkPin(session, credential.pin);
      else await this.#checkPassword(session, credential.password);
      session.locked = false;
      session.pinFailures = 0;
      session.lastActivityAt = this.#options.now();
      const { store } = this.#options;
      store.transaction(() =>
        appendAudit(store, {
          actor: session.staff.staffId,
          action: 'session.unlocked',
          subject: null,
          details: { with: 'pin' in credential ? 'pin' : 'password' },
        }),
      );
      this.#changed('unlocked');
      return this.#toView(session);
    });
  }

  /** The PIN that unlocks this officer's idle-locked screen on this PC. Changing it takes the password. */
  setPin(pin: string, password?: string): Promise<SessionView> {
    return this.#serialized(async () => {
      const session = this.#requireSession();
      if (session.pinSet) await this.#checkPassword(session, password ?? '');
      const pinHash = await hashPassword(pin);
      const { store } = this.#options;
      store.transaction(() => {
        writePinHash(store, session.staff.staffId, pinHash);
        appendAudit(store, {
          actor: session.staff.staffId,
          action: session.pinSet ? 'session.pin-changed' : 'session.pin-set',
          subject: null,
        });
      });
      session.pinSet = true;
      session.lastActivityAt = this.#options.now();
      this.#changed('pin-set');
      return this.#toView(session);
    });
  }

  /** The officer is working: the idle lock moves back. */
  activity(): SessionView {
    const session = this.#requireSession();
    this.#lockIfIdle();
    if (!session.locked) {
      session.lastActivityAt = this.#options.now();
      this.#scheduleIdleLock();
    }
    return this.#toView(session);
  }

  /**
   * The staff directory was replaced by a sync: a signed-in member who is gone, inactive or has
   * another role now is signed out (their rights are what the directory says, not what it said).
   */
  staffDirectoryChanged(): void {
    const session = this.#session;
    if (!session) return;
    const member = findStaff(this.#options.store, session.staff.staffId);
    if (member?.active && member.role === session.staff.role) return;
    this.#end('session.ended', 'ended', {
      cause: member === null ? 'removed' : member.active ? 'role-changed' : 'inactive',
    });
  }

  /** The idle minutes changed in the settings. */
  securityChanged(): void {
    this.#lockIfIdle();
    this.#scheduleIdleLock();
  }

  close(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }

  #refuseIfLockedOut(typedId: string, member: StaffMember | null): SignInFailures | null {
    const failures = this.#failuresOf(typedId, member);
    if (failures === null || failures.lockedUntil === null) return failures;
    if (Date.parse(failures.lockedUntil) <= this.#options.now().getTime()) return null; // lockout over: start afresh
    if (member) {
      const { store } = this.#options;
      store.transaction(() =>
        appendAudit(store, {
          actor: member.staffId,
          action: 'session.sign-in-refused-locked-out',
          subject: null,
          details: { lockedUntil: failures.lockedUntil },
        }),
      );
    }
    throw lockedOutError(failures.lockedUntil);
  }

  #failuresOf(typedId: string, member: StaffMember | null): SignInFailures | null {
    return member
      ? readSignInFailures(this.#options.store, member.staffId)
      : (this.#unknownIdFailures.get(staffKey(typedId)) ?? null);
  }

  #failSignIn(typedId: string, member: StaffMember | null, previous: SignInFailures | null): never {
    const { maxFailedSignIns, lockoutMinutes } = this.#options.security();
    const now = this.#options.now();
    const count = (previous?.failures ?? 0) + 1;
    const lockedUntil =
      count >= maxFailedSignIns ? new Date(now.getTime() + lockoutMinutes * 60_000).toISOString() : null;
    const record: SignInFailures = { failures: count, lastFailureAt: now.toISOString(), lockedUntil };
    if (member) {
      const { store } = this.#options;
      store.transaction(() => {
        writeSignInFailures(store, member.staffId, record);
        appendAudit(store, {
          actor: member.staffId,
          action: lockedUntil ? 'session.locked-out' : 'session.sign-in-failed',
          subject: null,
          details: { failures: count, lockedUntil },
        });
      });
    } else {
      this.#rememberUnknownIdFailure(typedId, record);
    }
    if (lockedUntil) throw lockedOutError(lockedUntil);
    throw new AppError('invalid-credentials', 'Sai mã cán bộ hoặc mật khẩu.', {
      details: { attemptsLeft: maxFailedSignIns - count },
    });
  }

  #rememberUnknownIdFailure(typedId: string, record: SignInFailures): void {
    const key = staffKey(typedId);
    this.#unknownIdFailures.delete(key);
    this.#unknownIdFailures.set(key, record);
    if (this.#unknownIdFailures.size > maxRememberedUnknownIds) {
      const oldest = this.#unknownIdFailures.keys().next().value;
      if (oldest !== undefined) this.#unknownIdFailures.delete(oldest);
    }
  }

  async #checkPin(session: ActiveSession, pin: string): Promise<void> {
    const { store } = this.#options;
    const pinHash = readPinHash(store, session.staff.staffId);
    if (pinHash === null) {
      throw new AppError('pin-not-available', 'Chưa đặt mã PIN trên máy này: hãy mở khoá bằng mật khẩu.');
    }
    if (await verifyPassword(pin, pinHash)) return;
    session.pinFailures += 1;
    const { maxFailedSignIns } = this.#options.security();
    if (session.pinFailures >= maxFailedSignIns) {
      this.#end('session.pin-attempts-exhausted', 'signed-out', { failures: session.pinFailures });
      throw new AppError(
        'pin-attempts-exhausted',
        'Nhập sai mã PIN quá nhiều lần: phiên làm việc đã kết thúc. Hãy đăng nhập lại bằng mật khẩu.',
      );
    }
    store.transaction(() =>
      appendAudit(store, {
        actor: session.staff.staffId,
        action: 'session.unlock-failed',
        subject: null,
        details: { with: 'pin', failures: session.pinFailures },
      }),
    );
    throw new AppError('wrong-pin', 'Mã PIN không đúng.', {
      details: { attemptsLeft: maxFailedSignIns - session.pinFailures },
    });
  }

  /** The signed-in officer's own password (unlock, PIN change): wrong ones count towards the lockout. */
  async #checkPassword(session: ActiveSession, password: string): Promise<void> {
    const member = findStaff(this.#options.store, session.staff.staffId);
    let failures: SignInFailures | null;
    try {
      failures = this.#refuseIfLockedOut(session.staff.staffId, member);
    } catch (error) {
      this.#end('session.ended', 'ended', { cause: 'locked-out' });
      throw error;
    }
    const matches = await verifyPassword(password, member?.passwordHash ?? unknownStaffHash);
    if (member === null || !member.active) {
      this.#end('session.ended', 'ended', { cause: member === null ? 'removed' : 'inactive' });
      throw member === null ? new AppError('invalid-credentials', 'Sai mật khẩu.') : inactiveError(member);
    }
    if (matches) {
      clearSignInFailures(this.#options.store, member.staffId);
      return;
    }
    try {
      this.#failSignIn(member.staffId, member, failures);
    } catch (error) {
      if (error instanceof AppError && error.code === 'account-locked-out') {
        this.#end('session.ended', 'ended', { cause: 'locked-out' });
      }
      throw error;
    }
  }

  #requireSession(): ActiveSession {
    if (!this.#session) throw new AppError('not-signed-in', 'Hãy đăng nhập để tiếp tục.');
    return this.#session;
  }

  #end(action: string, reason: SessionChangeReason, details: Record<string, unknown>): void {
    const session = this.#session;
    if (!session) return;
    const { store } = this.#options;
    store.transaction(() =>
      appendAudit(store, { actor: session.staff.staffId, action, subject: null, details }),
    );
    this.#session = null;
    this.#changed(reason);
  }

  #lockIfIdle(): void {
    const session = this.#session;
    if (!session || session.locked) return;
    if (this.#options.now().getTime() >= this.#lockAt(session).getTime()) this.lock('idle-locked');
  }

  #lockAt(session: ActiveSession): Date {
    return new Date(session.lastActivityAt.getTime() + this.#options.security().idleLockMinutes * 60_000);
  }

  #scheduleIdleLock(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const session = this.#session;
    if (!session || session.locked) return;
    const delay = Math.max(0, this.#lockAt(session).getTime() - this.#options.now().getTime());
    // A few milliseconds late rather than early: the lazy check then sees the deadline passed.
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      this.#lockIfIdle();
      this.#scheduleIdleLock();
    }, delay + 5);
    this.#idleTimer.unref();
  }

  #changed(reason: SessionChangeReason): void {
    this.#scheduleIdleLock();
    this.#options.onChange(this.#session ? this.#toView(this.#session) : null, reason);
  }

  #toView(session: ActiveSession): SessionView {
    return {
      staffId: session.staff.staffId,
      fullName: session.staff.fullName,
      role: session.staff.role,
      signedInAt: session.signedInAt.toISOString(),
      locked: session.locked,
      pinSet: session.pinSet,
      lockAt: session.locked ? null : this.#lockAt(session).toISOString(),
    };
  }

  #serialized<T>(attempt: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(attempt, attempt);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function lockedOutError(lockedUntil: string): AppError {
  return new AppError(
    'account-locked-out',
    'Đăng nhập sai quá nhiều lần: tài khoản tạm khoá trên máy này. Hãy thử lại sau.',
    { details: { until: lockedUntil } },
  );
}

function inactiveError(member: StaffMember): AppError {
  return new AppError(
    'staff-inactive',
    `Tài khoản ${member.staffId} đã ngừng hoạt động. Hãy liên hệ quản trị viên của cơ quan.`,
  );
}
