import type { Migration } from './migration.ts';

// Stub (issue #12, audit hash chain): filled by the audit work.
export const auditHashChain: Migration = {
  version: 8,
  name: 'audit-hash-chain',
  up() {},
};
