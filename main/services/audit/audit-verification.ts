import { performance } from 'node:perf_hooks';
import type { AuditVerification } from '../../../preload/contract/areas/audit.ts';
import { verifyAuditChainInSlices, type AuditChainCheck } from '../../store/audit-chain.ts';
import { readCentralAuditCheck, type CentralAuditCheck } from '../../store/audit-chain-central.ts';
import type { Store } from '../../store/store.ts';

// audit.verify: the whole chain recomputed on this PC, with the central's last word beside it
// (docs/audit-trail.md). The local check finds an entry edited, deleted, inserted or moved; it also
// finds entries deleted at the end once the central has acknowledged a later head. A chain
// rewritten as a whole verifies locally: the central's comparison is what shows it, at the next
// sync, and here already when the chain no longer contains the head the central acknowledged.

export interface VerifyAuditTrailOptions {
  now: () => Date;
  /** Entries per slice of the check (tests make it small); the event loop runs between slices. */
  sliceSize?: number;
}

export async function verifyAuditTrail(
  store: Store,
  options: VerifyAuditTrailOptions,
): Promise<AuditVerification> {
  const started = performance.now();
  const central = readCentralAuditCheck(store);
  const check = await verifyAuditChainInSlices(store.db, {
    knownHead: central?.state === 'matches' ? central.acknowledged : null,
    ...(options.sliceSize === undefined ? {} : { sliceSize: options.sliceSize }),
  });
  return {
    intact: check.intact,
    entries: check.entries,
    head: check.head,
    firstBroken: check.firstBroken,
    central: centralVerdict(central, check),
    verifiedAt: options.now().toISOString(),
    durationMs: performance.now() - started,
  };
}

/**
 * The central's verdict, made current by what this check saw: the central said `matches` for a
 * head that this chain no longer holds (another hash, or the chain ends before it) → `mismatch`.
 */
function centralVerdict(
  central: CentralAuditCheck | null,
  check: AuditChainCheck,
): AuditVerification['central'] {
  if (central === null) return { state: 'not-checked', checkedAt: null, entryId: null };
  const entryId = central.entryId ?? central.acknowledged?.id ?? null;
  const state =
    central.state === 'mismatch' || check.knownHead === 'differs' || check.knownHead === 'missing'
      ? 'mismatch'
      : 'matches';
  return { state, checkedAt: central.checkedAt, entryId };
}
