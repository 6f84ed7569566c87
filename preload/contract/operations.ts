import { z } from 'zod';
import { idParseResultSchema } from '../../main/core/id-card/id-parse-result-schema.ts';
import { settingsPatchSchema, settingsSchema } from './settings-schema.ts';
import type { OperationName } from './operation-names.ts';
import {
  conflictSchema,
  decideArgumentsSchema,
  storedRegistrationSchema,
  syncStatusSchema,
} from './sync-schema.ts';

// THE operations between the renderer and the backend. The Electron bridge, the web host,
// the backend dispatcher and the renderer client are all derived from this object, and a test
// checks that both shells expose exactly these names. Adding an operation = its name in
// operation-names.ts, one entry here and its handler (the compiler refuses any of the three missing).

/** The longest text a scanner can plausibly deliver; the ID parser itself refuses > 4 KB. */
export const maxScanPayloadChars = 8192;

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  mode: z.enum(['counter', 'kiosk']),
  officeCode: z.string(),
  counterId: z.string(),
  trainingMode: z.boolean(),
  dataDirectory: z.string(),
  serverTime: z.string(),
  uptimeSeconds: z.number(),
});

const noArguments = z.object({}).strict();

export const operations = {
  health: { args: noArguments, result: healthSchema },
  'id.parse': {
    args: z.object({ payload: z.string().max(maxScanPayloadChars) }).strict(),
    result: idParseResultSchema,
  },
  'settings.get': { args: noArguments, result: settingsSchema },
  'settings.set': { args: z.object({ patch: settingsPatchSchema }).strict(), result: settingsSchema },
  'sync.status': { args: noArguments, result: syncStatusSchema },
  'sync.now': { args: noArguments, result: syncStatusSchema },
  'sync.enroll': {
    args: z.object({ enrollmentCode: z.string().trim().min(4).max(64) }).strict(),
    result: syncStatusSchema,
  },
  'registrations.search': {
    args: z.object({ query: z.string().trim().min(1).max(100) }).strict(),
    result: z.array(storedRegistrationSchema),
  },
  'registrations.decide': { args: decideArgumentsSchema, result: storedRegistrationSchema },
  'conflicts.list': { args: noArguments, result: z.array(conflictSchema) },
  'conflicts.acknowledge': {
    args: z
      .object({ conflictId: z.number().int().positive(), officerId: z.string().min(1).max(64) })
      .strict(),
    result: z.array(conflictSchema),
  },
} as const satisfies Record<OperationName, { args: z.ZodType; result: z.ZodType }>;

export type Operations = typeof operations;
export type OperationArgs<N extends OperationName> = z.input<Operations[N]['args']>;
export type OperationResult<N extends OperationName> = z.output<Operations[N]['result']>;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}
