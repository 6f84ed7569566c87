import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CentralServer } from '../../central/server/start-central-server.ts';
import { startTestCentral } from '../../central/testing/central-test-client.ts';
import { verifyAuditTrail } from '../services/audit/audit-verification.ts';
import { auditEntryHash, genesisHash, readAuditHead, type ChainedAuditFields } from '../store/audit-chain.ts';
import { readCentralAuditCheck } from '../store/audit-chain-central.ts';
import { appendAudit } from '../store/audit-log.ts';
import { openTestStore, tempDir, type TempDir } from '../store/store-test-helpers.ts';
import type { Store } from '../store/store.ts';
import { getDeviceToken, readSyncValue } from '../store/sync-state-repository.ts';
import { CentralClient } from './central-client.ts';
import { SyncEngine } from './sync-engine.ts';

// The audit chain's head travels with every sync round to the real reference central, which is
// what catches a chain rewritten as a whole on the PC (consistent in itself, so the local check
// passes) or cut back to an earlier state.

const office = '01001';
let central: CentralServer;
beforeAll(async () => {
  central = await startTestCentral({ seedCount: 0 });
});
afterAll(() => central.close());

let temp: TempDir;
let store: Store;
let auditHeadsAnswer: 'central' | 'not-found' | 'network';
let auditHeadRequests: number;

beforeEach(() => {
  temp = tempDir();
  store = openTestStore(temp.file('store.sqlite'));
  auditHeadsAnswer = 'central';
  auditHeadRequests = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  store.close();
  temp.remove();
  vi.restoreAllMocks();
});

const fakeFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.pathname === '/v1/audit-heads') {
    auditHeadRequests += 1;
    if (auditHeadsAnswer === 'network') throw new TypeError('fetch failed');
    if (auditHeadsAnswer === 'not-found') {
      return new Response(
        JSON.stringify({ error: { code: 'not-found', message: '…' }, serverTime: new Date().toISOString() }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      );
    }
  }
  return fetch(input, init);
};

function newEngine(): SyncEngine {
  return new SyncEngine({
    store,
    client: new CentralClient({
      baseUrl: central.url,
      deviceToken: () => getDeviceToken(store),
      fetch: fakeFetch,
    }),
    officeCode: office,
    deviceName: 'Quầy 1',
    enrollmentCode: () => central.createEnrollmentCode(office),
    random: () => 0.5,
  });
}

function audit(count: number): void {
  for (let index = 0; index < count; index += 1) {
    appendAudit(store, { actor: 'cb-01001-1', action: 'print.submitted', subject: `DK-${index}` });
  }
}

