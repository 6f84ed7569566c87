import { z } from 'zod';
import { everyone } from '../access.ts';
import { apiErrorSchema } from '../api-result.ts';
import type { OperationTable } from '../operation-definition.ts';

// The backend's own start. The hosts answer `startup.status` from the first moment, while the data
// directory is locked, the configuration read and the database checked (seconds on a large store),
// so the page can show progress, or a screen that says what to do when the start failed, instead
// of a blank window.

export const startupPhases = [
  'locking-data-directory',
  'reading-config',
  'checking-store',
  'opening-store',
  'starting-sync',
] as const;

export const startupStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('starting'),
    phase: z.enum(startupPhases),
    /** While the database is checked: an estimate from its size and the last check's speed. */
    progress: z
      .object({ fraction: z.number().min(0).max(1), bytes: z.number().min(0), elapsedMs: z.number().min(0) })
      .nullable(),
  }),
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('failed'), error: apiErrorSchema }),
]);

export type StartupStatus = z.infer<typeof startupStatusSchema>;

export const startupOperations = {
  'startup.status': {
    args: z.object({}).strict(),
    result: startupStatusSchema,
    errors: [],
    access: everyone,
  },
} as const satisfies OperationTable;
