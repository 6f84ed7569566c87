import type Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  enrollmentCheckCharacter,
  enrollmentCodeAlphabet,
  enrollmentCodeRandomLength,
  formatEnrollmentCode,
  normalizeEnrollmentCode,
} from '../protocol/enrollment-code.ts';

// Device enrollment and tokens. Only SHA-256 hashes of enrollment codes and device tokens are
// stored: a copy of the database does not let anyone act as a device. Tokens are 256 random bits,
// so a fast hash is enough (no password stretching needed); lookup is by hash, and the final
// comparison is constant-time.

export const enrollmentCodeLifetimeMs = 24 * 60 * 60 * 1000;

const tokenPrefix = 'bhxhdt_';

export interface AuthenticatedDevice {
  deviceId: string;
  deviceName: string;
  officeCode: string;
  enrolledAt: string;
}

export type EnrollmentOutcome =
  | { ok: true; deviceId: string; deviceToken: string; officeCode: string }
  | { ok: false; code: 'enrollment-code-invalid' | 'enrollment-code-expired' | 'enrollment-code-used' }
  | {
      ok: false;
      code: 'enrollment-code-other-office';
      details: { codeOffice: string; requestedOffice: string };
    };

export type AuthenticationOutcome =
  { ok: true; device: AuthenticatedDevice } | { ok: false; code: 'unauthorized' | 'token-revoked' };

export class UnknownOfficeError extends Error {
  constructor(officeCode: string) {
    super(`Không có văn phòng BHXH mã ${officeCode} trong cơ sở dữ liệu. / Unknown office ${officeCode}.`);
    this.name = 'UnknownOfficeError';
  }
}

export function createDeviceStore(db: Database.Database) {
  const officeExists = db.prepare('SELECT 1 FROM offices WHERE office_code = ?').pluck();
  const insertCode = db.prepare(
    'INSERT INTO enrollment_codes (code_hash, office_code, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const findCode = db.prepare(
    'SELECT office_code AS officeCode, expires_at AS expiresAt, used_at AS usedAt FROM enrollment_codes WHERE code_hash = ?',
  );
  const useCode = db.prepare(
    'UPDATE enrollment_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL',
  );
  const insertDevice = db.prepare(
    'INSERT INTO devices (device_id, office_code, device_name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)',
  );
  const findDevice = db.prepare(`
    SELECT device_id AS deviceId, device_name AS deviceName, office_code AS officeCode,
           enrolled_at AS enrolledAt, revoked_at AS revokedAt, token_hash AS tokenHash
      FROM devices WHERE token_hash = ?`);
  const revoke = db.prepare('UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL');
  const deviceExists = db.prepare('SELECT 1 FROM devices WHERE device_id = ?').pluck();

  // Every refusal changes nothing: a code for another office stays usable there, and no device is
  // created for a code that does not enroll one. `requestedOffice` is null for a desktop from before
  // it was sent: such a desktop knows no `enrollment-code-used`, so it gets `-invalid` as it did.
  const enroll = db.transaction(
    (
      enrollmentCode: string,
      deviceName: string,
      now: Date,
      requestedOffice: string | null,
    ): EnrollmentOutcome => {
      const codeHash = sha256(normalizeEnrollmentCode(enrollmentCode));
      const row = findCode.get(codeHash) as
        { officeCode: string; expiresAt: string; usedAt: string | null } | undefined;
      if (!row) return { ok: false, code: 'enrollment-code-invalid' };
      if (row.usedAt !== null) {
        return {
          ok: false,
          code: requestedOffice === null ? 'enrollment-code-invalid' : 'enrollment-code-used',
        };
      }
      // Expiry first: an expired code for another office must not be answered "still valid there".
      if (Date.parse(row.expiresAt) <= now.getTime()) return { ok: false, code: 'enrollment-code-expired' };
      if (requestedOffice !== null && requestedOffice !== row.officeCode) {
        return {
          ok: false,
          code: 'enrollment-code-other-office',
          details: { codeOffice: row.officeCode, requestedOffice },
        };
      }
      const deviceId = randomUUID();
      const deviceToken = tokenPrefix + randomBytes(32).toString('base64url');
      insertDevice.run(deviceId, row.officeCode, deviceName, sha256(deviceToken), now.toISOString());
      // The `used_at IS NULL` guard makes the code one-time even under concurrent enrollments.
      if (useCode.run(now.toISOString(), deviceId, codeHash).changes !== 1) {
        throw new Error('enrollment code used concurrently');
      }
      return { ok: true, deviceId, deviceToken, officeCode: row.officeCode };
    },
  );

  return {
    /** A new one-time code for `officeCode`, valid for 24 hours (or `lifetimeMs`). Shown once. */
    createEnrollmentCode(
      officeCode: string,
      options: { now?: Date; lifetimeMs?: number } = {},
    ): { enrollmentCode: string; expiresAt: string } {
      if (officeExists.get(officeCode) === undefined) throw new UnknownOfficeError(officeCode);
      const now = options.now ?? new Date();
      const expiresAt = new Date(now.getTime() + (options.lifetimeMs ?? enrollmentCodeLifetimeMs));
      const enrollmentCode = newEnrollmentCode();
      insertCode.run(
        sha256(normalizeEnrollmentCode(enrollmentCode)),
        officeCode,
        now.toISOString(),
        expiresAt.toISOString(),
      );
      return { enrollmentCode, expiresAt: expiresAt.toISOString() };
    },

    /** `requestedOffice`: the office the PC is set up for, when it says (a code for another is refused). */
    enroll(
      enrollmentCode: string,
      deviceName: string,
      now: Date,
      requestedOffice: string | null = null,
    ): EnrollmentOutcome {
      return enroll.immediate(enrollmentCode, deviceName, now, requestedOffice);
    },

    authenticate(deviceToken: string): AuthenticationOutcome {
      const hash = sha256(deviceToken);
      const row = findDevice.get(hash) as
        (AuthenticatedDevice & { revokedAt: string | null; tokenHash: Buffer }) | undefined;
      if (!row || !timingSafeEqual(row.tokenHash, hash)) return { ok: false, code: 'unauthorized' };
      if (row.revokedAt !== null) return { ok: false, code: 'token-revoked' };
      const { deviceId, deviceName, officeCode, enrolledAt } = row;
      return { ok: true, device: { deviceId, deviceName, officeCode, enrolledAt } };
    },

    /** 'revoked', 'already-revoked' or 'unknown-device'. */
    revoke(deviceId: string, now: Date = new Date()): 'revoked' | 'already-revoked' | 'unknown-device' {
      if (deviceExists.get(deviceId) === undefined) return 'unknown-device';
      return revoke.run(now.toISOString(), deviceId).changes === 1 ? 'revoked' : 'already-revoked';
    },
  };
}

export type DeviceStore = ReturnType<typeof createDeviceStore>;

/**
 * Twelve random Crockford base32 characters (60 bits) and a check character, in groups:
 * `7K3M-Q9TX-2HBD-R` (central/protocol/enrollment-code.ts).
 */
function newEnrollmentCode(): string {
  const bytes = randomBytes(enrollmentCodeRandomLength);
  let code = '';
  // 256 is a multiple of 32: the low five bits of a random byte are uniform.
  for (const byte of bytes) code += enrollmentCodeAlphabet[byte & 31];
  return formatEnrollmentCode(code + enrollmentCheckCharacter(code));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
