import { readKioskReference } from '../core/registration/kiosk-reference.ts';
import { registrationSchema, type Decision, type Registration } from '../core/registration/registration.ts';
import { idNumberKey, nameSearchKey, phoneKey, prefixUpperBound } from './lookup-keys.ts';
import { advancePullCursor } from './sync-state-repository.ts';
import type { Store } from './store.ts';
import { StoreError } from './store-error.ts';

// Registrations of this office as the central service sends them, with every status change made
// anywhere, plus what this device did to them (local_state, the live local decision).
//
// Sync rule (docs/local-store.md "Conflicts"): the server wins for what a registration SAYS — a
// pulled version always replaces `json` — but a pull never erases a local decision that is still
// waiting to be pushed. Such a registration stays 'decided-locally'; its outbox row is pushed, and
// the central service either accepts it or answers `conflict` naming the winner (markConflict).

export const localStates = ['synced', 'decided-locally', 'conflict'] as const;
export type LocalState = (typeof localStates)[number];

export interface LocalDecision extends Decision {
  eventId: string;
  syncState: 'pending' | 'synced';
}

export interface StoredRegistration {
  /** The registration as the central service last sent it. */
  registration: Registration;
  serverSeq: number;
  localState: LocalState;
  /**
   * This device's decision while the central's version does not show it yet (localState
   * 'decided-locally': pending push, or pushed and accepted but not pulled back); null otherwise.
   */
  localDecision: LocalDecision | null;
}

/** One item of a pull page: a registration version and the server sequence that produced it. */
export interface CentralRegistration {
  seq: number;
  registration: Registration;
  /** The kiosk's reference of the form (kiosk registrations); absent from an older central. */
  kioskReference?: string | null | undefined;
}

/** Where the pull stops after this page: the last server sequence it covered, per office. */
export interface PullCursor {
  officeCode: string;
  seq: number;
}

export interface UpsertSummary {
  inserted: number;
  updated: number;
  /** Versions not newer than what is stored (replayed pages, duplicates): nothing changed. */
  skipped: number;
}

/** The columns `toStored` reads, as the start of a SELECT on `registrations`. */
export const selectColumns = 'SELECT json, server_seq, local_state, code FROM registrations';

const lookupLimit = 50;

export interface RegistrationRow {
  json: string;
  server_seq: number;
  local_state: LocalState;
  code: string;
}

interface DecisionRow {
  event_id: string;
  outcome: Decision['outcome'];
  reason_code: string | null;
  note: string | null;
  officer_id: string;
  counter_id: string;
  override: number;
  decided_at: string;
  sync_state: 'pending' | 'synced';
}

// The local decision is read only for rows in 'decided-locally' (a second, indexed read), not joined
// into every lookup: a LEFT JOIN made each lookup about five times slower for the rare row that has one.
export function toStored(store: Store, row: RegistrationRow): StoredRegistration {
  let localDecision: LocalDecision | null = null;
  if (row.local_state === 'decided-locally') {
    const decision = store
      .statement(
        `SELECT event_id, outcome, reason_code, note, officer_id, counter_id, override, decided_at, sync_state
         FROM decisions WHERE registration_code = ? AND sync_state IN ('pending', 'synced')`,
      )
      .get(row.code) as DecisionRow | undefined;
    if (decision !== undefined) {
      localDecision = {
        eventId: decision.event_id,
        syncState: decision.sync_state,
        outcome: decision.outcome,
        reasonCode: decision.reason_code,
        note: decision.note,
        officerId: decision.officer_id,
        counterId: decision.counter_id,
        override: decision.override === 1,
        decidedAt: decision.decided_at,
      };
    }
  }
  return {
    registration: JSON.parse(row.json) as Registration,
    serverSeq: row.server_seq,
    localState: row.local_state,
    localDecision,
  };
}

function lookup(store: Store, where: string, key: string): StoredRegistration[] {
  return store.read(() =>
    (
      store
        .statement(`${selectColumns} WHERE ${where} AND json IS NOT NULL LIMIT ${lookupLimit}`)
        .all(key) as RegistrationRow[]
    )
      .map((row) => toStored(store, row))
      .sort(newestFirst),
  );
}

function newestFirst(a: StoredRegistration, b: StoredRegistration): number {
  const byTime = b.registration.submittedAt.localeCompare(a.registration.submittedAt);
  return byTime !== 0 ? byTime : a.registration.code.localeCompare(b.registration.code);
}

