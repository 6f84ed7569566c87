import type { z } from 'zod';
import { adminOperations } from './areas/admin.ts';
import { auditOperations } from './areas/audit.ts';
import { healthOperations } from './areas/health.ts';
import { kioskOperations } from './areas/kiosk.ts';
import { printOperations } from './areas/print.ts';
import { reportOperations } from './areas/reports.ts';
import { registrationOperations } from './areas/registrations.ts';
import { scanOperations } from './areas/scan.ts';
import { sessionOperations } from './areas/session.ts';
import { settingsOperations } from './areas/settings.ts';
import { startupOperations } from './areas/startup.ts';
import { syncOperations } from './areas/sync.ts';
import type { OperationDefinition } from './operation-definition.ts';

// THE operations between the renderer and the backend, composed from one contract file per area
// (preload/contract/areas/). The backend dispatcher, the Electron bridge (its names are injected
// into the preload bundle at build time), the web host and the renderer client are all derived
// from this object; tests check both shells expose exactly these names and walk every operation's
// access rules. Adding an operation = one entry in its area's file and its handler in the area's
// handler module (the compiler refuses a missing handler).

export const operations = {
  ...startupOperations,
  ...healthOperations,
  ...settingsOperations,
  ...sessionOperations,
  ...scanOperations,
  ...registrationOperations,
  ...printOperations,
  ...syncOperations,
  ...kioskOperations,
  ...reportOperations,
  ...auditOperations,
  ...adminOperations,
} as const satisfies Record<string, OperationDefinition>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationArgs<N extends OperationName> = z.input<Operations[N]['args']>;
export type OperationResult<N extends OperationName> = z.output<Operations[N]['result']>;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}
