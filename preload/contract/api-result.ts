import { z } from 'zod';

// Every call between the renderer and the backend answers with one of these two shapes, in both
// shells. Errors cross the boundary whole: a stable code (the renderer translates it, see
// error-codes.ts), `message` in Vietnamese for logs and for a renderer that does not know the code
// yet, and `details` with what the screen needs to explain it (who decided first, which field of
// the config file is wrong…). Details never carry secrets.

export const apiErrorSchema = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(
  code: string,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: ApiError } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
