import type { z } from 'zod';

/**
 * Where a value failed its schema, for a Vietnamese error message: `path: message; …`, at most five
 * issues. Only paths and zod's messages, never the rejected values (they may be personal data).
 */
export function describeZodIssues(
  error: z.ZodError,
  options: { prefix?: string; rootName?: string } = {},
): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [options.prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return `${path || (options.rootName ?? '(gốc)')}: ${issue.message}`;
    })
    .join('; ');
}
