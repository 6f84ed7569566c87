import type Database from 'better-sqlite3';
import type { AuditHeadRequest, AuditHeadResponse, AuditHeadWire } from '../protocol/sync-protocol.ts';

// The heads of the devices' audit chains (docs/sync-protocol.md §13). A device's chain is a hash
// chain kept on the device; whoever holds the device's file can rewrite it as a whole into a chain
// that is consistent in itself. The central holds the hash the device reported for an id, so the
// rewrite shows at the next report: the device must name the hash its chain has now at that id
// (`since`), and it must be the same. A report with a lower id than one received (entries removed,
// an old backup restored) is a mismatch too. Mismatches are recorded for the central's operators
// and stay: once a chain did not match, the device keeps being answered `mismatch` (with the first
// one) until it is enrolled again.

export interface DeviceAuditStatus {
  deviceId: string;
  /** The latest head accepted from the device. */
  head: (AuditHeadWire & { receivedAt: string }) | null;
  mismatches: {
    reason: 'rewritten' | 'rewound';
    entryId: number;
    expectedHash: string;
    receivedId: number;
    receivedHash: string;
    detectedAt: string;
  }[];
}

type Answer = Omit<AuditHeadResponse, 'serverTime'>;

export function createAuditHeadStore(db: Database.Database) {
  const latestHead = db.prepare(
    `SELECT entry_id AS id, hash, received_at AS receivedAt FROM audit_heads
      WHERE device_id = ? ORDER BY entry_id DESC LIMIT 1`,
  );
  const insertHead = db.prepare(
    `INSERT INTO audit_heads (device_id, entry_id, hash, received_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (device_id, entry_id) DO NOTHING`,
  );
  const insertMismatch = db.prepare(
    `INSERT INTO audit_mismatches
       (device_id, reason, entry_id, expected_hash, received_id, received_hash, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (device_id, reason, entry_id) DO NOTHING`,
  );
  const mismatches = db.prepare(
    `SELECT reason, entry_id AS entryId, expected_hash AS expectedHash, received_id AS receivedId,
            received_hash AS receivedHash, detected_at AS detectedAt
       FROM audit_mismatches WHERE device_id = ? ORDER BY mismatch_id`,
  );

  const firstMismatch = (deviceId: string): Answer['mismatch'] => {
    const first = mismatches.get(deviceId) as DeviceAuditStatus['mismatches'][number] | undefined;
    return first ? { reason: first.reason, entryId: first.entryId, detectedAt: first.detectedAt } : null;
  };

  const report = db.transaction((deviceId: string, request: AuditHeadRequest, now: Date): Answer => {
    const at = now.toISOString();
    const held = latestHead.get(deviceId) as (AuditHeadWire & { receivedAt: string }) | undefined;
    const { head, since } = request;
    if (held === undefined) {
      insertHead.run(deviceId, head.id, head.hash, at);
      return { state: 'matches', acknowledged: head, mismatch: null };
    }
    const acknowledged = { id: held.id, hash: held.hash };
    if (head.id < held.id) {
      insertMismatch.run(deviceId, 'rewound', held.id, held.hash, head.id, head.hash, at);
      return { state: 'mismatch', acknowledged, mismatch: firstMismatch(deviceId) };
    }
    // An answer was lost, or the device forgot ours: it must compare at the id we hold.
    if (since === null || since.id !== held.id) {
      return { state: 'since-required', acknowledged, mismatch: firstMismatch(deviceId) };
    }
    const sameAtHeld = since.hash === held.hash && (head.id !== held.id || head.hash === held.hash);
    if (!sameAtHeld) {
      const received = since.hash === held.hash ? head : since;
      insertMismatch.run(deviceId, 'rewritten', held.id, held.hash, received.id, received.hash, at);
      return { state: 'mismatch', acknowledged, mismatch: firstMismatch(deviceId) };
    }
    insertHead.run(deviceId, head.id, head.hash, at);
    const earlier = firstMismatch(deviceId);
    return earlier === null
      ? { state: 'matches', acknowledged: head, mismatch: null }
      : { state: 'mismatch', acknowledged: head, mismatch: earlier };
  });

  return {
    /** Compares a device's report with what it reported before, stores the head, records a mismatch. */
    report(deviceId: string, request: AuditHeadRequest, now: Date): Answer {
      return report.immediate(deviceId, request, now);
    },

    /** What the central knows of a device's chain: for its operators. */
    status(deviceId: string): DeviceAuditStatus {
      const head = latestHead.get(deviceId) as DeviceAuditStatus['head'] | undefined;
      return {
        deviceId,
        head: head ?? null,
        mismatches: mismatches.all(deviceId) as DeviceAuditStatus['mismatches'],
      };
    },
  };
}

export type AuditHeadStore = ReturnType<typeof createAuditHeadStore>;