export function findByCode(store: Store, code: string): StoredRegistration | null {
  return lookup(store, 'code = ?', code.trim())[0] ?? null;
}

/**
 * The registration made from the kiosk form with this reference (the unique index on
 * kiosk_reference); null when the text is not a reference or none is known here yet — the kiosk
 * may not have synced, or the form is for another office.
 */
export function findByKioskReference(store: Store, reference: string): StoredRegistration | null {
  const key = readKioskReference(reference);
  if (key === null) return null;
  return lookup(store, 'kiosk_reference = ?', key)[0] ?? null;
}

/** By the number of the registration's ID document (CCCD, old CMND or passport). Newest first. */
export function findByIdNumber(store: Store, idNumber: string): StoredRegistration[] {
  return lookup(store, 'id_number = ?', idNumberKey(idNumber));
}

/** By an old 9-digit CMND number (registrations made with a CMND). Newest first. */
export function findByOldIdNumber(store: Store, oldIdNumber: string): StoredRegistration[] {
  return lookup(store, 'old_id_number = ?', idNumberKey(oldIdNumber));
}

export function findBySocialInsuranceNumber(
  store: Store,
  socialInsuranceNumber: string,
): StoredRegistration[] {
  return lookup(store, 'social_insurance_number = ?', socialInsuranceNumber.trim());
}

export function findByPhone(store: Store, phone: string): StoredRegistration[] {
  return lookup(store, 'phone = ?', phoneKey(phone));
}

/**
 * Diacritic- and case-insensitive search on the start of the full name: "nguyen van hung" and
 * "nguyen van h" find "Nguyễn Văn Hùng". An index range on name_search_key, so its cost does not
 * grow with the store (docs/local-store.md "Lookups and name search": why not FTS5). Ordered by name.
 */
export function searchByName(store: Store, query: string, limit = 20): StoredRegistration[] {
  // The text of a form printed offline is its kiosk reference, and the search box reads anything
  // that is not a number or a code as a name: a reference is looked up as what it is.
  if (readKioskReference(query) !== null) {
    const byReference = findByKioskReference(store, query);
    return byReference ? [byReference] : [];
  }
  const prefix = nameSearchKey(query);
  if (prefix === '') return [];
  const upper = prefixUpperBound(prefix);
  const boundedLimit = Math.max(1, Math.min(200, Math.trunc(limit)));
  return store.read(() => {
    const rows =
      upper === null
        ? (store
            .statement(
              `${selectColumns} WHERE name_search_key >= ? AND json IS NOT NULL ORDER BY name_search_key LIMIT ?`,
            )
            .all(prefix, boundedLimit) as RegistrationRow[])
        : (store
            .statement(
              `${selectColumns} WHERE name_search_key >= ? AND name_search_key < ? AND json IS NOT NULL
               ORDER BY name_search_key LIMIT ?`,
            )
            .all(prefix, upper, boundedLimit) as RegistrationRow[]);
    return rows.map((row) => toStored(store, row));
  });
}

/**
 * The registrations of a scanned card: any of its numbers (ID number, the CCCD's old 9-digit
 * number, the BHYT card's social-insurance number) equal to the registration's. Each registration
 * once; pending ones first (those the officer can act on), then newest submitted first.
 */
export function findByCard(
  store: Store,
  numbers: { idNumber: string | null; oldIdNumber: string | null; socialInsuranceNumber: string | null },
): StoredRegistration[] {
  const idNumber = numbers.idNumber === null ? null : idNumberKey(numbers.idNumber);
  const oldIdNumber = numbers.oldIdNumber === null ? null : idNumberKey(numbers.oldIdNumber);
  const socialInsuranceNumber = numbers.socialInsuranceNumber?.trim() ?? null;
  if (idNumber === null && oldIdNumber === null && socialInsuranceNumber === null) return [];
  // `column = NULL` is never true, so an absent number matches nothing; each term is its own index.
  return store.read(() =>
    (
      store
        .statement(
          `${selectColumns}
           WHERE (id_number = @idNumber OR old_id_number = @oldIdNumber
                  OR social_insurance_number = @socialInsuranceNumber)
             AND json IS NOT NULL
           ORDER BY status <> 'pending', submitted_at DESC, code LIMIT ${lookupLimit}`,
        )
        .all({ idNumber, oldIdNumber, socialInsuranceNumber }) as RegistrationRow[]
    ).map((row) => toStored(store, row)),
  );
}

