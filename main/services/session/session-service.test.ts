import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../preload/contract/areas/session.ts';
import { securitySettingsSchema } from '../../../preload/contract/settings-schema.ts';
import { hashPassword } from '../../security/password-hash.ts';
import { listAudit } from '../../store/audit-log.ts';
import { readSignInFailures } from '../../store/sign-in-failures-repository.ts';
import { replaceAllStaff, type StaffMember } from '../../store/staff-repository.ts';
import { readPinHash } from '../../store/staff-pins-repository.ts';
import {
  openTestStore,
  tempDir,
  testClock,
  type TempDir,
  type TestClock,
} from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';
import { isAppError } from '../app-error.ts';
import { SessionService, type SessionChangeReason } from './session-service.ts';

// Cheap hashes (N = 2^10) keep the tests fast; verification reads the parameters from the hash.
const cheap = { N: 2 ** 10, r: 8, p: 1 };
let staff: StaffMember[];

beforeAll(async () => {
  const member = async (staffId: string, role: StaffMember['role'], password: string, active = true) => ({
    staffId,
    fullName: `Cán bộ ${staffId}`,
    role,
    passwordHash: await hashPassword(password, cheap),
    active,
  });
  staff = [
    await member('cb-1', 'officer', 'mật-khẩu-1'),
    await member('cb-2', 'officer', 'mật-khẩu-2'),
    await member('qt-1', 'admin', 'quản-trị'),
    await member('cb-9', 'officer', 'nghỉ-việc', false),
  ];
});

let temp: TempDir;
let store: Store;
let clock: TestClock;
let security = securitySettingsSchema.parse({});
let changes: Array<{ reason: SessionChangeReason; session: SessionView | null }>;
let sessions: SessionService;

