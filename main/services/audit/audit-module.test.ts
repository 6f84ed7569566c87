import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerification, WireAuditEntry } from '../../../preload/contract/areas/audit.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { signInAs, syncOnce, trainingStaff } from '../../../tests/support/staff-session.ts';
import { createBackend, type Backend } from '../backend.ts';
import { checkReportRange } from '../reports/report-range.ts';

// audit.verify and audit.list through the backend (strict contract: results, errors and details
// are checked against the contract), in training mode against the in-process central.

let data: ReturnType<typeof makeTemporaryDirectory>;
let backend: Backend;
let clock: number;

beforeEach(async () => {
  data = makeTemporaryDirectory('audit-module');
  clock = Date.parse('2026-11-21T02:00:00.000Z');
  backend = await createBackend({
    dataDirectory: data.path,
    strictContract: true,
    now: () => new Date(clock),
  });
  await syncOnce(backend.call);
});
afterEach(async () => {
  await backend.close();
  data.remove();
});

async function value<T>(name: string, args: unknown = {}): Promise<T> {
  const result = await backend.call(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('audit.verify', () => {
  it('verifies the whole trail with the central’s verdict, for supervisors and administrators only', async () => {
    await signInAs(backend.call, trainingStaff.officer);
    expect(await backend.call('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(backend.call, trainingStaff.supervisor);
    await syncOnce(backend.call);
    const verification = await value<AuditVerification>('audit.verify');
    expect(verification).toMatchObject({
      intact: true,
      firstBroken: null,
      central: { state: 'matches', checkedAt: expect.any(String) },
      verifiedAt: '2026-11-21T02:00:00.000Z',
    });
    expect(verification.entries).toBe(verification.head?.id);
    // The officer's failed call was refused before anything ran; the sign-ins are audited.
    const { entries } = await value<{ entries: WireAuditEntry[] }>('audit.list', {
      from: '2026-11-21',
      to: '2026-11-21',
    });
    expect(entries.map((entry) => entry.action)).toContain('session.signed-in');
    expect(entries.map((entry) => entry.action)).toContain('device.enrolled');
  });

  it('names the first broken entry once the trail was edited behind the app’s back', async () => {
    await signInAs(backend.call, trainingStaff.admin);
    const { entries } = await value<{ entries: WireAuditEntry[] }>('audit.list', {
      from: '2026-11-21',
      to: '2026-11-21',
      limit: 500,
    });
    const victim = entries[entries.length - 2] as WireAuditEntry;
    // As a forger would, with a connection of its own to the file (the app keeps running).
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(`${data.path}/bhxh-kiosk.sqlite`);
    db.exec('DROP TRIGGER audit_log_refuses_update');
    db.prepare("UPDATE audit_log SET actor = 'someone' WHERE id = ?").run(victim.id);
    db.close();
    expect(await value<AuditVerification>('audit.verify')).toMatchObject({
      intact: false,
      entries: victim.id - 1,
      firstBroken: { id: victim.id, reason: 'content-changed' },
    });
  });
});

describe('audit.list', () => {
  it('pages a range of Vietnam days newest first, by id', async () => {
    await signInAs(backend.call, trainingStaff.supervisor);
    // 23:30 in Hà Nội on the 21st is 16:30 UTC; 00:30 on the 22nd is 17:30 UTC.
    for (const at of ['2026-11-21T16:30:00.000Z', '2026-11-21T17:30:00.000Z']) {
      clock = Date.parse(at);
      await signInAs(backend.call, trainingStaff.admin);
    }
    const day21 = await value<{ entries: WireAuditEntry[]; nextBeforeId: number | null }>('audit.list', {
      from: '2026-11-21',
      to: '2026-11-21',
      limit: 500,
    });
    const day22 = await value<{ entries: WireAuditEntry[] }>('audit.list', {
      from: '2026-11-22',
      to: '2026-11-22',
    });
    expect(day22.entries.map((entry) => entry.action)).toContain('session.signed-in');
    expect(new Set(day22.entries.map((entry) => entry.at))).toEqual(new Set(['2026-11-21T17:30:00.000Z']));
    expect(day21.entries.some((entry) => entry.at === '2026-11-21T16:30:00.000Z')).toBe(true);
    expect(day21.entries.some((entry) => entry.at === '2026-11-21T17:30:00.000Z')).toBe(false);
    expect(day21.nextBeforeId).toBeNull();
    const ids = day21.entries.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    for (const entry of day21.entries) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);

    const pages: number[][] = [];
    let beforeId: number | null = null;
    do {
      const page: { entries: WireAuditEntry[]; nextBeforeId: number | null } = await value('audit.list', {
        from: '2026-11-21',
        to: '2026-11-22',
        beforeId,
        limit: 3,
      });
      pages.push(page.entries.map((entry) => entry.id));
      beforeId = page.nextBeforeId;
    } while (beforeId !== null);
    expect(pages.flat()).toEqual([...day22.entries, ...day21.entries].map((entry) => entry.id));
    expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
  });

  it.each([
    ['a start after the end', '2026-11-22', '2026-11-21', {}],
    ['more than 93 days', '2026-08-20', '2026-11-21', { days: 94 }],
    ['a day that does not exist', '2026-02-30', '2026-03-01', {}],
  ])('refuses %s with report-range-invalid, as reports.daily does', async (_case, from, to, extra) => {
    await signInAs(backend.call, trainingStaff.supervisor);
    const listed = await backend.call('audit.list', { from, to });
    const reported = await backend.call('reports.daily', { from, to });
    const details = { from, to, maxDays: 93, ...extra };
    expect(listed).toMatchObject({ ok: false, error: { code: 'report-range-invalid', details } });
    if (listed.ok || reported.ok) throw new Error('both must refuse');
    // One check for both areas: the same words and the same details.
    expect(listed.error.details).toEqual(details);
    expect(reported.error).toEqual(listed.error);
  });
});

describe('checkReportRange', () => {
  it('runs from 00:00 of the first day to 00:00 after the last, in Vietnam time', () => {
    expect(checkReportRange({ from: '2026-11-21', to: '2026-11-21' })).toEqual({
      start: '2026-11-20T17:00:00.000Z',
      end: '2026-11-21T17:00:00.000Z',
    });
    expect(checkReportRange({ from: '2026-08-21', to: '2026-11-21' }).start).toBe('2026-08-20T17:00:00.000Z');
  });
});
