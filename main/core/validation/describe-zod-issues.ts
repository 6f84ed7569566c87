import type { z } from 'zod';

/**
 * One failing field: its dotted path, zod's message (Vietnamese: see vietnamese-zod-messages.ts)
 * and zod's issue code, which a renderer in another language translates instead of the message.
 * Never the rejected value.
 */
export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/**
 * Where a value failed its schema, as data (at most `limit` issues): what an `invalid-argument` or
 * `config-invalid` error carries in its details so a screen can point at the field. Only paths and
 * zod's messages, never the rejected values (they may be personal data).
 */
export function zodIssueList(
  error: z.ZodError,
  options: { prefix?: string; rootName?: string; limit?: number } = {},
): FieldIssue[] {
  return error.issues.slice(0, options.limit ?? 5).map((issue) => {
    const path = [options.prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path: path || (options.rootName ?? '(gốc)'), message: issue.message, code: issue.code };
  });
}

/** The same, as one line for a Vietnamese error message: `path: message; …`. */
export function describeZodIssues(
  error: z.ZodError,
  options: { prefix?: string; rootName?: string } = {},
): string {
  return zodIssueList(error, options)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
}
