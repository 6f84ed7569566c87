import { initialSchema } from './0001-initial-schema.ts';
import type { Migration } from './migration.ts';

/** Every migration this build knows, in order. Append only. */
export const migrations: readonly Migration[] = [initialSchema];

export const latestSchemaVersion = migrations.length;
