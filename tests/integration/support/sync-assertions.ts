// What "nothing lost, nothing doubled, local and central agree" means, as assertions over the two
// databases: the central's (events, registrations, notifications) and a counter's local store.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { decisionNotifications } from '../../../central/notifications/decision-notifications.ts';
import type { Registration } from '../../../main/core/registration/registration.ts';
import { outboxBacklog } from '../../../main/store/outbox-repository.ts';
import { findByCode } from '../../../main/store/registrations-repository.ts';
import type { Store } from '../../../main/store/store.ts';

export interface LocalDecisionRow {
  event_id: string;
  registration_code: string;
  outcome: 'approved' | 'rejected';
  reason_code: string | null;
  officer_id: string;
  counter_id: string;
  decided_at: string;
  sync_state: 'pending' | 'synced' | 'conflict' | 'invalid';
}

export function localDecisions(store: Store): LocalDecisionRow[] {
  return store.db
    .prepare(
      `SELECT event_id, registration_code, outcome, reason_code, officer_id, counter_id, decided_at, sync_state
       FROM decisions ORDER BY registration_code`,
    )
    .all() as LocalDecisionRow[];
}

export interface CentralEventRow {
  eventId: string;
  deviceId: string;
  registrationCode: string | null;
  /** The outcome stored with the event: accepted or conflict. */
  status: string;
}

export function centralEventsOf(central: Database.Database, registrationCode: string): CentralEventRow[] {
  return central
    .prepare(
      `SELECT event_id AS eventId, device_id AS deviceId, registration_code AS registrationCode,
         json_extract(result, '$.status') AS status
       FROM events WHERE registration_code = ? ORDER BY rowid`,
    )
    .all(registrationCode) as CentralEventRow[];
}

export function centralEventCount(central: Database.Database): number {
  return (central.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
}

export function centralRegistration(
  central: Database.Database,
  code: string,
): { seq: number; registration: Registration } {
  const row = central.prepare('SELECT seq, json FROM registrations WHERE code = ?').get(code) as
    { seq: number; json: string } | undefined;
  if (!row) throw new Error(`no registration ${code} at the central`);
  return { seq: row.seq, registration: JSON.parse(row.json) as Registration };
}

export function centralNotificationCount(central: Database.Database, code: string): number {
  return (
    central.prepare('SELECT count(*) AS n FROM notifications WHERE registration_code = ?').get(code) as {
      n: number;
    }
  ).n;
}

export function integrityCheck(db: Database.Database): string {
  return db.pragma('integrity_check', { simple: true }) as string;
}

/**
 * The heart of issue #4: every decision this store holds as taken (pending or synced) is at the
 * central exactly once (one accepted event, the registration shows exactly that decision, one set of
 * notifications), the outbox is empty, the local copy shows the central's version, and both
 * databases pass integrity_check.
 */
export function expectDecisionsAtCentralExactlyOnce(
  store: Store,
  central: Database.Database,
  expectedCodes?: readonly string[],
): void {
  // Live decisions: taken here and not refused (a decision that lost a conflict is checked elsewhere).
  const live = localDecisions(store).filter(
    (row) => row.sync_state === 'pending' || row.sync_state === 'synced',
  );
  if (expectedCodes) {
    expect(live.map((row) => row.registration_code).sort()).toEqual([...expectedCodes].sort());
  }
  expect(outboxBacklog(store).pending).toBe(0);
  for (const ours of live) {
    const code = ours.registration_code;
    expect(ours.sync_state, `local decision on ${code}`).toBe('synced');
    const events = centralEventsOf(central, code);
    expect(
      events.filter((event) => event.status === 'accepted'),
      `accepted events for ${code}`,
    ).toEqual([expect.objectContaining({ eventId: ours.event_id, status: 'accepted' })]);
    const { registration } = centralRegistration(central, code);
    expect(registration.status).toBe(ours.outcome);
    expect(registration.decision).toMatchObject({
      outcome: ours.outcome,
      reasonCode: ours.reason_code,
      officerId: ours.officer_id,
      counterId: ours.counter_id,
      decidedAt: ours.decided_at,
    });
    expect(centralNotificationCount(central, code), `notifications of ${code}`).toBe(
      decisionNotifications(registration, registration.decision?.decidedAt ?? '').length,
    );
    const local = findByCode(store, code);
    expect(local?.registration).toEqual(registration);
    expect(local?.localState).toBe('synced');
  }
  expect(integrityCheck(store.db)).toBe('ok');
  expect(integrityCheck(central)).toBe('ok');
}

/** Every registration of the office is in the local store, at the central's latest version. */
export function expectStoreMirrorsCentral(
  store: Store,
  central: Database.Database,
  officeCode: string,
): void {
  const centralRows = central
    .prepare('SELECT code, seq, status FROM registrations WHERE office_code = ? ORDER BY code')
    .all(officeCode);
  const localRows = store.db
    .prepare('SELECT code, server_seq AS seq, status FROM registrations WHERE office_code = ? ORDER BY code')
    .all(officeCode);
  expect(localRows.length).toBe(centralRows.length);
  expect(localRows).toEqual(centralRows);
}

/**
 * The pull cursor never runs ahead of the rows it brought (docs/local-store.md invariant 2): every
 * registration whose current version at the central is at or below the cursor is stored at exactly
 * that version; one changed after the cursor is stored at an older version or not at all; nothing
 * stored is newer than the cursor. Holds after any crash, however the pull was cut.
 */
export function expectCursorCoversStoredRows(
  store: Database.Database,
  central: Database.Database,
  officeCode: string,
  cursor: number,
): void {
  const query = (db: Database.Database, sql: string) =>
    new Map(
      (db.prepare(sql).all(officeCode) as Array<{ code: string; seq: number }>).map((row) => [
        row.code,
        row.seq,
      ]),
    );
  const centralSeqs = query(central, 'SELECT code, seq FROM registrations WHERE office_code = ?');
  const localSeqs = query(store, 'SELECT code, server_seq AS seq FROM registrations WHERE office_code = ?');
  const problems: string[] = [];
  for (const [code, seq] of centralSeqs) {
    const local = localSeqs.get(code);
    if (seq <= cursor && local !== seq) problems.push(`${code}: central ${seq} <= cursor, local ${local}`);
    if (seq > cursor && local !== undefined && local >= seq) problems.push(`${code}: local ${local} too new`);
  }
  for (const [code, seq] of localSeqs) {
    if (seq > cursor) problems.push(`${code}: stored ${seq} beyond cursor ${cursor}`);
    if (!centralSeqs.has(code)) problems.push(`${code}: unknown at the central`);
  }
  expect(problems).toEqual([]);
}
