import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentralServer } from '../../central/server/start-central-server.ts';
import { stripDiacritics } from '../core/text/vietnamese-text.ts';
import { makeTemporaryDirectory } from '../../tests/support/temporary-directory.ts';
import { signInAs, trainingStaff } from '../../tests/support/staff-session.ts';
import { createBackend, type Backend } from './backend.ts';

let data: ReturnType<typeof makeTemporaryDirectory>;
let backend: Backend | null = null;

beforeEach(() => {
  data = makeTemporaryDirectory('backend');
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  data.remove();
});

async function value<T>(name: string, args: unknown = {}): Promise<T> {
  const result = await backend!.call(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

interface Found {
  registration: { code: string; fullName: string; status: string };
  localState: string;
}

describe('backend in training mode', () => {
  it('syncs with its in-process central, finds, decides and pushes a registration exactly once', async () => {
    backend = await createBackend({ dataDirectory: data.path, strictContract: true });
    const statuses: string[] = [];
    backend.subscribe((event) => {
      if (event.name === 'sync.status') statuses.push(event.payload.state);
    });
    const status = await value<{ state: string; trainingMode: boolean }>('sync.now');
    expect(status).toMatchObject({ state: 'online', trainingMode: true });
    expect(statuses).toContain('syncing');
    await signInAs(backend.call, trainingStaff.officer);

    const [first] = await value<Found[]>('registrations.search', { query: 'nguyen' });
    expect(first).toBeDefined();
    const pending = (
      await value<Found[]>('registrations.search', { query: stripDiacritics(first!.registration.fullName) })
    ).find((row) => row.registration.status === 'pending');
    expect(pending).toBeDefined();
    const code = pending!.registration.code;

    const decided = await value<
      Found & { localDecision: { outcome: string; officerId: string; counterId: string } }
    >('registrations.decide', {
      registrationCode: code,
      outcome: 'approved',
      reasonCode: null,
      note: null,
      override: false,
    });
    expect(decided.localState).toBe('decided-locally');
    // The decision is the signed-in officer's, at this PC's counter: no argument named them.
    expect(decided.localDecision).toMatchObject({
      outcome: 'approved',
      officerId: trainingStaff.officer,
      counterId: 'Q01',
    });
    const after = await value<{ backlog: number; state: string }>('sync.now');
    expect(after).toMatchObject({ backlog: 0, state: 'online' });
    const [synced] = await value<Found[]>('registrations.search', { query: code });
    expect(synced).toMatchObject({ registration: { code, status: 'approved' }, localState: 'synced' });

    // Another officer takes over the PC and tries to decide again: refused, with who decided first.
    await signInAs(backend.call, trainingStaff.otherOfficer);
    const again = await backend.call('registrations.decide', {
      registrationCode: code,
      outcome: 'rejected',
      reasonCode: 'other',
      note: 'x',
      override: false,
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'already-decided',
        details: {
          registrationCode: code,
          existing: { outcome: 'approved', officerId: trainingStaff.officer },
        },
      },
    });
  });

  it('refuses a rejection without a reason and an override without a note', async () => {
    backend = await createBackend({ dataDirectory: data.path, strictContract: true });
    await value('sync.now');
    await signInAs(backend.call, trainingStaff.officer);
    const base = { registrationCode: 'DK-1', note: null };
    expect(
      await backend.call('registrations.decide', {
        ...base,
        outcome: 'rejected',
        reasonCode: null,
        override: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', details: { issues: [{ path: 'reasonCode' }] } },
    });
    expect(
      await backend.call('registrations.decide', {
        ...base,
        outcome: 'approved',
        reasonCode: null,
        override: true,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', details: { issues: [{ path: 'note' }] } },
    });
  });
});

describe('backend with a configured central service', () => {
  it('waits for enrollment, then syncs', async () => {
    const central = await startCentralServer({ databasePath: ':memory:', seedCount: 200 });
    try {
      writeFileSync(
        path.join(data.path, 'config.json'),
        JSON.stringify({ centralUrl: central.url, officeCode: '07921' }),
      );
      backend = await createBackend({ dataDirectory: data.path });
      const before = await value<{ state: string; trainingMode: boolean; error: { kind: string } | null }>(
        'sync.now',
      );
      expect(before).toMatchObject({
        state: 'needs-attention',
        trainingMode: false,
        error: { kind: 'auth' },
      });
      const enrolled = await value<{ state: string }>('sync.enroll', {
        enrollmentCode: central.createEnrollmentCode('07921'),
      });
      expect(enrolled.state).toBe('online');
    } finally {
      await backend?.close();
      backend = null;
      await central.close();
    }
  });
});
