import type Database from 'better-sqlite3';
import { hash as digest } from 'node:crypto';
import type { AuditBreakReason } from '../../preload/contract/areas/audit.ts';

// The audit trail as a hash chain (docs/audit-trail.md). The triggers of audit_log refuse UPDATE
// and DELETE, but whoever holds the file can drop them: what proves that nothing was edited,
// removed, inserted or moved is that every entry's hash covers its content, its id and the hash of
// the entry before it. Recomputing the chain from the first entry finds the first one that does not
// fit. A chain rewritten from scratch is consistent in itself; that is caught by comparing with a
// head known from elsewhere (the central service's copy, audit-chain-central.ts).

/** The `prev_hash` of the first entry. */
export const genesisHash = '0'.repeat(64);

/** Names the encoding below; a new encoding would need a new name (and a migration). */
export const auditChainFormat = 'bhxh-audit-v1';

/** The columns an entry's hash covers, exactly as stored (`details` is the stored JSON text). */
export interface ChainedAuditFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
}

export interface AuditHead {
  id: number;
  hash: string;
}

/**
 * SHA-256 (hex) of the JSON array [format, id, at, actor, action, subject, details, prevHash]. A JSON
 * array of strings, one integer and null is unambiguous (no separator can be forged inside a field)
 * and is what RFC 8785 (JCS) gives too, so a verifier in another language can recompute it.
 */
export function auditEntryHash(entry: ChainedAuditFields, prevHash: string): string {
  return hashOf(entry.id, entry.at, entry.actor, entry.action, entry.subject, entry.details, prevHash);
}

/** The same, from the columns themselves: verification calls it a million times without an object. */
function hashOf(
  id: number,
  at: string,
  actor: string,
  action: string,
  subject: string | null,
  details: string,
  prevHash: string,
): string {
  return digest(
    'sha256',
    JSON.stringify([auditChainFormat, id, at, actor, action, subject, details, prevHash]),
  );
}

export interface AuditChainBreak {
  id: number;
  reason: AuditBreakReason;
}

export interface AuditChainCheck {
  /** Every entry verifies, and none is missing before the known head (when one was given). */
  intact: boolean;
  /** Entries that verified: all of them when intact, those before the first broken one otherwise. */
  entries: number;
  /** The last entry that verified (null: none did, or the trail is empty). */
  head: AuditHead | null;
  firstBroken: AuditChainBreak | null;
  /**
   * Against the known head given in the options: `matches` (the entry with its id has its hash),
   * `differs` (the chain was rewritten since), `missing` (the chain ends before it), `unknown` (the
   * chain broke before reaching it), null when no known head was given.
   */
  knownHead: 'matches' | 'differs' | 'missing' | 'unknown' | null;
}

export interface VerifyAuditChainOptions {
  /** A head seen earlier (e.g. acknowledged by the central service): the chain must still contain it. */
  knownHead?: AuditHead | null;
}

/** One row as SELECTed by `chainColumns`, in raw (array) mode. */
type ChainRow = [
  id: number,
  at: string,
  actor: string,
  action: string,
  subject: string | null,
  details: string,
  prevHash: string | null,
  hash: string | null,
];

const chainColumns = 'id, at, actor, action, subject, details, prev_hash, hash';

/**
 * Recomputes the chain entry by entry. The checks of one entry, in this order: its id follows the
 * previous one (`sequence-gap`: an entry deleted; the first id is 1), its hash is the hash of its
 * own content (`content-changed`: edited, or moved to another id, since the id is hashed), and its
 * `prev_hash` is the previous entry's hash (`chain-broken`: an entry before it deleted, inserted or
 * re-hashed). Only the first break is reported: after it nothing can be trusted.
 */
class AuditChainVerifier {
  #entries = 0;
  #lastId = 0;
  #lastHash = genesisHash;
  #broken: AuditChainBreak | null = null;
  #knownHeadSeen: boolean | null = null;
  readonly #knownHead: AuditHead | null;

  constructor(knownHead: AuditHead | null) {
    this.#knownHead = knownHead;
  }

