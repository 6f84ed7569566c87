import type { z } from 'zod';
import type { Access, Caller, Role } from '../../preload/contract/access.ts';
import type { StaffRole } from '../core/staff/staff-roles.ts';
import type { OperationDefinition, OperationTable } from '../../preload/contract/operation-definition.ts';
import type { Operations } from '../../preload/contract/operations.ts';

/** The signed-in staff member, as a handler sees the caller. */
export interface SignedInStaff {
  staffId: string;
  fullName: string;
  role: StaffRole;
}

/**
 * What a handler knows of its caller. For an operation only signed-in staff may call, the type says
 * `session` is there (the dispatcher checked it before the handler ran).
 */
export interface CallContext<S extends SignedInStaff | null = SignedInStaff | null> {
  caller: Caller;
  session: S;
}

type RequiresSession<A extends Access> = A extends { beforeEnrollment: true }
  ? false
  : A extends { kiosk: readonly ['public'] }
    ? false
    : A extends { counter: readonly (infer R extends Role)[] }
      ? 'public' extends R
        ? false
        : true
      : false;

export type ContextFor<D extends OperationDefinition> = CallContext<
  RequiresSession<D['access']> extends true ? SignedInStaff : SignedInStaff | null
>;

export type Handler<D extends OperationDefinition> = (
  args: z.output<D['args']>,
  context: ContextFor<D>,
) => Promise<z.output<D['result']>> | z.output<D['result']>;

/** The handlers of one area's operations: exactly its names, each typed by its definition. */
export type AreaHandlers<T extends OperationTable> = { [N in keyof T]: Handler<T[N]> };

export type OperationHandlers = AreaHandlers<Operations>;
