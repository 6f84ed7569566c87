import { fail, ok, type ApiResult } from '../../../preload/contract/api-result.ts';
import { accessRefusal, type AccessRefusal, type Caller } from '../../../preload/contract/access.ts';
import { commonErrorCodes, errorDetailSchemas, isErrorCode } from '../../../preload/contract/error-codes.ts';
import type { OperationDefinition } from '../../../preload/contract/operation-definition.ts';
import { isOperationName, operations } from '../../../preload/contract/operations.ts';
import { describeZodIssues, zodIssueList } from '../../core/validation/describe-zod-issues.ts';
import { isAppError } from '../app-error.ts';
import type { OperationHandlers, SignedInStaff } from '../operation-handlers.ts';

export interface CallerState {
  caller: Caller;
  session: SignedInStaff | null;
}

export interface DispatcherOptions {
  handlers: OperationHandlers;
  /** Who is calling now: the PC's mode and enrollment and the backend's session (never the arguments). */
  callerState: () => CallerState;
  /**
   * Tests and CI: every result is checked against its schema, every error code against what the
   * operation declares and every details object against its schema. A violation answers
   * `internal` (and is logged), so the test that made it fails.
   */
  strictContract?: boolean;
  /** The access rules (injected so a benchmark can measure what they cost). */
  checkAccess?: (definition: OperationDefinition, caller: Caller) => AccessRefusal | null;
}

export type Dispatch = (name: unknown, rawArgs: unknown) => Promise<ApiResult<unknown>>;

const refusalMessages: Record<AccessRefusal, string> = {
  forbidden: 'Bạn không có quyền thực hiện thao tác này trên máy này.',
  'not-signed-in': 'Hãy đăng nhập để tiếp tục.',
  'session-locked': 'Màn hình đang khoá. Hãy mở khoá bằng mã PIN hoặc mật khẩu.',
  'pin-not-set': 'Hãy đặt mã PIN trước khi làm việc.',
};

const checkContractAccess = (definition: OperationDefinition, caller: Caller) =>
  accessRefusal(definition.access, caller);

/**
 * The one door into the backend. In this order: the operation must exist; the caller (from the
 * session, never from the arguments) must be allowed to call it — before the arguments are even
 * looked at; the arguments, arriving as `unknown` from another process or the network, must match
 * the contract; then the handler runs with the caller as its context. Every failure leaves as a
 * typed `{ok: false, error: {code, message, details?}}`, never as an exception across the boundary.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, callerState, strictContract = false } = options;
  const checkAccess = options.checkAccess ?? checkContractAccess;

  return async (name, rawArgs) => {
    const state = callerState();
    if (!isOperationName(name)) {
      // A kiosk page sees only the kiosk's operations: everything else is simply forbidden, so the
      // page cannot even tell which other operations exist.
      return state.caller.mode === 'kiosk'
        ? fail('forbidden', refusalMessages.forbidden)
        : fail('unknown-operation', `Thao tác không tồn tại: ${String(name).slice(0, 64)}.`);
    }
    const definition: OperationDefinition = operations[name];
    const refusal = checkAccess(definition, state.caller);
    if (refusal !== null) return fail(refusal, refusalMessages[refusal]);

    const parsed = definition.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return fail(
        'invalid-argument',
        `Tham số không hợp lệ cho ${name}: ${describeZodIssues(parsed.error)}.`,
        { issues: zodIssueList(parsed.error) },
      );
    }
    let answer: ApiResult<unknown>;
    try {
      const handler = handlers[name] as (args: unknown, context: CallerState) => unknown;
      answer = ok(await handler(parsed.data, state));
    } catch (error) {
      answer = failureOf(name, error);
    }
    return strictContract ? checkAgainstContract(name, definition, answer) : answer;
  };
}

function failureOf(name: string, error: unknown): ApiResult<never> {
  if (isAppError(error)) {
    if (error.cause) console.error(`${name} failed: ${error.code}`, error.cause);
    return fail(error.code, error.message, error.details);
  }
  console.error(`${name} failed unexpectedly`, error);
  return fail('internal', 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại hoặc báo cho quản trị viên.');
}

function checkAgainstContract(
  name: string,
  definition: OperationDefinition,
  answer: ApiResult<unknown>,
): ApiResult<unknown> {
  const violation = contractViolation(definition, answer);
  if (violation === null) return answer;
  console.error(`contract violation in ${name}: ${violation}`);
  return fail('internal', `Vi phạm hợp đồng API (${name}): ${violation}`);
}

function contractViolation(definition: OperationDefinition, answer: ApiResult<unknown>): string | null {
  if (answer.ok) {
    const checked = definition.result.safeParse(answer.value);
    return checked.success ? null : `result: ${describeZodIssues(checked.error)}`;
  }
  const { code, details } = answer.error;
  if (!isErrorCode(code)) return `error code ${code} is not in the catalogue`;
  if (!commonErrorCodes.includes(code) && !definition.errors.includes(code)) {
    return `error code ${code} is not declared by the operation`;
  }
  const detailSchema = (
    errorDetailSchemas as Record<string, { safeParse(value: unknown): { success: boolean } }>
  )[code];
  if (details !== undefined && detailSchema && !detailSchema.safeParse(details).success) {
    return `details of ${code} do not match their schema`;
  }
  return null;
}
