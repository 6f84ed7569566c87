import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEntryHash,
  genesisHash,
  readAuditHead,
  verifyAuditChain,
  verifyAuditChainInSlices,
  type AuditChainCheck,
} from './audit-chain.ts';
import { appendAudit, listAudit } from './audit-log.ts';
import { openTestStore, tempDir, testClock, type TempDir } from './store-test-helpers.ts';
import type { Store } from './store.ts';

// Tampering as someone holding the database file would do it: the append-only triggers dropped
// first, then rows edited, deleted, inserted, swapped, or the whole chain rewritten consistently.
// Every check runs both ways (one pass, and in slices of 3 so breaks fall inside and across slices).

let temp: TempDir;
let store: Store;

beforeEach(() => {
  temp = tempDir();
  store = openTestStore(temp.file('store.sqlite'), { now: testClock().now });
  for (let index = 1; index <= 10; index += 1) {
    appendAudit(store, {
      actor: `cb-${index % 3}`,
      action: index % 2 === 0 ? 'session.signed-in' : 'print.submitted',
      subject: index % 2 === 0 ? null : `DK-${index}`,
      details: { n: index, note: 'ý kiến "trích dẫn", dấu phẩy' },
    });
  }
});
afterEach(() => {
  store.close();
  temp.remove();
});

function dropTriggers(): void {
  store.db.exec('DROP TRIGGER audit_log_refuses_update; DROP TRIGGER audit_log_refuses_delete;');
}

async function bothWays(options: Parameters<typeof verifyAuditChain>[1] = {}): Promise<AuditChainCheck> {
  const once = verifyAuditChain(store.db, options);
  const sliced = await verifyAuditChainInSlices(store.db, { ...options, sliceSize: 3 });
  expect(sliced).toEqual(once);
  return once;
}

