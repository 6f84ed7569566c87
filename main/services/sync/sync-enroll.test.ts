import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../../central/server/start-central-server.ts';
import { requestJson, testClock } from '../../../central/testing/central-test-client.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { createBackend, type Backend } from '../backend.ts';

// sync.enroll's answers through the backend (strict contract: each code is declared and each
// details object fits its schema): a mistyped code, an expired one, a used one and another
// office's are told apart, and another office's code is neither used up nor leaves a device.

let data: ReturnType<typeof makeTemporaryDirectory>;
let backend: Backend;
let central: CentralServer;
const centralClock = testClock();
/** The central's request log: method, path, status. */
let requestLines: string[];

beforeEach(async () => {
  data = makeTemporaryDirectory('sync-enroll');
  requestLines = [];
  central = await startCentralServer({
    databasePath: ':memory:',
    seedCount: 0,
    now: centralClock.now,
    log: (line) => requestLines.push(line),
  });
  writeFileSync(
    path.join(data.path, 'config.json'),
    JSON.stringify({ centralUrl: central.url, officeCode: '07921' }),
  );
  backend = await createBackend({ dataDirectory: data.path, strictContract: true });
});
afterEach(async () => {
  await backend.close();
  await central.close();
  data.remove();
});

const enroll = (enrollmentCode: string, extra: Record<string, string> = {}) =>
  backend.call('sync.enroll', { enrollmentCode, ...extra });
const devices = () => central.database.prepare('SELECT office_code FROM devices').pluck().all();
const usedCodes = () =>
  central.database.prepare('SELECT count(*) FROM enrollment_codes WHERE used_at IS NOT NULL').pluck().get();

describe('sync.enroll answers', () => {
  it('catches a typo of a current code on this PC, before asking the central', async () => {
    const code = central.createEnrollmentCode('07921');
    const last = code.at(-1) === '0' ? '1' : '0';
    const typo = `${code.slice(0, -1)}${last}`;
    expect(await enroll(typo)).toMatchObject({ ok: false, error: { code: 'enrollment-code-mistyped' } });
    expect(await enroll('ABCD')).toMatchObject({ ok: false, error: { code: 'enrollment-code-mistyped' } });
    expect(requestLines.filter((line) => line.startsWith('POST /v1/enrollments'))).toEqual([]);
    expect(devices()).toEqual([]);
    expect((await enroll(code)).ok).toBe(true);
  });

  it('reports a code the central does not know as mistyped', async () => {
    // 12 characters: the shape of a code from before check characters, which only the central can check.
    expect(await enroll('7K3M-Q9TX-2HBD')).toMatchObject({
      ok: false,
      error: { code: 'enrollment-code-mistyped' },
    });
  });

  it('tells an expired code and a used one apart', async () => {
    const late = central.createEnrollmentCode('07921');
    centralClock.advance(25 * 60 * 60 * 1000);
    expect(await enroll(late)).toMatchObject({ ok: false, error: { code: 'enrollment-code-expired' } });
    // Another PC of the office got there first.
    const code = central.createEnrollmentCode('07921');
    const first = await requestJson(`${central.url}/v1/enrollments`, {
      body: { enrollmentCode: code, deviceName: 'Quầy 2', officeCode: '07921' },
    });
    expect(first.status).toBe(200);
    expect(await enroll(code)).toMatchObject({ ok: false, error: { code: 'enrollment-code-used' } });
  });

  it('refuses another office’s code with both offices, without using it up', async () => {
    const code = central.createEnrollmentCode('01001');
    expect(await enroll(code)).toMatchObject({
      ok: false,
      error: { code: 'enrollment-code-other-office', details: { codeOffice: '01001', officeCode: '07921' } },
    });
    expect(devices()).toEqual([]);
    expect(usedCodes()).toBe(0);
    // The same code, with this PC set to its office in the same call, enrolls it.
    expect(await enroll(code, { officeCode: '01001' })).toMatchObject({
      ok: true,
      value: { state: 'online' },
    });
    expect(devices()).toEqual(['01001']);
  });

  it('audits the enrollment once, with who did it, in the transaction that keeps the token', async () => {
    expect((await enroll(central.createEnrollmentCode('07921'))).ok).toBe(true);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(data.path, 'bhxh-kiosk.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT actor, subject, details FROM audit_log WHERE action = 'device.enrolled'")
        .all() as {
        actor: string;
        subject: string;
        details: string;
      }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor: 'setup', subject: '07921' });
      expect(JSON.parse(rows[0]!.details)).toMatchObject({ counterId: 'Q01', deviceId: expect.any(String) });
    } finally {
      db.close();
    }
  });
});
