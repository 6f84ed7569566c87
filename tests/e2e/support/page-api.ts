import type { Page } from '@playwright/test';

export type ApiAnswer<T> = { ok: boolean; value: T; error?: { code: string } };

/** Calls the backend API from inside the page, with the launch token, exactly as the renderer does. */
export async function callFromPage<T>(
  page: Page,
  token: string,
  name: string,
  args: unknown,
): Promise<ApiAnswer<T>> {
  const answer: unknown = await page.evaluate(
    async ({ name, args, token }) => {
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      return (await response.json()) as unknown;
    },
    { name, args, token },
  );
  return answer as ApiAnswer<T>;
}
