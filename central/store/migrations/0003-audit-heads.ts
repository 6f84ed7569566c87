import type { Migration } from './migration.ts';

// Issue #12: each device reports the head of its audit chain (id and hash of its latest entry) with
// every sync round (docs/sync-protocol.md §13). The central keeps every head it accepted, so a
// device whose chain was rewritten, or rewound to an earlier state, cannot hide it: the next report
// must contain the same hash at the id the central holds. A mismatch is kept for the central's
// operators (`central devices`); one row per device, reason and entry, however often it is met again.
export const auditHeads: Migration = {
  version: 3,
  name: 'audit-heads',
  up(db) {
    db.exec(`
      CREATE TABLE audit_heads (
        device_id TEXT NOT NULL REFERENCES devices(device_id),
        entry_id INTEGER NOT NULL CHECK (entry_id > 0),
        hash TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (device_id, entry_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audit_mismatches (
        mismatch_id INTEGER PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(device_id),
        reason TEXT NOT NULL CHECK (reason IN ('rewritten', 'rewound')),
        entry_id INTEGER NOT NULL,
        expected_hash TEXT NOT NULL,
        received_id INTEGER NOT NULL,
        received_hash TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        UNIQUE (device_id, reason, entry_id)
      ) STRICT;
    `);
  },
};
