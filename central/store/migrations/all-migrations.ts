import type { Migration } from './migration.ts';
import { initialSchema } from './0001-initial-schema.ts';
import { kioskForms } from './0002-kiosk-forms.ts';
import { auditHeads } from './0003-audit-heads.ts';

/** Every migration, in version order. Append only: a released migration is never edited. */
export const allMigrations: readonly Migration[] = [initialSchema, kioskForms, auditHeads];
