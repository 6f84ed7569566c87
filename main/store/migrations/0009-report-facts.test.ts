import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { tempDir, type TempDir } from '../store-test-helpers.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations.ts';

// A version-8 store holding a registration the central shows decided (its time with an offset), a
// pending one with this PC's standing decision, one whose local decision was refused, a purged
// tombstone and some print jobs: 0009 fills report_facts and the print counts from them.
let temp: TempDir;
let db: Database.Database;
const before = migrations.slice(0, 8);

const decided = {
  ...documentedRegistration,
  code: 'DK-DECIDED',
  channel: 'kiosk',
  submittedAt: '2026-11-20T08:15:00.000Z',
  status: 'rejected',
  decision: {
    outcome: 'rejected',
    reasonCode: 'identity-mismatch',
    note: null,
    officerId: 'cb02',
    counterId: 'QUAY-02',
    decidedAt: '2026-11-20T16:30:00.5+07:00',
    override: false,
  },
};

function insertRegistration(code: string, json: unknown, status: string, channel: string | null): void {
  db.prepare(
    `INSERT INTO registrations (code, json, office_code, status, server_seq, local_state, updated_at, purged_at,
       channel, submitted_at, has_guardian)
     VALUES (?, ?, '07921', ?, 1, 'synced', '2026-11-20T00:00:00.000Z', ?, ?, ?, ?)`,
  ).run(
    code,
    json === null ? null : JSON.stringify(json),
    status,
    json === null ? 't' : null,
    channel,
    channel === null ? null : '2026-11-20T08:15:00.000Z',
    channel === null ? null : 0,
  );
}

function insertDecision(eventId: string, code: string, syncState: string): void {
  db.prepare(
    `INSERT INTO decisions VALUES (?, ?, 'approved', NULL, NULL, 'cb01', 'QUAY-01', 1, '2026-11-20T09:00:00.000Z', ?)`,
  ).run(eventId, code, syncState);
}

function insertPrintJob(id: string, document: string, state: string, finishedAt: string | null): void {
  db.prepare(
    `INSERT INTO print_jobs (job_id, document, copies, paper_size, state, failure_code, pdf, requested_by,
       requested_at, updated_at, finished_at)
     VALUES (?, ?, 1, 'A4', ?, ?, ?, 'cb01', ?, ?, ?)`,
  ).run(
    id,
    document,
    state,
    state === 'failed' ? 'printer-offline' : null,
    state === 'done' || state === 'cancelled' ? null : Buffer.from('%PDF'),
    '2026-11-20T00:00:00.000Z',
    finishedAt ?? '2026-11-20T00:00:00.000Z',
    finishedAt,
  );
}

const facts = () =>
  db
    .prepare(
      `SELECT code, channel, status, outcome, reason_code, officer_id, counter_id, override, decided_at,
         scanned_at, decision_source FROM report_facts ORDER BY code`,
    )
    .all();

beforeEach(() => {
  temp = tempDir();
  db = new Database(temp.file('store.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 'store.sqlite', before);
  insertRegistration('DK-DECIDED', decided, 'rejected', 'kiosk');
  insertRegistration('DK-LOCAL', { ...documentedRegistration, code: 'DK-LOCAL' }, 'pending', 'portal');
  insertRegistration('DK-REFUSED', { ...documentedRegistration, code: 'DK-REFUSED' }, 'pending', 'portal');
  insertRegistration('DK-PURGED', null, 'approved', null);
  insertDecision('e-local', 'DK-LOCAL', 'pending');
  insertDecision('e-refused', 'DK-REFUSED', 'invalid');
  // 17:30 UTC on the 20th is the 21st in Vietnam.
  insertPrintJob('p1', 'declaration', 'done', '2026-11-20T09:00:00.000Z');
  insertPrintJob('p2', 'declaration', 'done', '2026-11-20T17:30:00.000Z');
  insertPrintJob('p3', 'test-page', 'done', '2026-11-20T09:00:00.000Z');
  insertPrintJob('p4', 'declaration', 'failed', null);
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('0009-report-facts from a version-8 store', () => {
  it('fills a fact per stored registration with the decision that stands on it', () => {
    const report = migrate(db, 'store.sqlite', migrations.slice(0, 9));
    expect(report).toMatchObject({ from: 8, to: 9 });
    expect(facts()).toEqual([
      {
        code: 'DK-DECIDED',
        channel: 'kiosk',
        status: 'rejected',
        outcome: 'rejected',
        reason_code: 'identity-mismatch',
        officer_id: 'cb02',
        counter_id: 'QUAY-02',
        override: 0,
        decided_at: '2026-11-20T09:30:00.500Z',
        scanned_at: null,
        decision_source: 'central',
      },
      {
        code: 'DK-LOCAL',
        channel: 'portal',
        status: 'pending',
        outcome: 'approved',
        reason_code: null,
        officer_id: 'cb01',
        counter_id: 'QUAY-01',
        override: 1,
        decided_at: '2026-11-20T09:00:00.000Z',
        scanned_at: null,
        decision_source: 'this-device',
      },
      {
        code: 'DK-REFUSED',
        channel: 'portal',
        status: 'pending',
        outcome: null,
        reason_code: null,
        officer_id: null,
        counter_id: null,
        override: null,
        decided_at: null,
        scanned_at: null,
        decision_source: null,
      },
    ]);
  });

  it('counts the declarations printed per Vietnam day, and keeps counting new ones', () => {
    migrate(db, 'store.sqlite', migrations.slice(0, 9));
    const counts = () => db.prepare('SELECT day, forms FROM report_print_counts ORDER BY day').all();
    expect(counts()).toEqual([
      { day: '2026-11-20', forms: 1 },
      { day: '2026-11-21', forms: 1 },
    ]);
    db.prepare(`UPDATE print_jobs SET state = 'done', pdf = NULL, finished_at = ? WHERE job_id = 'p4'`).run(
      '2026-11-21T02:00:00.000Z',
    );
    insertPrintJob('p5', 'declaration', 'done', '2026-11-21T03:00:00.000Z');
    expect(counts()).toEqual([
      { day: '2026-11-20', forms: 1 },
      { day: '2026-11-21', forms: 3 },
    ]);
    // The counts outlive the jobs (purge deletes finished jobs after 7 days).
    db.exec('DELETE FROM print_jobs');
    expect(counts()).toHaveLength(2);
  });

  it('adds a scan time column to decisions and refuses a fact without its decision time', () => {
    migrate(db, 'store.sqlite', migrations.slice(0, 9));
    const columns = db.prepare(`SELECT name FROM pragma_table_info('decisions')`).pluck().all();
    expect(columns).toContain('scanned_at');
    expect(() =>
      db.prepare(`UPDATE report_facts SET decided_at = NULL WHERE code = 'DK-DECIDED'`).run(),
    ).toThrow(/CHECK/);
  });
});
