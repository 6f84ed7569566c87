import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, redactSecrets } from './audit-log.ts';
import {
  findKioskRegistration,
  listUnsyncedKioskRegistrations,
  markKioskRegistrationPrinted,
  submitKioskRegistration,
} from './kiosk-registrations-repository.ts';
import { getSetting, setSetting, settingDefinitions } from './settings-repository.ts';
import { findStaff, listActiveStaff, replaceAllStaff, type StaffMember } from './staff-repository.ts';
import {
  makeRegistration,
  openTestStore,
  tempDir,
  testClock,
  type TempDir,
  type TestClock,
} from './store-test-helpers.ts';
import type { Store } from './store.ts';
import {
  ensureDeviceId,
  getClockOffsetMs,
  getDeviceToken,
  getLastSyncSuccessAt,
  getPullCursor,
  recordSyncSuccess,
  resetPullCursor,
  setClockOffsetMs,
  setDeviceToken,
} from './sync-state-repository.ts';
import { upsertFromCentral } from './registrations-repository.ts';

let temp: TempDir;
let clock: TestClock;
let store: Store;
beforeEach(() => {
  temp = tempDir();
  clock = testClock();
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe('staff directory', () => {
  const staff: StaffMember[] = [
    { staffId: 'cb01', fullName: 'Trần Thị Mai', role: 'officer', passwordHash: 'scrypt$abc', active: true },
    {
      staffId: 'cb02',
      fullName: 'Lê Văn Nam',
      role: 'supervisor',
      passwordHash: 'scrypt$def',
      active: false,
    },
  ];

  it('replaces the whole directory at once and audits it without the hashes', () => {
    replaceAllStaff(store, staff);
    replaceAllStaff(store, [
      staff[0] as StaffMember,
      { ...(staff[1] as StaffMember), staffId: 'cb03', active: true },
    ]);
    expect(findStaff(store, 'cb02')).toBeNull();
    expect(findStaff(store, 'cb01')).toEqual(staff[0]);
    expect(listActiveStaff(store).map((member) => member.staffId)).toEqual(['cb03', 'cb01']);
    const audit = listAudit(store);
    expect(audit[0]).toMatchObject({ action: 'staff.replaced', details: { count: 2, active: 2 } });
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('keeps the old directory when the new one is invalid', () => {
    replaceAllStaff(store, staff);
    expect(() =>
      replaceAllStaff(store, [{ ...(staff[0] as StaffMember), role: 'root' as 'admin' }]),
    ).toThrow();
    expect(findStaff(store, 'cb02')).not.toBeNull();
  });
});

describe('audit log', () => {
  it('redacts secrets at any depth', () => {
    expect(redactSecrets({ user: 'cb01', password: 'x', nested: [{ deviceToken: 'y', ok: 1 }] })).toEqual({
      user: 'cb01',
      password: '[redacted]',
      nested: [{ deviceToken: '[redacted]', ok: 1 }],
    });
    expect(
      redactSecrets({
        centralUrl: 'https://proxy-user:s3cret@bhxh.example.vn:8443/api',
        plain: 'http://127.0.0.1:45899/',
        mail: 'lan@example.vn',
      }),
    ).toEqual({
      centralUrl: 'https://bhxh.example.vn:8443/api',
      plain: 'http://127.0.0.1:45899/',
      mail: 'lan@example.vn',
    });
    appendAudit(store, {
      actor: 'cb01',
      action: 'auth.login',
      subject: null,
      details: { passwordHash: 'h' },
    });
    expect(listAudit(store)[0]?.details).toEqual({ passwordHash: '[redacted]' });
  });
});

describe('settings', () => {
  it('returns defaults, stores validated values and audits changes', () => {
    expect(getSetting(store, 'registrationRetentionDays')).toBe(90);
    expect(getSetting(store, 'rejectionReasons')).toEqual(settingDefinitions.rejectionReasons.default);
    setSetting(store, 'registrationRetentionDays', 30, 'admin01');
    expect(getSetting(store, 'registrationRetentionDays')).toBe(30);
    expect(() => setSetting(store, 'registrationRetentionDays', 0, 'admin01')).toThrow();
    expect(listAudit(store)[0]).toMatchObject({
      actor: 'admin01',
      action: 'settings.changed',
      subject: 'registrationRetentionDays',
      details: { value: 30 },
    });
  });

  it('falls back to the default when a stored value no longer fits its schema', () => {
    store.db
      .prepare(`INSERT INTO settings VALUES ('rejectionReasons', '"not a list"', 't', 'old-build')`)
      .run();
    expect(getSetting(store, 'rejectionReasons')).toHaveLength(7);
  });
});

describe('sync state', () => {
  it('keeps a stable device id, token, last success and clock offset', () => {
    const id = ensureDeviceId(store);
    expect(ensureDeviceId(store)).toBe(id);
    expect(getDeviceToken(store)).toBeNull();
    setDeviceToken(store, 'tok');
    expect(getDeviceToken(store)).toBe('tok');
    recordSyncSuccess(store);
    expect(getLastSyncSuccessAt(store)).toBe(clock.now().toISOString());
    setClockOffsetMs(store, -1234.4);
    expect(getClockOffsetMs(store)).toBe(-1234);
  });

  it('keeps one cursor per office and can reset one', () => {
    upsertFromCentral(store, [{ seq: 7, registration: makeRegistration() }], { officeCode: '07921', seq: 7 });
    upsertFromCentral(store, [], { officeCode: '07901', seq: 3 });
    expect([getPullCursor(store, '07921'), getPullCursor(store, '07901')]).toEqual([7, 3]);
    resetPullCursor(store, '07921');
    expect([getPullCursor(store, '07921'), getPullCursor(store, '07901')]).toEqual([0, 3]);
  });
});

describe('kiosk registrations', () => {
  it('records printing once and lists what the central does not have yet', () => {
    submitKioskRegistration(store, { fullName: 'Lê Thị Hoa' }, { localRef: 'K-1' });
    expect(markKioskRegistrationPrinted(store, 'K-1')).toBe(true);
    const printedAt = findKioskRegistration(store, 'K-1')?.printedAt;
    clock.advanceDays(1);
    markKioskRegistrationPrinted(store, 'K-1');
    expect(findKioskRegistration(store, 'K-1')?.printedAt).toBe(printedAt);
    expect(markKioskRegistrationPrinted(store, 'K-404')).toBe(false);
    expect(listUnsyncedKioskRegistrations(store).map((entry) => entry.localRef)).toEqual(['K-1']);
    expect(() => submitKioskRegistration(store, [] as unknown as Record<string, unknown>)).toThrow(TypeError);
  });
});
