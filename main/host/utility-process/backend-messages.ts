import { z } from 'zod';
import { apiErrorSchema, type ApiResult } from '../../../preload/contract/api-result.ts';

// The messages between Electron's main process (main/shell/backend-process.ts) and the backend's
// utility process (main/host/utility-process-main.ts), one schema for both directions. Each side
// validates what it receives: a message that does not fit is dropped, never trusted.

const maxOperationNameLength = 64;

export const shellToBackendSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: z.string().max(maxOperationNameLength),
  args: z.unknown(),
});

const apiResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

export const backendToShellSchema = z.discriminatedUnion('kind', [
  /** The process answers calls (startup.status at least) from now on. */
  z.object({ kind: z.literal('listening') }),
  /** The backend's start ended: the shell may now decide the window's kind. */
  z.object({ kind: z.literal('settled'), state: z.enum(['ready', 'failed']) }),
  z.object({ kind: z.literal('result'), id: z.number().int().positive(), result: apiResultSchema }),
  z.object({ kind: z.literal('event'), event: z.unknown() }),
]);

export type ShellToBackend = z.infer<typeof shellToBackendSchema>;
export type BackendToShell = z.infer<typeof backendToShellSchema>;

export function parseShellMessage(raw: unknown): ShellToBackend | null {
  const parsed = shellToBackendSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function parseBackendMessage(raw: unknown): BackendToShell | null {
  const parsed = backendToShellSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function resultMessage(id: number, result: ApiResult<unknown>): BackendToShell {
  return { kind: 'result', id, result };
}
