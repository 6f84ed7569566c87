import { initialSchema } from './0001-initial-schema.ts';
import { staffSignIn } from './0002-staff-sign-in.ts';
import { printQueue } from './0003-print-queue.ts';
import { registrationList } from './0004-registration-list.ts';
import { officesAndKioskReferences } from './0005-offices-and-kiosk-references.ts';
import { kioskVisits } from './0006-kiosk-visits.ts';
import { kioskStatusIndex } from './0007-kiosk-status-index.ts';
import { auditHashChain } from './0008-audit-hash-chain.ts';
import { reportFacts } from './0009-report-facts.ts';
import type { Migration } from './migration.ts';

/** Every migration this build knows, in order. Append only. */
export const migrations: readonly Migration[] = [
  initialSchema,
  staffSignIn,
  printQueue,
  registrationList,
  officesAndKioskReferences,
  kioskVisits,
  kioskStatusIndex,
  auditHashChain,
  reportFacts,
];

export const latestSchemaVersion = migrations.length;
