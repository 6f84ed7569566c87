import { initialSchema } from './0001-initial-schema.ts';
import { staffSignIn } from './0002-staff-sign-in.ts';
import { printQueue } from './0003-print-queue.ts';
import { registrationList } from './0004-registration-list.ts';
import type { Migration } from './migration.ts';

/** Every migration this build knows, in order. Append only. */
export const migrations: readonly Migration[] = [initialSchema, staffSignIn, printQueue, registrationList];

export const latestSchemaVersion = migrations.length;
