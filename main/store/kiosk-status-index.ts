import { createHash, randomBytes } from 'node:crypto';
import { registrationSchema, type Registration } from '../core/registration/registration.ts';
import { maskName } from '../core/text/mask-name.ts';
import { idNumberKey } from './lookup-keys.ts';
import type { CentralRegistration, PullCursor } from './registrations-repository.ts';
import { StoreError } from './store-error.ts';
import type { Store } from './store.ts';
import { advancePullCursor, readSyncValue, writeSyncValue } from './sync-state-repository.ts';

// A kiosk's copy of the office's registrations, reduced to what a citizen at the kiosk may be told
// (migration 0007): no name, no number, no contact — a masked name, the status and its dates, and
// the person's numbers as salted SHA-256 keys, so a scanned card finds its registration and the
// file alone gives nobody a list of who registered. The salt is this kiosk's own, made on first use.

const saltKey = 'kiosk-person-key-salt';

function salt(store: Store): string {
  const existing = readSyncValue(store, saltKey);
  if (existing !== null) return existing;
  const made = randomBytes(16).toString('hex');
  store.transaction(() => writeSyncValue(store, saltKey, made));
  return made;
}

/**
 * The function that keys a person's numbers on this kiosk (null for no number). The salt is read
 * once per call of this, not once per number: a pull page keys thousands.
 */
export function personKeyer(store: Store): (number: string | null) => string | null {
  const kioskSalt = salt(store);
  return (number) =>
    number === null || number.trim() === ''
      ? null
      : createHash('sha256')
          .update(`${kioskSalt}:${idNumberKey(number)}`)
          .digest('hex');
}

/** The key of one number (personKeyer for many). */
export function personKey(store: Store, number: string | null): string | null {
  return personKeyer(store)(number);
}

export interface KioskStatusRow {
  code: string;
  officeCode: string;
  status: Registration['status'];
  submittedAt: string;
  decidedAt: string | null;
  reasonCode: string | null;
  maskedName: string;
  kioskReference: string | null;
}

interface IndexRow {
  code: string;
  office_code: string;
  status: Registration['status'];
  submitted_at: string;
  decided_at: string | null;
  reason_code: string | null;
  masked_name: string;
  kiosk_reference: string | null;
}

function toRow(row: IndexRow): KioskStatusRow {
  return {
    code: row.code,
    officeCode: row.office_code,
    status: row.status,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    reasonCode: row.reason_code,
    maskedName: row.masked_name,
    kioskReference: row.kiosk_reference,
  };
}

/**
 * A pull page into the index, and the cursor with it, in one transaction (like upsertFromCentral
 * for a counter). A version older than the stored one is skipped.
 */
export function upsertKioskStatusIndex(
  store: Store,
  items: readonly (CentralRegistration & { kioskReference?: string | null })[],
  cursor: PullCursor,
): number {
  const checked = items.map((item) => {
    const parsed = registrationSchema.safeParse(item.registration);
    if (!parsed.success || !Number.isSafeInteger(item.seq) || item.seq <= 0) {
      throw new StoreError(
        'store-constraint',
        'Dữ liệu nhận từ máy chủ trung tâm không hợp lệ nên không được lưu. Hãy báo cho bộ phận kỹ thuật.',
        { details: { code: item.registration?.code ?? null, seq: item.seq } },
      );
    }
    return { seq: item.seq, registration: parsed.data, kioskReference: item.kioskReference ?? null };
  });
  return store.transaction(() => {
    let written = 0;
    const key = personKeyer(store);
    const upsert = store.statement(
      `INSERT INTO kiosk_status_index (code, office_code, status, submitted_at, decided_at, reason_code,
         masked_name, id_key, old_id_key, sin_key, kiosk_reference, server_seq)
       VALUES (@code, @officeCode, @status, @submittedAt, @decidedAt, @reasonCode, @maskedName, @idKey,
         @oldIdKey, @sinKey, @kioskReference, @seq)
       ON CONFLICT (code) DO UPDATE SET office_code = excluded.office_code, status = excluded.status,
         submitted_at = excluded.submitted_at, decided_at = excluded.decided_at,
         reason_code = excluded.reason_code, masked_name = excluded.masked_name,
         id_key = excluded.id_key, old_id_key = excluded.old_id_key, sin_key = excluded.sin_key,
         kiosk_reference = excluded.kiosk_reference, server_seq = excluded.server_seq
       WHERE excluded.server_seq > kiosk_status_index.server_seq`,
    );
    for (const { seq, registration, kioskReference } of checked) {
      const document = registration.idDocument;
      written += upsert.run({
        code: registration.code,
        officeCode: registration.officeCode,
        status: registration.status,
        submittedAt: registration.submittedAt,
        decidedAt: registration.decision?.decidedAt ?? null,
        reasonCode: registration.decision?.outcome === 'rejected' ? registration.decision.reasonCode : null,
        maskedName: maskName(registration.fullName),
        idKey: document.type === 'cccd' ? key(document.number) : null,
        oldIdKey: document.type === 'cmnd' ? key(document.number) : null,
        sinKey: key(registration.socialInsuranceNumber),
        kioskReference,
        seq,
      }).changes;
    }
    advancePullCursor(store, cursor.officeCode, cursor.seq);
    return written;
  });
}

/** The registrations of a scanned card's numbers, pending first, newest first. */
export function findKioskStatusByCard(
  store: Store,
  numbers: { idNumber: string | null; oldIdNumber: string | null; socialInsuranceNumber: string | null },
): KioskStatusRow[] {
  const key = personKeyer(store);
  const keys = {
    // A CCCD's number and the old 9-digit one may each be the registration's document.
    idKey: key(numbers.idNumber),
    oldIdKey: key(numbers.oldIdNumber),
    sinKey: key(numbers.socialInsuranceNumber),
  };
  return store.read(() =>
    (
      store
        .statement(
          `SELECT * FROM kiosk_status_index
           WHERE id_key = @idKey OR old_id_key = @oldIdKey OR sin_key = @sinKey
           ORDER BY status <> 'pending', submitted_at DESC LIMIT 20`,
        )
        .all(keys) as IndexRow[]
    ).map(toRow),
  );
}

/** A registration by its code or by the kiosk reference of the form it came from. */
export function findKioskStatusByCode(store: Store, codeOrReference: string): KioskStatusRow | null {
  const row = store.read(
    () =>
      store
        .statement('SELECT * FROM kiosk_status_index WHERE code = ? OR kiosk_reference = ? LIMIT 1')
        .get(codeOrReference, codeOrReference) as IndexRow | undefined,
  );
  return row === undefined ? null : toRow(row);
}

/**
 * A kiosk keeps no full registration and no staff directory (nobody signs in at a kiosk): what an
 * earlier version pulled is deleted, and the pull starts again into the index. Returns whether it
 * deleted anything.
 */
export function dropCounterDataOnKiosk(store: Store, officeCode: string): boolean {
  return store.transaction(() => {
    const registrations = store
      .statement(
        `DELETE FROM registrations WHERE NOT EXISTS
           (SELECT 1 FROM decisions d WHERE d.registration_code = registrations.code)`,
      )
      .run().changes;
    const staff = store.statement('DELETE FROM staff').run().changes;
    if (registrations > 0) {
      store.statement('DELETE FROM sync_state WHERE key = ?').run(`pull-cursor:${officeCode}`);
    }
    return registrations + staff > 0;
  });
}
