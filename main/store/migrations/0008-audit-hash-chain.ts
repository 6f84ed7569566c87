import { auditEntryHash, genesisHash, type ChainedAuditFields } from '../audit-chain.ts';
import type { Migration } from './migration.ts';

// Issue #12: the audit trail becomes a hash chain (docs/audit-trail.md). Each entry gets the hash of
// the entry before it (`prev_hash`) and its own (`hash`), computed by main/store/audit-chain.ts; the
// entries already there are chained here, in id order, as if they had been written that way. The
// columns stay nullable so that a row inserted behind the app's back (without a hash) can still be
// stored, and is then reported by the chain check instead of refused by the schema: the check, not
// the schema, is what proves integrity (the triggers can be dropped by whoever holds the file). The
// update trigger is dropped for the back-fill and created again as it was.
//
// `audit_log_by_time` serves the reading of a range of days (audit.list, the reports' appendix).
// The hash encoding is fixed by its format name (auditChainFormat): changing it later means a new
// format and a new migration, never an edit of this one.
// 64 hex digits; `unhex` rather than a GLOB, which cost a microsecond per column on every append.
const hexCheck = (column: string) =>
  `CHECK (${column} IS NULL OR (length(${column}) = 64 AND unhex(${column}) IS NOT NULL))`;

export const auditHashChain: Migration = {
  version: 8,
  name: 'audit-hash-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT ${hexCheck('prev_hash')};
      ALTER TABLE audit_log ADD COLUMN hash TEXT ${hexCheck('hash')};
      DROP TRIGGER audit_log_refuses_update;
    `);
    // In slices: a long trail is not held in memory at once (and a connection cannot write while
    // it iterates).
    const slice = db.prepare(
      'SELECT id, at, actor, action, subject, details FROM audit_log WHERE id > ? ORDER BY id LIMIT 10000',
    );
    const write = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prevHash = genesisHash;
    for (let rows = slice.all(0) as ChainedAuditFields[]; rows.length > 0;) {
      for (const row of rows) {
        const hash = auditEntryHash(row, prevHash);
        write.run(prevHash, hash, row.id);
        prevHash = hash;
      }
      rows = slice.all((rows[rows.length - 1] as ChainedAuditFields).id) as ChainedAuditFields[];
    }
    db.exec(`
      CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE INDEX audit_log_by_time ON audit_log (at);
    `);
  },
};
