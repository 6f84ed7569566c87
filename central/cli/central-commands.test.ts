import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentralCliIo } from './cli-io.ts';
import { seedCentralDatabase } from '../seed/seed-central-database.ts';
import { openCentralDatabase } from '../store/open-central-database.ts';
import { startCentralServer } from '../server/start-central-server.ts';
import { requestJson } from '../testing/central-test-client.ts';
import { run as enrollCode } from './enroll-code-command.ts';
import { run as revoke } from './revoke-command.ts';
import { run as devices } from './devices-command.ts';
import { createAuditHeadStore } from '../store/audit-head-store.ts';
import { createDeviceStore } from '../store/device-store.ts';
import { parseOptions } from './parse-options.ts';

const serveModule = fileURLToPath(new URL('./serve-command.ts', import.meta.url));

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'central-cli-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function memoryIo() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const io: CentralCliIo = { stdin: new PassThrough(), stdout, stderr };
  const text = (stream: PassThrough) => () => (stream.read() as Buffer | null)?.toString('utf8') ?? '';
  return { io, stdout: text(stdout), stderr: text(stderr) };
}

describe('central serve', () => {
  it('prints its URL on a line of its own, answers /v1/health, and stops on SIGTERM', async () => {
    const database = path.join(directory, 'central.db');
    const script =
      `import(${JSON.stringify(serveModule)}).then((m) => m.run(process.argv.slice(1), ` +
      '{ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })).then((code) => { process.exitCode = code; });';
    const child = spawn(
      process.execPath,
      ['-e', script, '--', '--port', '0', '--db', database, '--seed', '50'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = stdout.split('\n').find((candidate) => /^http:\/\/127\.0\.0\.1:\d+$/.test(candidate));
          if (line) resolve(line);
        });
        child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
      });
      const health = await requestJson<{ status: string }>(`${url}/v1/health`);
      expect(health.body.status).toBe('ok');
      expect(stderr).toMatch(/50 registrations/);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stderr).toMatch(/stopped/);
  });

  it('refuses unknown options and bad numbers', async () => {
    const { run } = await import('./serve-command.ts');
    for (const args of [['--prot', '1'], ['--port', 'abc'], ['--seed', '-1'], ['--port']]) {
      const { io, stderr } = memoryIo();
      expect(await run(args, io)).toBe(64);
      expect(stderr()).toMatch(/usage/);
    }
  });
});

describe('central enroll-code and revoke', () => {
  it('makes a code the server accepts, and revokes the device it enrolled', async () => {
    const database = path.join(directory, 'central.db');
    const db = openCentralDatabase(database);
    await seedCentralDatabase(db, 10);
    db.close();

    const made = memoryIo();
    expect(await enrollCode(['--db', database, '--office', '04801'], made.io)).toBe(0);
    const code = made.stdout().trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);

    // The serving process and the CLI share the file (WAL); the code made by the CLI works at once.
    const server = await startCentralServer({ databasePath: database });
    try {
      const enrolled = await requestJson<{ deviceId: string; deviceToken: string; officeCode: string }>(
        `${server.url}/v1/enrollments`,
        { body: { enrollmentCode: code, deviceName: 'Quầy 3' } },
      );
      expect(enrolled.body.officeCode).toBe('04801');

      const revoked = memoryIo();
      expect(await revoke(['--db', database, '--device', enrolled.body.deviceId], revoked.io)).toBe(0);
      expect(revoked.stdout()).toContain('revoked');
      const refused = await requestJson<{ error: { code: string } }>(`${server.url}/v1/device`, {
        token: enrolled.body.deviceToken,
      });
      expect(refused.body.error.code).toBe('token-revoked');
    } finally {
      await server.close();
    }
  });

  it('refuses an unknown office, an unknown device and missing options', async () => {
    const database = path.join(directory, 'central.db');
    openCentralDatabase(database).close();
    const unknownOffice = memoryIo();
    expect(await enrollCode(['--db', database, '--office', '99999'], unknownOffice.io)).toBe(1);
    expect(unknownOffice.stderr()).toMatch(/99999/);
    const unknownDevice = memoryIo();
    expect(await revoke(['--db', database, '--device', 'nope'], unknownDevice.io)).toBe(1);
    expect(await enrollCode(['--office', '01001'], memoryIo().io)).toBe(64);
    expect(await revoke(['--db', database], memoryIo().io)).toBe(64);
  });
});

describe('central devices', () => {
  it('lists the devices with their audit head, and exits 1 naming a device whose chain was rewound', async () => {
    const database = path.join(directory, 'central.db');
    const db = openCentralDatabase(database);
    await seedCentralDatabase(db, 0);
    const deviceStore = createDeviceStore(db);
    const now = new Date('2026-11-30T02:00:00.000Z');
    const enroll = (office: string, name: string) => {
      const { enrollmentCode } = deviceStore.createEnrollmentCode(office, { now });
      const outcome = deviceStore.enroll(enrollmentCode, name, now, office);
      if (!outcome.ok) throw new Error(outcome.code);
      return outcome.deviceId;
    };
    const honest = enroll('07921', 'Quầy 1');
    const rewound = enroll('07921', 'Quầy 2');
    const audit = createAuditHeadStore(db);
    const hash = (character: string) => character.repeat(64);
    audit.report(honest, { head: { id: 5, hash: hash('a') }, since: null }, now);
    audit.report(rewound, { head: { id: 9, hash: hash('b') }, since: null }, now);
    audit.report(rewound, { head: { id: 4, hash: hash('c') }, since: { id: 9, hash: hash('b') } }, now);
    db.close();

    const listed = memoryIo();
    expect(await devices(['--db', database, '--office', '07921'], listed.io)).toBe(1);
    const lines = listed.stdout().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((line) => line.startsWith(honest))).toMatch(/audit #5 aaaaaaaaaaaa\taudit ok$/);
    expect(lines.find((line) => line.startsWith(rewound))).toMatch(/AUDIT MISMATCH \(rewound at #9, /);

    const otherOffice = memoryIo();
    expect(await devices(['--db', database, '--office', '01001'], otherOffice.io)).toBe(0);
    expect(otherOffice.stdout()).toBe('no devices\n');
    expect(await devices([], memoryIo().io)).toBe(64);
  });
});

describe('option parsing', () => {
  it('reads --name value and --name=value, and refuses the rest', () => {
    expect(parseOptions(['--db', 'a.db', '--port=8080'], ['db', 'port'])).toEqual({
      ok: true,
      values: new Map([
        ['db', 'a.db'],
        ['port', '8080'],
      ]),
    });
    expect(parseOptions(['--db'], ['db']).ok).toBe(false);
    expect(parseOptions(['--db', '--port', '1'], ['db', 'port']).ok).toBe(false);
    expect(parseOptions(['stray'], ['db']).ok).toBe(false);
  });
});
