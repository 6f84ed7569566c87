import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRefusal, type Caller } from '../../preload/contract/access.ts';
import { errorCodeGroups } from '../../preload/contract/error-codes.ts';
import { operationNames, operations, type OperationName } from '../../preload/contract/operations.ts';
import { kioskSubmissionSample } from '../../tests/fixtures/kiosk-submission.ts';
import { idFixture } from '../../tests/support/id-fixtures.ts';
import {
  signInAs,
  syncOnce,
  testPin,
  trainingPassword,
  trainingStaff,
} from '../../tests/support/staff-session.ts';
import { makeTemporaryDirectory } from '../../tests/support/temporary-directory.ts';
import { createBackend, databaseFileName, type Backend } from './backend.ts';
import { configFileName } from './settings/config-file.ts';

// Walks the whole contract: every operation, called by every kind of caller, is refused exactly
// when its declared access says so — with `not-signed-in`, `forbidden`, `session-locked` or
// `pin-not-set`, before its arguments are looked at — and a refused call changes nothing (no
// audit entry, no outbox row, no decision, no configuration, no session). `sampleArguments` is
// keyed by every operation name, so a new operation does not compile until it is walked too.

const sampleArguments: Record<OperationName, unknown> = {
  'startup.status': {},
  health: {},
  'settings.display': {},
  'settings.get': {},
  'settings.set': { patch: { counterId: 'Q99', security: { idleLockMinutes: 1 } } },
  'session.current': {},
  'session.signIn': {
    username: trainingStaff.otherOfficer,
    password: trainingPassword(trainingStaff.otherOfficer),
  },
  'session.signOut': {},
  'session.lock': {},
  'session.unlock': { pin: testPin },
  'session.setPin': { pin: '135790' },
  'session.activity': {},
  'id.parse': { payload: idFixture('cccd-2021-0').payload },
  'scan.submit': { source: 'keyboard-wedge', device: null, text: idFixture('cccd-2021-1').payload },
  'scan.status': {},
  'registrations.search': { query: 'nguyen' },
  'registrations.list': { query: 'nguyen', status: null, channel: 'portal', age: 'adult', page: 0 },
  'registrations.byCard': { idNumber: '079092004321', oldIdNumber: null, socialInsuranceNumber: null },
  'registrations.myDay': {},
  'registrations.decide': {
    registrationCode: 'PENDING',
    outcome: 'rejected',
    reasonCode: 'other',
    note: 'kiểm tra quyền',
    override: false,
  },
  'registrations.reasons': {},
  'conflicts.list': {},
  'conflicts.acknowledge': { conflictId: 1 },
  'forms.preview': { registrationCode: 'PENDING', summaryLanguage: 'en' },
  'printers.list': {},
  'print.submit': { registrationCode: 'PENDING' },
  'print.testPage': { printerName: null },
  'print.jobs': {},
  'print.retry': { jobId: 'no-such-job' },
  'print.cancel': { jobId: 'no-such-job' },
  'sync.status': {},
  'sync.now': {},
  'sync.enroll': { enrollmentCode: 'ABCD-1234-EFGH' },
  'kiosk.begin': { language: 'en' },
  'kiosk.activity': {},
  'kiosk.end': {},
  'kiosk.offices': {},
  'kiosk.existing': { idNumber: '079092004321', oldIdNumber: null, socialInsuranceNumber: null },
  'kiosk.submit': { ...kioskSubmissionSample, language: 'en' },
  'kiosk.receipt': {},
  'kiosk.print': {},
  'kiosk.status': { formCode: 'DK-07921-2026-000001' },
  'reports.daily': { from: '2026-11-30', to: '2026-11-30' },
  'reports.filters': {},
  'reports.export': { filter: { from: '2026-11-30', to: '2026-11-30' }, format: 'csv' },
  'reports.endOfDayStatus': {},
  'audit.verify': {},
  'audit.list': { from: '2026-11-30', to: '2026-11-30' },
  'admin.rejectionReasons': {},
  'admin.setRejectionReasons': {
    reasons: [{ code: 'other', labelVi: 'Lý do khác', noteRequired: true }],
  },
  'admin.retention': {},
  'admin.setRetention': { patch: { printJobRetentionDays: 3 } },
  'admin.backups': {},
  'admin.backupNow': {},
  'admin.restore': { fileName: 'bhxh-2026-11-30.sqlite' },
  'admin.outbox': {},
};

