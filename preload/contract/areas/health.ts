import { z } from 'zod';
import { appModes, everyone } from '../access.ts';
import type { OperationTable } from '../operation-definition.ts';

/** What any page may know of the backend; nothing about where it keeps its data. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  mode: z.enum(appModes),
  officeCode: z.string(),
  counterId: z.string(),
  trainingMode: z.boolean(),
  serverTime: z.string(),
  uptimeSeconds: z.number(),
});

export const healthOperations = {
  health: { args: z.object({}).strict(), result: healthSchema, errors: [], access: everyone },
} as const satisfies OperationTable;
