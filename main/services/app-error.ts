import type { ErrorCode } from '../../preload/contract/error-codes.ts';

// A failure the user must be told about: a stable code from the contract's catalogue (the renderer
// translates it), a Vietnamese message (for logs and callers without translations), details the
// screen needs to explain it (they cross the API boundary: never put secrets in them), and the
// underlying cause for the log only.
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
