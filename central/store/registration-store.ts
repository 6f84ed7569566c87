import type Database from 'better-sqlite3';
import type { Registration, RegistrationStatus } from '../../main/core/registration/registration.ts';

/** A registration as stored: its canonical JSON plus what the server knows about its last change. */
export interface StoredRegistration {
  code: string;
  officeCode: string;
  seq: number;
  status: RegistrationStatus;
  json: string;
  statusChangedAt: string;
  statusChangedByDevice: string | null;
  withdrawalReason: string | null;
}

export interface RegistrationChange {
  seq: number;
  /** Server time of the change. */
  changedAt: string;
  /** The enrolled device whose event made the change; null for the portal, the app or seed data. */
  changedByDevice: string | null;
  withdrawalReason?: string | null;
}

export interface PullPage {
  /** The complete response body except `serverTime`, closed by the caller (see pullPageBody). */
  itemsJson: string;
  count: number;
  cursor: number;
  hasMore: boolean;
}

/**
 * Registrations and their change sequence. `seq` is global and strictly increasing: nextSeq() reads
 * the current maximum, so it must be called inside the write transaction that uses the value —
 * SQLite allows one writer at a time, so no two transactions can take the same seq, and a reader
 * never sees seq N+1 committed while N is still pending (the cursor can never skip a change).
 */
export function createRegistrationStore(db: Database.Database) {
  const maxSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM registrations').pluck();
  const insert = db.prepare(`
    INSERT INTO registrations
      (code, office_code, seq, status, json, status_changed_at, status_changed_by_device, withdrawal_reason,
       kiosk_reference)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const update = db.prepare(`
    UPDATE registrations
       SET seq = ?, status = ?, json = ?, status_changed_at = ?, status_changed_by_device = ?,
           withdrawal_reason = ?
     WHERE code = ?`);
  const find = db.prepare(`
    SELECT code, office_code AS officeCode, seq, status, json, status_changed_at AS statusChangedAt,
           status_changed_by_device AS statusChangedByDevice, withdrawal_reason AS withdrawalReason
      FROM registrations WHERE code = ?`);
  const page = db
    .prepare(
      `SELECT seq, json, kiosk_reference FROM registrations WHERE office_code = ? AND seq > ?
       ORDER BY seq LIMIT ?`,
    )
    .raw(true);
  const byKioskReference = db.prepare('SELECT code FROM registrations WHERE kiosk_reference = ?').pluck();
  const count = db.prepare('SELECT count(*) FROM registrations').pluck();
  const bumpCodeCounter = db
    .prepare(
      `INSERT INTO registration_code_counters (office_code, year, last_number) VALUES (?, ?, 1)
       ON CONFLICT(office_code, year) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number`,
    )
    .pluck();
  const setCodeCounter = db.prepare(
    `INSERT INTO registration_code_counters (office_code, year, last_number) VALUES (?, ?, ?)
     ON CONFLICT(office_code, year) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
  );

  return {
    nextSeq(): number {
      return (maxSeq.get() as number) + 1;
    },

    count(): number {
      return count.get() as number;
    },

    /** `kioskReference`: the kiosk's reference of the form, for a registration made at a kiosk. */
    insert(
      registration: Registration,
      change: RegistrationChange,
      kioskReference: string | null = null,
    ): void {
      insertJson(registration, JSON.stringify(registration), change, kioskReference);
    },

    /** For callers that already hold the canonical JSON text (the seed writes 100,000 at once). */
    insertJson,

    update(registration: Registration, change: RegistrationChange): void {
      update.run(
        change.seq,
        registration.status,
        JSON.stringify(registration),
        change.changedAt,
        change.changedByDevice,
        change.withdrawalReason ?? null,
        registration.code,
      );
    },

    find(code: string): StoredRegistration | undefined {
      return find.get(code) as StoredRegistration | undefined;
    },

    /** The code of the registration made from the kiosk form with this reference, if any. */
    codeOfKioskReference(kioskReference: string): string | undefined {
      return byKioskReference.get(kioskReference) as string | undefined;
    },

    /** Registration codes read `DK-<office>-<year>-<number>`, the number counting per office and year. */
    nextCode(officeCode: string, year: number): string {
      const number = bumpCodeCounter.get(officeCode, year) as number;
      return formatRegistrationCode(officeCode, year, number);
    },

    /** After seeding codes directly, so later kiosk registrations continue after them. */
    reserveCodesUpTo(officeCode: string, year: number, lastNumber: number): void {
      setCodeCounter.run(officeCode, year, lastNumber);
    },

    /**
     * One pull page. The stored JSON strings are spliced into the body as they are: no parse and
     * no stringify per row, which is what makes a 100,000-row pull fast.
     */
    pullPage(officeCode: string, after: number, limit: number): PullPage {
      const rows = page.all(officeCode, after, limit + 1) as [number, string, string | null][];
      const hasMore = rows.length > limit;
      if (hasMore) rows.pop();
      const parts = new Array<string>(rows.length);
      for (let index = 0; index < rows.length; index++) {
        const [seq, json, kioskReference] = rows[index] as [number, string, string | null];
        // Only the short reference is stringified (it may hold any character a kiosk put in it).
        const reference = kioskReference === null ? 'null' : JSON.stringify(kioskReference);
        parts[index] = `{"seq":${seq},"registration":${json},"kioskReference":${reference}}`;
      }
      const last = rows[rows.length - 1];
      return {
        itemsJson: `[${parts.join(',')}]`,
        count: rows.length,
        cursor: last ? last[0] : after,
        hasMore,
      };
    },
  };

  function insertJson(
    registration: Registration,
    json: string,
    change: RegistrationChange,
    kioskReference: string | null = null,
  ): void {
    insert.run(
      registration.code,
      registration.officeCode,
      change.seq,
      registration.status,
      json,
      change.changedAt,
      change.changedByDevice,
      change.withdrawalReason ?? null,
      kioskReference,
    );
  }
}

export type RegistrationStore = ReturnType<typeof createRegistrationStore>;

export function formatRegistrationCode(officeCode: string, year: number, number: number): string {
  return `DK-${officeCode}-${year}-${String(number).padStart(6, '0')}`;
}
