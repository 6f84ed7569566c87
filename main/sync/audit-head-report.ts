import { genesisHash, readAuditHashAt, readAuditHead, type AuditHead } from '../store/audit-chain.ts';
import {
  readCentralAuditCheck,
  writeCentralAuditCheck,
  type CentralAuditCheck,
} from '../store/audit-chain-central.ts';
import type { Store } from '../store/store.ts';
import type { CentralClient } from './central-client.ts';

// One step of a sync round: tell the central the head of this PC's audit chain, with the hash the
// chain has now at the id the central last acknowledged (docs/sync-protocol.md §13). The central
// compares that with what it was sent then; a chain rewritten as a whole, or rewound, no longer has
// it. Its answer is kept (audit-chain-central.ts) for audit.verify.
//
// It reads two rows by primary key: cheap enough for every round. The full recomputation of the
// chain is audit.verify's, not sync's: here only rewriting is in question, and that shows in a hash.

/**
 * Reports the head and keeps the central's answer. Returns it, or null when there was nothing to
 * report (an empty trail, a last entry without a hash: audit.verify reports that) or the central
 * asked twice for another `since` (it is asked again next round). Throws what the client throws.
 */
export async function reportAuditHead(
  store: Store,
  client: CentralClient,
): Promise<CentralAuditCheck | null> {
  const last = store.read(() => readAuditHead(store.db));
  if (last === null || last.hash === null) return null;
  const head: AuditHead = { id: last.id, hash: last.hash };
  const previous = readCentralAuditCheck(store);
  let since = previous?.acknowledged ? sinceAt(store, previous.acknowledged.id) : null;
  let { body } = await client.auditHead({ head, since });
  // Our copy of the central's last answer is older than its own (an answer lost on the way, a
  // restored backup): compare at the id the central holds, once.
  if (body.state === 'since-required' && body.acknowledged !== null) {
    since = sinceAt(store, body.acknowledged.id);
    ({ body } = await client.auditHead({ head, since }));
  }
  if (body.state === 'since-required') return null;
  const check: CentralAuditCheck = {
    state: body.state,
    checkedAt: body.serverTime,
    acknowledged: body.acknowledged,
    entryId: body.mismatch?.entryId ?? null,
  };
  writeCentralAuditCheck(store, check);
  return check;
}

/**
 * What this chain has at `id`: the stored hash, or the genesis value when the entry is gone or has
 * no hash (it cannot match what the central holds, which is the point).
 */
function sinceAt(store: Store, id: number): AuditHead {
  return { id, hash: store.read(() => readAuditHashAt(store.db, id)) ?? genesisHash };
}
