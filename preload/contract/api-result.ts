import { z } from 'zod';

// Every call between the renderer and the backend answers with one of these two shapes, in both
// shells. Errors are data with a stable code the renderer translates; `message` is Vietnamese, for
// logs and for a renderer that does not know the code yet.

export const apiErrorCodes = [
  'invalid-argument',
  'unknown-operation',
  'not-found',
  'unauthorized',
  'forbidden-origin',
  'payload-too-large',
  'config-invalid',
  'config-write-failed',
  'backend-unavailable',
  'internal',
] as const;

/** Codes of the transport and the dispatcher; domain operations add their own (e.g. `store-corrupt`). */
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  message: z.string(),
});

export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}