/**
 * The columns of a registration that are searched, filtered or sorted on, in their stored form:
 * lookup keys, and the list's `channel`, `submitted_at` (normalised to UTC with milliseconds, so
 * text order is time order) and `has_guardian` (0/1). Migration 0004 fills the same values from `json`.
 */
export function searchColumns(registration: Registration) {
  const { idDocument } = registration;
  return {
    id_number: idNumberKey(idDocument.number),
    old_id_number: idDocument.type === 'cmnd' ? idNumberKey(idDocument.number) : null,
    social_insurance_number: registration.socialInsuranceNumber,
    phone: registration.phone === null ? null : phoneKey(registration.phone),
    name_search_key: nameSearchKey(registration.fullName),
    channel: registration.channel,
    submitted_at: new Date(registration.submittedAt).toISOString(),
    has_guardian: registration.guardian === null ? 0 : 1,
  };
}

interface ExistingRow {
  server_seq: number;
  local_state: LocalState;
  live_decision_state: 'pending' | 'synced' | null;
}

/**
 * Stores one pull page and moves the office's cursor, in ONE transaction: either the rows and the
 * cursor are both saved or neither is, so a crash can only make the next pull repeat a page, never
 * skip one. Versions whose sequence is not newer than the stored one are skipped, which makes a
 * replayed or overlapping page harmless and the result independent of how the pull was paged.
 * A version without `kioskReference` (an older central) keeps the reference already stored: the
 * central never takes one back, so "not sent" is not "none".
 */
export function upsertFromCentral(
  store: Store,
  items: readonly CentralRegistration[],
  cursor: PullCursor,
): UpsertSummary {
  const checked = items.map((item) => {
    const parsed = registrationSchema.safeParse(item.registration);
    if (!parsed.success || !Number.isSafeInteger(item.seq) || item.seq <= 0) {
      throw new StoreError(
        'store-constraint',
        'Dữ liệu nhận từ máy chủ trung tâm không hợp lệ nên không được lưu. Hãy báo cho bộ phận kỹ thuật.',
        {
          details: {
            code: item.registration?.code ?? null,
            seq: item.seq,
            issues: parsed.success ? [] : parsed.error.issues.slice(0, 5),
          },
        },
      );
    }
    const kioskReference = item.kioskReference ?? null;
    if (kioskReference !== null && !validKioskReference(kioskReference)) {
      throw new StoreError(
        'store-constraint',
        'Dữ liệu nhận từ máy chủ trung tâm không hợp lệ nên không được lưu. Hãy báo cho bộ phận kỹ thuật.',
        { details: { code: parsed.data.code, seq: item.seq, issues: [{ path: ['kioskReference'] }] } },
      );
    }
    return { seq: item.seq, registration: parsed.data, kioskReference };
  });

  return store.transaction(() => {
    const summary: UpsertSummary = { inserted: 0, updated: 0, skipped: 0 };
    const now = store.now().toISOString();
    for (const { seq, registration, kioskReference } of checked) {
      const existing = store
        .statement(
          `SELECT r.server_seq, r.local_state,
             (SELECT d.sync_state FROM decisions d
               WHERE d.registration_code = r.code AND d.sync_state IN ('pending', 'synced')) AS live_decision_state
           FROM registrations r WHERE r.code = ?`,
        )
        .get(registration.code) as ExistingRow | undefined;
      if (existing !== undefined && existing.server_seq >= seq) {
        summary.skipped += 1;
        continue;
      }
      const localState = nextLocalState(existing, registration);
      store
        .statement(
          `INSERT INTO registrations (code, json, id_number, old_id_number, social_insurance_number, phone,
             name_search_key, channel, submitted_at, has_guardian, kiosk_reference, office_code, status,
             server_seq, local_state, updated_at, purged_at)
           VALUES (@code, @json, @id_number, @old_id_number, @social_insurance_number, @phone,
             @name_search_key, @channel, @submitted_at, @has_guardian, @kiosk_reference, @office_code, @status,
             @server_seq, @local_state, @updated_at, NULL)
           ON CONFLICT (code) DO UPDATE SET json = excluded.json, id_number = excluded.id_number,
             old_id_number = excluded.old_id_number, social_insurance_number = excluded.social_insurance_number,
             phone = excluded.phone, name_search_key = excluded.name_search_key, channel = excluded.channel,
             submitted_at = excluded.submitted_at, has_guardian = excluded.has_guardian,
             kiosk_reference = coalesce(excluded.kiosk_reference, registrations.kiosk_reference),
             office_code = excluded.office_code, status = excluded.status, server_seq = excluded.server_seq,
             local_state = excluded.local_state, updated_at = excluded.updated_at, purged_at = NULL`,
        )
        .run({
          code: registration.code,
          json: JSON.stringify(registration),
          ...searchColumns(registration),
          kiosk_reference: kioskReference,
          office_code: registration.officeCode,
          status: registration.status,
          server_seq: seq,
          local_state: localState,
          updated_at: now,
        });
      writeReportFact(store, registration);
      if (existing === undefined) summary.inserted += 1;
      else summary.updated += 1;
    }
    advancePullCursor(store, cursor.officeCode, cursor.seq);
    return summary;
  });
}