const accessCodes: readonly string[] = errorCodeGroups.access;

interface Walker {
  backend: Backend;
  data: ReturnType<typeof makeTemporaryDirectory>;
  pendingCode: string;
}

async function startWalker(config: Record<string, unknown>): Promise<Walker> {
  const data = makeTemporaryDirectory('access-walk');
  writeFileSync(path.join(data.path, configFileName), JSON.stringify(config));
  const backend = await createBackend({ dataDirectory: data.path, strictContract: true });
  let pendingCode = 'DK-NONE';
  if (config.mode !== 'kiosk') {
    await syncOnce(backend.call);
    await signInAs(backend.call, trainingStaff.officer);
    const found = await backend.call('registrations.search', { query: 'nguyen' });
    const rows = found.ok ? (found.value as Array<{ registration: { code: string; status: string } }>) : [];
    pendingCode = rows.find((row) => row.registration.status === 'pending')?.registration.code ?? pendingCode;
    await backend.call('session.signOut', {});
  }
  return { backend, data, pendingCode };
}

/** What a refused call must not have changed. */
function snapshot(walker: Walker, session: unknown) {
  const db = new Database(path.join(walker.data.path, databaseFileName), { readonly: true });
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const state = {
    audit: count('audit_log'),
    outbox: count('outbox'),
    decisions: count('decisions'),
    pins: count('staff_pins'),
    config: readFileSync(path.join(walker.data.path, configFileName), 'utf8'),
    session,
  };
  db.close();
  return state;
}

type Context = {
  label: string;
  /** Puts the backend's session into this context's state. */
  enter: (walker: Walker) => Promise<void>;
  caller: (mode: Caller['mode']) => Caller;
};

const signedIn =
  (
    staffId: string,
    role: 'officer' | 'supervisor' | 'admin',
    state: 'working' | 'locked' | 'no-pin',
  ): Context['enter'] =>
  async (walker) => {
    const { backend } = walker;
    if (state === 'no-pin') {
      // An allowed `session.setPin` earlier in the walk gave this officer a PIN: take it away again.
      const db = new Database(path.join(walker.data.path, databaseFileName));
      db.prepare('DELETE FROM staff_pins WHERE staff_id = ?').run(staffId);
      db.close();
      const answer = await backend.call('session.signIn', {
        username: staffId,
        password: trainingPassword(staffId),
      });
      if (!answer.ok || (answer.value as { pinSet: boolean }).pinSet)
        throw new Error(`${staffId} should have no PIN`);
      return;
    }
    await signInAs(backend.call, staffId);
    if (state === 'locked') await backend.call('session.lock', {});
    void role;
  };

const contexts: Context[] = [
  {
    label: 'nobody signed in',
    enter: async ({ backend }) => void (await backend.call('session.signOut', {})),
    caller: (mode) => ({ mode, enrolled: true, session: null }),
  },
  ...(['officer', 'supervisor', 'admin'] as const).map((role): Context => ({
    label: `a signed-in ${role}`,
    enter: signedIn(trainingStaff[role], role, 'working'),
    caller: (mode) => ({ mode, enrolled: true, session: { role, locked: false, pinRequired: false } }),
  })),
  {
    label: 'a locked officer',
    enter: signedIn(trainingStaff.officer, 'officer', 'locked'),
    caller: (mode) => ({
      mode,
      enrolled: true,
      session: { role: 'officer', locked: true, pinRequired: false },
    }),
  },
  {
    label: 'an officer without a PIN yet',
    // The inactive officer cannot sign in; use a second officer before any PIN of theirs exists.
    enter: signedIn('cb-07921-2', 'officer', 'no-pin'),
    caller: (mode) => ({
      mode,
      enrolled: true,
      session: { role: 'officer', locked: false, pinRequired: true },
    }),
  },
];