beforeEach(() => {
  temp = tempDir();
  clock = testClock('2026-12-01T02:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
  replaceAllStaff(store, staff);
  security = securitySettingsSchema.parse({});
  changes = [];
  sessions = new SessionService({
    store,
    now: clock.now,
    security: () => security,
    onChange: (session, reason) => changes.push({ session, reason }),
  });
});

afterEach(() => {
  sessions.close();
  store.close();
  temp.remove();
});

async function refusal(attempt: Promise<unknown>): Promise<{ code: string; details: unknown }> {
  try {
    await attempt;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

const minutes = (count: number) => clock.set(new Date(clock.now().getTime() + count * 60_000).toISOString());
const actions = () =>
  listAudit(store, { limit: 1000 })
    .map((entry) => entry.action)
    .reverse();

describe('sign-in', () => {
  it('opens a session for the right password, case-insensitive id, and audits it', async () => {
    const view = await sessions.signIn(' CB-1 ', 'mật-khẩu-1');
    expect(view).toMatchObject({ staffId: 'cb-1', role: 'officer', locked: false, pinSet: false });
    expect(view.lockAt).toBe('2026-12-01T02:05:00.000Z');
    expect(sessions.accessState()).toMatchObject({ staff: { staffId: 'cb-1' }, pinRequired: true });
    expect(changes.map((change) => change.reason)).toEqual(['signed-in']);
    expect(actions()).toContain('session.signed-in');
  });

  it('accepts the password typed in another Unicode normalisation (NFD)', async () => {
    await expect(sessions.signIn('cb-1', 'mật-khẩu-1'.normalize('NFD'))).resolves.toMatchObject({
      staffId: 'cb-1',
    });
  });

  it('refuses a wrong password and an unknown id alike, counting down the attempts', async () => {
    expect(await refusal(sessions.signIn('cb-1', 'sai'))).toEqual({
      code: 'invalid-credentials',
      details: { attemptsLeft: 4 },
    });
    expect(await refusal(sessions.signIn('nobody', 'sai'))).toEqual({
      code: 'invalid-credentials',
      details: { attemptsLeft: 4 },
    });
    expect(sessions.view()).toBeNull();
    // The unknown id (maybe a password typed in the wrong field) is neither stored nor audited.
    expect(readSignInFailures(store, 'nobody')).toBeNull();
    expect(JSON.stringify(listAudit(store, { limit: 100 }))).not.toContain('nobody');
  });

  it('refuses inactive staff with their own message, only once the password is right', async () => {
    expect((await refusal(sessions.signIn('cb-9', 'nghỉ-việc'))).code).toBe('staff-inactive');
    expect((await refusal(sessions.signIn('cb-9', 'sai'))).code).toBe('invalid-credentials');
  });

  it('locks an account out after 5 failures for 5 minutes, survives a restart, and lets it in afterwards', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) await refusal(sessions.signIn('cb-1', 'sai'));
    expect(await refusal(sessions.signIn('cb-1', 'sai'))).toEqual({
      code: 'account-locked-out',
      details: { until: '2026-12-01T02:05:00.000Z' },
    });
    // Even the right password is refused during the lockout, by a fresh service (an app restart).
    const restarted = new SessionService({
      store,
      now: clock.now,
      security: () => security,
      onChange: () => {},
    });
    expect((await refusal(restarted.signIn('cb-1', 'mật-khẩu-1'))).code).toBe('account-locked-out');
    minutes(5);
    await expect(restarted.signIn('cb-1', 'mật-khẩu-1')).resolves.toMatchObject({ staffId: 'cb-1' });
    expect(readSignInFailures(store, 'cb-1')).toBeNull();
    expect(actions()).toEqual(
      expect.arrayContaining([
        'session.sign-in-failed',
        'session.locked-out',
        'session.sign-in-refused-locked-out',
      ]),
    );
    restarted.close();
  });

  it('follows the configured number of failures and lockout minutes', async () => {
    security = { ...security, maxFailedSignIns: 2, lockoutMinutes: 1 };
    await refusal(sessions.signIn('cb-1', 'sai'));
    expect(await refusal(sessions.signIn('cb-1', 'sai'))).toMatchObject({
      code: 'account-locked-out',
      details: { until: '2026-12-01T02:01:00.000Z' },
    });
  });

  it('says when there is no staff directory yet', async () => {
    replaceAllStaff(store, []);
    expect((await refusal(sessions.signIn('cb-1', 'mật-khẩu-1'))).code).toBe('staff-directory-empty');
  });
});

describe('PIN, idle lock and unlock', () => {
  it('asks for a PIN at the first sign-in on this PC, stores only its hash, and not again after', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    const view = await sessions.setPin('4321');
    expect(view.pinSet).toBe(true);
    expect(readPinHash(store, 'cb-1')).toMatch(/^scrypt\$/);
    expect(readPinHash(store, 'cb-1')).not.toContain('4321');
    sessions.signOut();
    await expect(sessions.signIn('cb-1', 'mật-khẩu-1')).resolves.toMatchObject({ pinSet: true });
  });

  it('locks after the idle minutes, hides nothing of the identity, and unlocks with the PIN', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    await sessions.setPin('4321');
    minutes(4);
    expect(sessions.activity().lockAt).toBe('2026-12-01T02:09:00.000Z');
    minutes(4.9);
    expect(sessions.view()?.locked).toBe(false);
    minutes(0.2);
    expect(sessions.view()).toMatchObject({ locked: true, lockAt: null, staffId: 'cb-1' });
    expect(changes.at(-1)?.reason).toBe('idle-locked');
    expect(sessions.accessState()?.locked).toBe(true);
    expect(await refusal(sessions.unlock({ pin: '0000' }))).toEqual({
      code: 'wrong-pin',
      details: { attemptsLeft: 4 },
    });
    await expect(sessions.unlock({ pin: '4321' })).resolves.toMatchObject({ locked: false });
    expect(actions()).toEqual(
      expect.arrayContaining(['session.locked', 'session.unlock-failed', 'session.unlocked']),
    );
  });

  it('applies a change of the idle minutes at once', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    security = { ...security, idleLockMinutes: 1 };
    sessions.securityChanged();
    minutes(1);
    expect(sessions.view()?.locked).toBe(true);
  });

  it('locks by the timer too, so the page is told without asking', async () => {
    security = { ...security, idleLockMinutes: 0.002 }; // 120 ms
    const realClock = new SessionService({
      store,
      now: () => new Date(),
      security: () => security,
      onChange: (session, reason) => changes.push({ session, reason }),
    });
    await realClock.signIn('cb-1', 'mật-khẩu-1');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(changes.at(-1)).toMatchObject({ reason: 'idle-locked', session: { locked: true } });
    realClock.close();
  });

  it('ends the session after too many wrong PINs; the password still works after', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    await sessions.setPin('4321');
    sessions.lock();
    for (let attempt = 1; attempt <= 4; attempt += 1) await refusal(sessions.unlock({ pin: '0000' }));
    expect((await refusal(sessions.unlock({ pin: '0000' }))).code).toBe('pin-attempts-exhausted');
    expect(sessions.view()).toBeNull();
    expect(changes.at(-1)).toEqual({ reason: 'signed-out', session: null });
    await expect(sessions.signIn('cb-1', 'mật-khẩu-1')).resolves.toMatchObject({ staffId: 'cb-1' });
  });

  it('unlocks with the password, and wrong passwords count towards the lockout', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    sessions.lock();
    expect((await refusal(sessions.unlock({ pin: '1234' }))).code).toBe('pin-not-available');
    expect((await refusal(sessions.unlock({ password: 'sai' }))).code).toBe('invalid-credentials');
    expect(readSignInFailures(store, 'cb-1')?.failures).toBe(1);
    await expect(sessions.unlock({ password: 'mật-khẩu-1' })).resolves.toMatchObject({ locked: false });
    expect(readSignInFailures(store, 'cb-1')).toBeNull();
  });

  it('lets another officer sign in on a locked screen, signing the first one out', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    sessions.lock();
    const view = await sessions.signIn('cb-2', 'mật-khẩu-2');
    expect(view).toMatchObject({ staffId: 'cb-2', locked: false });
    expect(changes.at(-1)?.reason).toBe('taken-over');
    const takeover = listAudit(store, { limit: 100 }).find((entry) => entry.action === 'session.taken-over');
    expect(takeover).toMatchObject({
      actor: 'cb-2',
      details: { previousStaffId: 'cb-1', previousLocked: true },
    });
  });

  it('changing a PIN takes the password', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    await sessions.setPin('4321');
    expect((await refusal(sessions.setPin('9999'))).code).toBe('invalid-credentials');
    await expect(sessions.setPin('9999', 'mật-khẩu-1')).resolves.toMatchObject({ pinSet: true });
  });
});

describe('the staff directory changes', () => {
  it('signs out a member who became inactive or changed role, and keeps the others', async () => {
    await sessions.signIn('cb-1', 'mật-khẩu-1');
    sessions.staffDirectoryChanged();
    expect(sessions.view()?.staffId).toBe('cb-1');
    replaceAllStaff(
      store,
      staff.map((member) => (member.staffId === 'cb-1' ? { ...member, active: false } : member)),
    );
    sessions.staffDirectoryChanged();
    expect(sessions.view()).toBeNull();
    expect(changes.at(-1)?.reason).toBe('ended');

    await sessions.signIn('cb-2', 'mật-khẩu-2');
    replaceAllStaff(
      store,
      staff.map((member) => (member.staffId === 'cb-2' ? { ...member, role: 'admin' } : member)),
    );
    sessions.staffDirectoryChanged();
    expect(sessions.view()).toBeNull();
  });
});
