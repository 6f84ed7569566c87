import { describe, expect, it } from 'vitest';
import { accessRefusal, type Access, type Caller } from './access.ts';

const signedIn = (
  role: 'officer' | 'supervisor' | 'admin',
  extra: Partial<NonNullable<Caller['session']>> = {},
) => ({ role, locked: false, pinRequired: false, ...extra }) as const;
const counter = (session: Caller['session'] = null, enrolled = true): Caller => ({
  mode: 'counter',
  enrolled,
  session,
});
const kiosk = (enrolled = true): Caller => ({ mode: 'kiosk', enrolled, session: null });

const officersOnly: Access = { counter: ['officer'] };
const everyone: Access = { counter: ['public'], kiosk: ['public'] };
const setup: Access = { counter: ['admin'], kiosk: [], beforeEnrollment: true };
const lockScreen: Access = { counter: ['officer', 'admin'], whileLocked: true, beforePin: true };
const choosePin: Access = { counter: ['officer'], beforePin: true };

describe('accessRefusal', () => {
  it('lets anyone call a public operation, in each mode it exists in', () => {
    expect(accessRefusal(everyone, counter())).toBeNull();
    expect(accessRefusal(everyone, kiosk())).toBeNull();
    expect(accessRefusal({ counter: ['public'] }, kiosk())).toBe('forbidden');
  });

  it('asks for a sign-in, then checks the role', () => {
    expect(accessRefusal(officersOnly, counter())).toBe('not-signed-in');
    expect(accessRefusal(officersOnly, counter(signedIn('officer')))).toBeNull();
    expect(accessRefusal(officersOnly, counter(signedIn('admin')))).toBe('forbidden');
  });

  it('refuses a kiosk everything that is not public there, signed in or not', () => {
    expect(accessRefusal(officersOnly, kiosk())).toBe('forbidden');
    const smuggled: Caller = { mode: 'kiosk', enrolled: true, session: signedIn('officer') };
    expect(accessRefusal({ counter: ['officer'], kiosk: [] }, smuggled)).toBe('forbidden');
  });

  it('refuses a locked session or one without its PIN, except on the lock screen', () => {
    expect(accessRefusal(officersOnly, counter(signedIn('officer', { locked: true })))).toBe(
      'session-locked',
    );
    expect(accessRefusal(officersOnly, counter(signedIn('officer', { pinRequired: true })))).toBe(
      'pin-not-set',
    );
    expect(accessRefusal(lockScreen, counter(signedIn('officer', { locked: true })))).toBeNull();
    expect(accessRefusal(lockScreen, counter(signedIn('officer', { pinRequired: true })))).toBeNull();
    expect(accessRefusal(choosePin, counter(signedIn('officer', { pinRequired: true })))).toBeNull();
    expect(accessRefusal(choosePin, counter(signedIn('officer', { locked: true })))).toBe('session-locked');
    // The role still counts on the lock screen.
    expect(accessRefusal(lockScreen, counter(signedIn('supervisor', { locked: true })))).toBe('forbidden');
  });

  it('opens set-up operations to anyone only while the PC is not enrolled', () => {
    expect(accessRefusal(setup, counter(null, false))).toBeNull();
    expect(accessRefusal(setup, kiosk(false))).toBeNull();
    expect(accessRefusal(setup, counter(null, true))).toBe('not-signed-in');
    expect(accessRefusal(setup, counter(signedIn('officer'), true))).toBe('forbidden');
    expect(accessRefusal(setup, counter(signedIn('admin'), true))).toBeNull();
    expect(accessRefusal(setup, kiosk(true))).toBe('forbidden');
  });
});