/** What a forger holding the file does: drop the triggers, edit, recompute every hash. */
function rewriteWholeChain(): void {
  store.db.exec('DROP TRIGGER audit_log_refuses_update; DROP TRIGGER audit_log_refuses_delete;');
  store.db.prepare("UPDATE audit_log SET actor = 'forged' WHERE id = 2").run();
  const rows = store.db
    .prepare('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id')
    .all() as ChainedAuditFields[];
  let prev = genesisHash;
  for (const row of rows) {
    const hash = auditEntryHash(row, prev);
    store.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
}

const deviceId = () => readSyncValue(store, 'central-device-id') as string;
const verify = () => verifyAuditTrail(store, { now: () => new Date() });

describe('the audit chain head in the sync round', () => {
  it('is acknowledged by the central, and audit.verify says so', async () => {
    audit(3);
    expect(await newEngine().syncNow()).toMatchObject({ state: 'online' });
    // The enrollment and the first staff directory are in the trail too, before the head is sent.
    const head = readAuditHead(store.db) as { id: number; hash: string };
    expect(head.id).toBeGreaterThan(3);
    expect(readCentralAuditCheck(store)).toMatchObject({ state: 'matches', acknowledged: head });
    expect(central.auditStatus(deviceId())).toMatchObject({ head, mismatches: [] });
    expect(await verify()).toMatchObject({
      intact: true,
      entries: head.id,
      central: { state: 'matches', entryId: head.id },
    });
  });

  it('lets a chain rewritten as a whole pass locally but not at the central', async () => {
    audit(3);
    const engine = newEngine();
    await engine.syncNow();
    const acknowledged = readAuditHead(store.db)?.id;
    rewriteWholeChain();
    // Before the next round the PC already sees that the acknowledged head is gone.
    expect(await verify()).toMatchObject({
      intact: true,
      central: { state: 'mismatch', entryId: acknowledged },
    });
    audit(1);
    expect(await engine.syncNow()).toMatchObject({ state: 'online' });
    expect(central.auditStatus(deviceId()).mismatches).toMatchObject([
      { reason: 'rewritten', entryId: acknowledged },
    ]);
    expect(readCentralAuditCheck(store)).toMatchObject({ state: 'mismatch', entryId: acknowledged });
    // Even when the PC's own copy of the answer is forged back to "matches", the next round restores the truth.
    store.db.prepare("DELETE FROM sync_state WHERE key = 'audit-central-check'").run();
    await engine.syncNow();
    expect((await verify()).central.state).toBe('mismatch');
  });

  it('is not fooled by a rewrite that keeps the stored hash of the acknowledged entry', async () => {
    audit(3);
    const engine = newEngine();
    await engine.syncNow();
    const acknowledged = readAuditHead(store.db) as { id: number; hash: string };
    // The forger rewrites the acknowledged entry's content and leaves its hash column alone, the one
    // value the central compares with.
    store.db.exec('DROP TRIGGER audit_log_refuses_update;');
    store.db.prepare("UPDATE audit_log SET actor = 'forged' WHERE id = ?").run(acknowledged.id);
    expect(readAuditHead(store.db)?.hash).toBe(acknowledged.hash);
    audit(1);
    await engine.syncNow();
    expect(central.auditStatus(deviceId()).mismatches).toMatchObject([
      { reason: 'rewritten', entryId: acknowledged.id },
    ]);
  });

  it('finds entries cut off the end: locally against the acknowledged head, and at the central', async () => {
    audit(5);
    const engine = newEngine();
    await engine.syncNow();
    const acknowledged = readAuditHead(store.db)?.id;
    store.db.exec('DROP TRIGGER audit_log_refuses_delete; DELETE FROM audit_log WHERE id > 3;');
    expect(await verify()).toMatchObject({
      intact: false,
      firstBroken: { id: 4, reason: 'sequence-gap' },
      central: { state: 'mismatch' },
    });
    await engine.syncNow();
    expect(central.auditStatus(deviceId()).mismatches).toMatchObject([
      { reason: 'rewound', entryId: acknowledged, receivedId: 3 },
    ]);
  });

  it('recovers from a lost answer by comparing at the id the central holds', async () => {
    audit(2);
    const engine = newEngine();
    await engine.syncNow();
    const first = readCentralAuditCheck(store);
    audit(2);
    await engine.syncNow();
    // As if the second answer had been lost: the PC still holds the first one.
    store.db
      .prepare("UPDATE sync_state SET value = ? WHERE key = 'audit-central-check'")
      .run(JSON.stringify(first));
    audit(1);
    const before = auditHeadRequests;
    await engine.syncNow();
    expect(auditHeadRequests - before).toBe(2);
    expect(readCentralAuditCheck(store)).toMatchObject({
      state: 'matches',
      acknowledged: readAuditHead(store.db),
    });
    expect(central.auditStatus(deviceId()).mismatches).toEqual([]);
  });

  it.each(['not-found', 'network'] as const)(
    'never fails the round when the central cannot take it (%s): it is tried again next round',
    async (answer) => {
      audit(1);
      auditHeadsAnswer = answer;
      const engine = newEngine();
      expect(await engine.syncNow()).toMatchObject({ state: 'online', error: null });
      expect(readCentralAuditCheck(store)).toBeNull();
      expect((await verify()).central).toEqual({ state: 'not-checked', checkedAt: null, entryId: null });
      auditHeadsAnswer = 'central';
      await engine.syncNow();
      expect(readCentralAuditCheck(store)?.state).toBe('matches');
    },
  );
});
