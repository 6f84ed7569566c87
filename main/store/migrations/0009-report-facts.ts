import type { Migration } from './migration.ts';

// Stub (issue #12, reports): filled by the reports work.
export const reportFacts: Migration = {
  version: 9,
  name: 'report-facts',
  up() {},
};