describe('the audit hash chain', () => {
  it('links each entry to the one before, from the genesis value', async () => {
    const rows = store.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as {
      id: number;
      at: string;
      actor: string;
      action: string;
      subject: string | null;
      details: string;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]?.prev_hash).toBe(genesisHash);
    for (const [index, row] of rows.entries()) {
      if (index > 0) expect(row.prev_hash).toBe(rows[index - 1]?.hash);
      expect(row.hash).toBe(auditEntryHash(row, row.prev_hash));
    }
    expect(new Set(rows.map((row) => row.hash)).size).toBe(10);
    expect(listAudit(store, { limit: 1 })[0]?.hash).toBe(rows[9]?.hash);
    expect(await bothWays()).toEqual({
      intact: true,
      entries: 10,
      head: { id: 10, hash: rows[9]?.hash },
      firstBroken: null,
      knownHead: null,
    });
  });

  it('hashes an encoding no field can forge: moving text between fields changes the hash', () => {
    const base = { id: 1, at: 't', actor: 'a', action: 'b', subject: null, details: '{}' };
    const hashes = [
      auditEntryHash(base, genesisHash),
      auditEntryHash({ ...base, actor: 'a","b', action: '' }, genesisHash),
      auditEntryHash({ ...base, subject: 'null' }, genesisHash),
      auditEntryHash({ ...base, subject: '' }, genesisHash),
      auditEntryHash({ ...base, id: 2 }, genesisHash),
      auditEntryHash(base, '1'.repeat(64)),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('still refuses UPDATE and DELETE through the triggers', () => {
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 3").run()).toThrow(
      /append-only/,
    );
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/append-only/);
  });

  it.each([
    ['actor', "actor = 'qt-01001'"],
    ['action', "action = 'session.signed-out'"],
    ['subject', "subject = 'DK-OTHER'"],
    ['details', `details = '{"n":5}'`],
    ['time', "at = '2020-01-01T00:00:00.000Z'"],
  ])('finds an edited %s at the entry itself', async (_field, assignment) => {
    dropTriggers();
    store.db.prepare(`UPDATE audit_log SET ${assignment} WHERE id = 5`).run();
    expect(await bothWays()).toMatchObject({
      intact: false,
      entries: 4,
      head: { id: 4 },
      firstBroken: { id: 5, reason: 'content-changed' },
    });
  });

  it('finds an edit whose own hash was recomputed at the next entry', async () => {
    dropTriggers();
    const row = store.db.prepare('SELECT * FROM audit_log WHERE id = 5').get() as {
      id: number;
      at: string;
      actor: string;
      action: string;
      subject: string | null;
      details: string;
      prev_hash: string;
    };
    const forged = { ...row, actor: 'someone-else' };
    store.db
      .prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE id = 5')
      .run(forged.actor, auditEntryHash(forged, row.prev_hash));
    expect((await bothWays()).firstBroken).toEqual({ id: 6, reason: 'chain-broken' });
  });

  it.each([1, 4, 7])('finds entry %i deleted in the middle or at the start', async (id) => {
    dropTriggers();
    store.db.prepare('DELETE FROM audit_log WHERE id = ?').run(id);
    expect(await bothWays()).toMatchObject({
      intact: false,
      entries: id - 1,
      firstBroken: { id: id + 1, reason: 'sequence-gap' },
    });
  });

  it('finds entries deleted at the end once a later head is known', async () => {
    const known = readAuditHead(store.db) as { id: number; hash: string };
    dropTriggers();
    store.db.prepare('DELETE FROM audit_log WHERE id > 8').run();
    // Without a known head, a shorter chain is a consistent chain.
    expect((await bothWays()).intact).toBe(true);
    expect(await bothWays({ knownHead: known })).toMatchObject({
      intact: false,
      entries: 8,
      firstBroken: { id: 9, reason: 'sequence-gap' },
      knownHead: 'missing',
    });
  });

  it('finds an entry inserted between two others', async () => {
    dropTriggers();
    // Ids are contiguous, so an insertion needs room: move the tail up by one and slip a row in.
    store.db.exec(
      'UPDATE audit_log SET id = id + 100 WHERE id > 6; UPDATE audit_log SET id = id - 99 WHERE id > 100;',
    );
    const previous = store.db.prepare('SELECT hash FROM audit_log WHERE id = 6').pluck().get() as string;
    const inserted = {
      id: 7,
      at: '2026-11-20T02:00:00.000Z',
      actor: 'x',
      action: 'forged',
      subject: null,
      details: '{}',
    };
    store.db
      .prepare(
        'INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(...Object.values(inserted), previous, auditEntryHash(inserted, previous));
    expect((await bothWays()).firstBroken).toEqual({ id: 8, reason: 'content-changed' });
  });

  it('finds an entry appended without a hash (written behind the app’s back)', async () => {
    store.db
      .prepare("INSERT INTO audit_log (at, actor, action) VALUES ('2026-11-20T03:00:00.000Z', 'x', 'y')")
      .run();
    expect((await bothWays()).firstBroken).toEqual({ id: 11, reason: 'content-changed' });
  });

  it('finds two rows swapped, whichever columns move with them', async () => {
    dropTriggers();
    store.db.exec(`
      UPDATE audit_log SET id = 100 WHERE id = 3;
      UPDATE audit_log SET id = 3 WHERE id = 4;
      UPDATE audit_log SET id = 4 WHERE id = 100;`);
    expect((await bothWays()).firstBroken).toEqual({ id: 3, reason: 'content-changed' });
  });

  it('finds two rows’ contents swapped under their ids', async () => {
    dropTriggers();
    store.db.exec(`
      CREATE TEMP TABLE keep AS SELECT * FROM audit_log WHERE id IN (6, 7);
      UPDATE audit_log SET actor = (SELECT actor FROM keep WHERE id = 7), action = (SELECT action FROM keep WHERE id = 7),
        subject = (SELECT subject FROM keep WHERE id = 7), details = (SELECT details FROM keep WHERE id = 7) WHERE id = 6;`);
    expect((await bothWays()).firstBroken).toEqual({ id: 6, reason: 'content-changed' });
  });

  it('cannot see a chain rewritten as a whole by itself, but a known head shows it', async () => {
    const known = readAuditHead(store.db) as { id: number; hash: string };
    dropTriggers();
    // Rewrite: edit entry 2, then recompute every hash from there on, as a forger would.
    store.db.prepare("UPDATE audit_log SET actor = 'forged' WHERE id = 2").run();
    const rows = store.db
      .prepare('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id')
      .all() as Parameters<typeof auditEntryHash>[0][];
    let prev = genesisHash;
    for (const row of rows) {
      const hash = auditEntryHash(row, prev);
      store.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    expect((await bothWays()).intact).toBe(true);
    const check = await bothWays({ knownHead: known });
    expect(check).toMatchObject({ intact: true, knownHead: 'differs' });
    expect(check.head?.hash).not.toBe(known.hash);
  });

  it('says a known head matches when the chain grew past it', async () => {
    const known = {
      id: 4,
      hash: store.db.prepare('SELECT hash FROM audit_log WHERE id = 4').pluck().get() as string,
    };
    expect((await bothWays({ knownHead: known })).knownHead).toBe('matches');
    dropTriggers();
    store.db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 2").run();
    expect((await bothWays({ knownHead: known })).knownHead).toBe('unknown');
  });

  it('verifies an empty trail as intact with no head', async () => {
    const empty = openTestStore(temp.file('empty.sqlite'));
    try {
      expect(verifyAuditChain(empty.db)).toEqual({
        intact: true,
        entries: 0,
        head: null,
        firstBroken: null,
        knownHead: null,
      });
    } finally {
      empty.close();
    }
  });

  it('chains an entry written outside any transaction and one rolled back leaves no gap', async () => {
    expect(() =>
      store.transaction(() => {
        appendAudit(store, { actor: 'a', action: 'rolled-back', subject: null });
        throw new Error('undo');
      }),
    ).toThrow();
    expect(
      store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'rolled-back'").pluck().get(),
    ).toBe(0);
    appendAudit(store, { actor: 'a', action: 'after', subject: null });
    expect(await bothWays()).toMatchObject({ intact: true, entries: 11, head: { id: 11 } });
  });
});
