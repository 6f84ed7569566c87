import type { z } from 'zod';
import type { Access } from './access.ts';
import type { ErrorCode } from './error-codes.ts';

/**
 * One operation of the contract: its argument and result schemas, the error codes its handler may
 * raise (the common ones of error-codes.ts need not be listed), and who may call it.
 */
export interface OperationDefinition {
  readonly args: z.ZodType;
  readonly result: z.ZodType;
  readonly errors: readonly ErrorCode[];
  readonly access: Access;
}

/** One event the backend pushes, and who may receive it (checked against the caller at emit time). */
export interface EventDefinition {
  readonly payload: z.ZodType;
  readonly access: Access;
}

/** An area's operations, keyed by name (`area.verb`). */
export type OperationTable = Record<string, OperationDefinition>;
export type EventTable = Record<string, EventDefinition>;
