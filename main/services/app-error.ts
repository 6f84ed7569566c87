// A failure the user must be told about: a stable code (the renderer translates it), a Vietnamese
// message (for logs and for callers without translations) and the underlying cause for the log only.
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
