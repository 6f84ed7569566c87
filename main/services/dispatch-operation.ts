import type { z } from 'zod';
import { fail, ok, type ApiResult } from '../../preload/contract/api-result.ts';
import type { OperationName } from '../../preload/contract/operation-names.ts';
import {
  isOperationName,
  operations,
  type OperationResult,
  type Operations,
} from '../../preload/contract/operations.ts';
import { isAppError } from './app-error.ts';
import { describeZodIssues } from '../core/validation/describe-zod-issues.ts';

export type OperationHandlers = {
  [N in OperationName]: (
    args: z.output<Operations[N]['args']>,
  ) => Promise<OperationResult<N>> | OperationResult<N>;
};

/**
 * The one door into the backend. Arguments arrive as `unknown` from another process or the
 * network and are validated against the contract before any handler sees them; every failure
 * leaves as a typed `{ok: false}` result, never as an exception across the boundary.
 */
export async function dispatchOperation(
  handlers: OperationHandlers,
  name: unknown,
  rawArgs: unknown,
): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) {
    return fail('unknown-operation', `Thao tác không tồn tại: ${String(name).slice(0, 64)}.`);
  }
  const parsed = operations[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return fail('invalid-argument', `Tham số không hợp lệ cho ${name}: ${describeZodIssues(parsed.error)}.`);
  }
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (isAppError(error)) {
      if (error.cause) console.error(`${name} failed: ${error.code}`, error.cause);
      return fail(error.code, error.message);
    }
    console.error(`${name} failed unexpectedly`, error);
    return fail('internal', 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại hoặc báo cho quản trị viên.');
  }
}
