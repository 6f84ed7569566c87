import { z } from 'zod';

// The same rule as the contract's `email` (z.email, at most 254 characters): what the kiosk accepts
// is exactly what the backend accepts, so a citizen is never told "fine" and then refused.
const emailSchema = z.email().max(254);

/** The address as it is sent: trimmed, null when the citizen left it empty. */
export function tidyEmail(typed: string): string | null {
  const trimmed = typed.trim();
  return trimmed === '' ? null : trimmed;
}

export function emailIsValid(typed: string): boolean {
  const email = tidyEmail(typed);
  return email !== null && emailSchema.safeParse(email).success;
}