/**
 * The registration's row of `report_facts` (migration 0009, docs/reports.md): the central's decision
 * when its version shows one — with the scan time of this PC's decision when that decision is the
 * one the central accepted —, else this PC's standing decision, if any. In the transaction of the
 * registration's own write.
 */
function writeReportFact(store: Store, registration: Registration): void {
  const decision = registration.decision;
  store
    .statement(
      `INSERT INTO report_facts (code, office_code, channel, submitted_at, status, outcome, reason_code,
         officer_id, counter_id, override, decided_at, scanned_at, decision_source)
       SELECT @code, @office_code, @channel, @submitted_at, @status,
         iif(@outcome IS NULL, d.outcome, @outcome),
         iif(@outcome IS NULL, d.reason_code, @reason_code),
         iif(@outcome IS NULL, d.officer_id, @officer_id),
         iif(@outcome IS NULL, d.counter_id, @counter_id),
         iif(@outcome IS NULL, d.override, @override),
         iif(@outcome IS NULL, d.decided_at, @decided_at),
         iif(@outcome IS NULL OR (d.decided_at = @decided_at AND d.officer_id = @officer_id), d.scanned_at, NULL),
         iif(@outcome IS NULL, iif(d.event_id IS NULL, NULL, 'this-device'), 'central')
       FROM (SELECT 1) LEFT JOIN decisions d
         ON d.registration_code = @code AND d.sync_state IN ('pending', 'synced')
       WHERE true
       ON CONFLICT (code) DO UPDATE SET office_code = excluded.office_code, channel = excluded.channel,
         submitted_at = excluded.submitted_at, status = excluded.status, outcome = excluded.outcome,
         reason_code = excluded.reason_code, officer_id = excluded.officer_id,
         counter_id = excluded.counter_id, override = excluded.override, decided_at = excluded.decided_at,
         scanned_at = excluded.scanned_at, decision_source = excluded.decision_source`,
    )
    .run({
      code: registration.code,
      office_code: registration.officeCode,
      channel: registration.channel,
      submitted_at: new Date(registration.submittedAt).toISOString(),
      status: registration.status,
      outcome: decision?.outcome ?? null,
      reason_code: decision?.reasonCode ?? null,
      officer_id: decision?.officerId ?? null,
      counter_id: decision?.counterId ?? null,
      override: decision === null ? null : decision.override ? 1 : 0,
      decided_at: decision === null ? null : new Date(decision.decidedAt).toISOString(),
    });
}

/**
 * Any reference the central accepted (1–64 characters, docs/sync-protocol.md §6), not only the
 * `KS-` shape this app's kiosks make: the store keeps what the central says.
 */
function validKioskReference(reference: unknown): boolean {
  return typeof reference === 'string' && reference.length >= 1 && reference.length <= 64;
}

/**
 * What a new server version does to the local state. A local decision still waiting to be pushed
 * keeps 'decided-locally' whatever the server says; one the central already accepted becomes
 * 'synced' as soon as the server's version shows the registration decided. 'conflict' stays until
 * an officer has seen it (resolveConflict).
 */
function nextLocalState(existing: ExistingRow | undefined, registration: Registration): LocalState {
  if (existing === undefined) return 'synced';
  if (existing.local_state === 'decided-locally') {
    return existing.live_decision_state === 'synced' && registration.status !== 'pending'
      ? 'synced'
      : 'decided-locally';
  }
  return existing.local_state;
}

/** Registration counts by local state, for the sync status line. */
export function countByLocalState(store: Store): Record<LocalState, number> {
  const rows = store.read(
    () =>
      store
        .statement('SELECT local_state, count(*) AS n FROM registrations GROUP BY local_state')
        .all() as Array<{ local_state: LocalState; n: number }>,
  );
  const counts: Record<LocalState, number> = { synced: 0, 'decided-locally': 0, conflict: 0 };
  for (const row of rows) counts[row.local_state] = row.n;
  return counts;
}