async function walk(walker: Walker, mode: Caller['mode'], context: Context): Promise<string[]> {
  const problems: string[] = [];
  for (const name of operationNames) {
    await context.enter(walker);
    const session = await walker.backend.call('session.current', {});
    const args =
      name === 'registrations.decide' || name === 'forms.preview' || name === 'print.submit'
        ? { ...(sampleArguments[name] as object), registrationCode: walker.pendingCode }
        : sampleArguments[name];
    const before = snapshot(walker, session);
    const answer = await walker.backend.call(name, args);
    const expected = accessRefusal(operations[name].access, context.caller(mode));
    const code = answer.ok ? null : answer.error.code;
    if (expected !== null) {
      if (code !== expected) problems.push(`${name}: expected ${expected}, got ${code ?? 'ok'}`);
      const after = snapshot(walker, await walker.backend.call('session.current', {}));
      if (JSON.stringify(after) !== JSON.stringify(before))
        problems.push(`${name}: a refused call changed something`);
    } else if (code !== null && accessCodes.includes(code)) {
      problems.push(`${name}: allowed by the contract but refused with ${code}`);
    }
  }
  return problems;
}

describe('the whole contract on a counter PC', () => {
  let walker: Walker;
  beforeAll(async () => {
    walker = await startWalker({ mode: 'counter', officeCode: '07921' });
  }, 60_000);
  afterAll(async () => {
    await walker.backend.close();
    walker.data.remove();
  });

  it.each(contexts.map((context) => [context.label, context] as const))(
    'is enforced for %s',
    async (_label, context) => {
      expect(await walk(walker, 'counter', context)).toEqual([]);
    },
    120_000,
  );

  it('refuses the decisive operations plainly', async () => {
    await walker.backend.call('session.signOut', {});
    const decide = {
      ...(sampleArguments['registrations.decide'] as object),
      registrationCode: walker.pendingCode,
    };
    expect(await walker.backend.call('registrations.decide', decide)).toMatchObject({
      error: { code: 'not-signed-in' },
    });
    expect(await walker.backend.call('registrations.search', { query: 'nguyen' })).toMatchObject({
      error: { code: 'not-signed-in' },
    });
    await signInAs(walker.backend.call, trainingStaff.officer);
    expect(await walker.backend.call('settings.set', sampleArguments['settings.set'])).toMatchObject({
      error: { code: 'forbidden' },
    });
    await signInAs(walker.backend.call, trainingStaff.admin);
    expect(await walker.backend.call('registrations.search', { query: 'nguyen' })).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('does not tell the page where the data is kept', async () => {
    const health = await walker.backend.call('health', {});
    expect(JSON.stringify(health)).not.toContain(walker.data.path);
  });
});

describe('the whole contract at a kiosk', () => {
  let walker: Walker;
  beforeAll(async () => {
    walker = await startWalker({ mode: 'kiosk', officeCode: '07921' });
  }, 60_000);
  afterAll(async () => {
    await walker.backend.close();
    walker.data.remove();
  });

  it('offers only the kiosk operations; everything else is forbidden, whatever is sent', async () => {
    const nobody = contexts[0] as Context;
    expect(await walk(walker, 'kiosk', nobody)).toEqual([]);
    for (const [name, args] of [
      ['registrations.decide', { garbage: 1 }],
      ['session.signIn', { username: trainingStaff.admin, password: trainingPassword(trainingStaff.admin) }],
      ['settings.set', { patch: { mode: 'counter' } }],
      ['no.such.operation', {}],
    ] as const) {
      expect(await walker.backend.call(name, args), name).toMatchObject({ error: { code: 'forbidden' } });
    }
  });
});

describe('a PC that was never enrolled', () => {
  it('takes the enrollment code from anyone, and nothing else without a sign-in', async () => {
    const walker = await startWalker({
      mode: 'kiosk',
      centralUrl: 'http://127.0.0.1:9',
      officeCode: '07921',
    });
    try {
      const caller: Caller = { mode: 'kiosk', enrolled: false, session: null };
      expect(accessRefusal(operations['sync.enroll'].access, caller)).toBeNull();
      // Port 9 refuses: the code was read (not refused by access), the enrollment could not be made.
      const enroll = await walker.backend.call('sync.enroll', { enrollmentCode: 'ABCD-1234-EFGH' });
      expect(enroll).toMatchObject({ ok: false, error: { code: 'sync-network' } });
      expect(await walker.backend.call('settings.set', { patch: { mode: 'counter' } })).toMatchObject({
        error: { code: 'forbidden' },
      });
    } finally {
      await walker.backend.close();
      walker.data.remove();
    }
  });
});