  /** False once the chain is broken: the caller stops feeding rows. */
  add(row: ChainRow): boolean {
    const [id, at, actor, action, subject, details, prevHash, hash] = row;
    let reason: AuditBreakReason | null = null;
    if (id !== this.#lastId + 1) reason = 'sequence-gap';
    else if (hash === null || hash !== hashOf(id, at, actor, action, subject, details, prevHash ?? ''))
      reason = 'content-changed';
    else if (prevHash !== this.#lastHash) reason = 'chain-broken';
    if (reason !== null) {
      this.#broken = { id, reason };
      return false;
    }
    this.#entries += 1;
    this.#lastId = id;
    this.#lastHash = hash as string;
    if (this.#knownHead !== null && id === this.#knownHead.id) {
      this.#knownHeadSeen = hash === this.#knownHead.hash;
    }
    return true;
  }

  result(): AuditChainCheck {
    const head = this.#entries === 0 ? null : { id: this.#lastId, hash: this.#lastHash };
    let firstBroken = this.#broken;
    let knownHead: AuditChainCheck['knownHead'] = null;
    if (this.#knownHead !== null) {
      if (this.#knownHeadSeen !== null) knownHead = this.#knownHeadSeen ? 'matches' : 'differs';
      else if (firstBroken !== null) knownHead = 'unknown';
      else {
        // Entries at the end were deleted: the chain stops before an entry that was seen.
        knownHead = 'missing';
        firstBroken = { id: this.#lastId + 1, reason: 'sequence-gap' };
      }
    }
    return { intact: firstBroken === null, entries: this.#entries, head, firstBroken, knownHead };
  }
}

const defaultSliceSize = 20_000;

/** Reads entries after an id in slices: `.all()` of a slice costs less per row than `.iterate()`. */
function sliceReader(db: Database.Database, until: number | null) {
  const statement = db
    .prepare(
      `SELECT ${chainColumns} FROM audit_log WHERE id > ?${until === null ? '' : ' AND id <= ?'} ORDER BY id LIMIT ?`,
    )
    .raw();
  return (after: number, size: number) =>
    (until === null ? statement.all(after, size) : statement.all(after, until, size)) as ChainRow[];
}

/**
 * Verifies the whole chain in one go, in one read transaction (one consistent snapshot). Blocks its
 * thread for the whole check (about a second per million entries here): for the CLI, tests and
 * benchmarks; the backend uses verifyAuditChainInSlices.
 */
export function verifyAuditChain(
  db: Database.Database,
  options: VerifyAuditChainOptions = {},
): AuditChainCheck {
  const verifier = new AuditChainVerifier(options.knownHead ?? null);
  const read = sliceReader(db, null);
  db.transaction(() => {
    for (
      let rows = read(0, defaultSliceSize);
      rows.length > 0;
      rows = read(lastIdOf(rows), defaultSliceSize)
    ) {
      for (const row of rows) if (!verifier.add(row)) return;
    }
  })();
  return verifier.result();
}

export interface VerifyInSlicesOptions extends VerifyAuditChainOptions {
  /** Entries per slice (default 20,000: a few tens of milliseconds each). */
  sliceSize?: number;
  /** Between slices: lets the event loop answer other calls (default: setImmediate). */
  pause?: () => Promise<void>;
}

/**
 * The same verification in slices of `sliceSize` entries with a pause between them, so the backend
 * keeps answering while a long trail is checked. It covers the entries that existed when it started
 * (the trail only grows; entries appended meanwhile are left for the next check). Each slice is its
 * own snapshot: fine for a table nothing may change, and a change made meanwhile by a forger is
 * found by this check or the next.
 */
export async function verifyAuditChainInSlices(
  db: Database.Database,
  options: VerifyInSlicesOptions = {},
): Promise<AuditChainCheck> {
  const sliceSize = Math.max(1, Math.trunc(options.sliceSize ?? defaultSliceSize));
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const verifier = new AuditChainVerifier(options.knownHead ?? null);
  const last = (db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const read = sliceReader(db, last);
  for (let rows = read(0, sliceSize); rows.length > 0; rows = read(lastIdOf(rows), sliceSize)) {
    for (const row of rows) if (!verifier.add(row)) return verifier.result();
    await pause();
  }
  return verifier.result();
}

function lastIdOf(rows: ChainRow[]): number {
  return (rows[rows.length - 1] as ChainRow)[0];
}

/** The last entry (id and hash), or null for an empty trail. Its hash is null if not written by the app. */
export function readAuditHead(db: Database.Database): { id: number; hash: string | null } | null {
  const row = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string | null } | undefined;
  return row ?? null;
}

/** The stored hash of entry `id`: null when there is no such entry (or it has none). */
/**
 * The hash of entry `id` when its own columns still hash to it, else null (no such entry, no hash,
 * or edited). What a sync round tells the central it has at the id the central acknowledged: the
 * stored hash alone could be kept by a forger who rewrote the entry's content around it.
 */
export function readAuditHashAt(db: Database.Database, id: number): string | null {
  const row = db
    .prepare('SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log WHERE id = ?')
    .get(id) as (ChainedAuditFields & { prev_hash: string | null; hash: string | null }) | undefined;
  if (row === undefined || row.hash === null || row.prev_hash === null) return null;
  return auditEntryHash(row, row.prev_hash) === row.hash ? row.hash : null;
}
