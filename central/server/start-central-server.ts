import type Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedCentralDatabase, type SeedSummary } from '../seed/seed-central-database.ts';
import { createAuditHeadStore, type DeviceAuditStatus } from '../store/audit-head-store.ts';
import { createDeviceStore } from '../store/device-store.ts';
import { openCentralDatabase } from '../store/open-central-database.ts';
import { createRequestHandler } from './handle-request.ts';

export interface CentralServerOptions {
  /** A file, or ':memory:' for a private in-memory database (training mode, tests). */
  databasePath: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback by default; the reference service is never meant to face a network. */
  host?: string;
  /** Seed offices, staff and this many synthetic registrations (registrations only into an empty database). */
  seedCount?: number;
  /** The end of the seeded submission window (default: a fixed instant, see generate-registrations.ts). */
  seedReferenceTime?: Date;
  /** The server clock (tests move it). Used for serverTime, the Date header, expiries and clock-skew. */
  now?: () => Date;
  /** Request and error lines; never tokens or personal data. */
  log?: (line: string) => void;
}

export interface CentralServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** What seeding wrote; null when no seedCount was given. */
  seeded: SeedSummary | null;
  /** A one-time enrollment code for an office (valid 24 h), as `central enroll-code` prints. */
  createEnrollmentCode(officeCode: string): string;
  /** Revokes a device's token; false when the device is unknown or already revoked. */
  revokeDevice(deviceId: string): boolean;
  /** What the central knows of a device's audit chain: its latest head and any mismatch (§13). */
  auditStatus(deviceId: string): DeviceAuditStatus;
  /** The open database, for tests and tools in the same process. Closed by close(). */
  database: Database.Database;
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>;
}

export async function startCentralServer(options: CentralServerOptions): Promise<CentralServer> {
  const now = options.now ?? (() => new Date());
  const db = openCentralDatabase(options.databasePath);
  try {
    const seeded =
      options.seedCount === undefined
        ? null
        : await seedCentralDatabase(db, options.seedCount, { referenceTime: options.seedReferenceTime });
    const devices = createDeviceStore(db);
    const auditHeads = createAuditHeadStore(db);
    const handleRequest = createRequestHandler({ db, now, log: options.log });
    const server = createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
      void handleRequest(request, response);
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | undefined;

    return {
      url: `http://${urlHost}:${port}`,
      port,
      seeded,
      database: db,
      createEnrollmentCode: (officeCode) =>
        devices.createEnrollmentCode(officeCode, { now: now() }).enrollmentCode,
      revokeDevice: (deviceId) => devices.revoke(deviceId, now()) === 'revoked',
      auditStatus: (deviceId) => auditHeads.status(deviceId),
      close() {
        closing ??= new Promise<void>((resolve, reject) => {
          server.close((error) => {
            db.close();
            if (error) reject(error);
            else resolve();
          });
          server.closeAllConnections();
        });
        return closing;
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
