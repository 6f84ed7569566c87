import { z } from 'zod';
import { decisionSchema, registrationStatuses } from './registration.ts';

/**
 * The change that won over a decision taken at this counter, as the central service reports it and
 * as the officer's conflict screen shows it: a decision taken elsewhere, or a withdrawal/expiry.
 * One schema for the sync protocol, the local store and the API contract.
 */
export const conflictWinnerSchema = z.object({
  /** The registration's status now (never `pending`). */
  status: z.enum(registrationStatuses),
  /** The winning decision; null when the registration was withdrawn or expired instead. */
  decision: decisionSchema.nullable(),
  decidedBy: z.object({
    /** null when the change did not come from an enrolled device (portal, central staff, seed data). */
    deviceId: z.string().nullable(),
    officerId: z.string().nullable(),
    counterId: z.string().nullable(),
  }),
  /** decision.decidedAt for decisions; the server time of the withdrawal otherwise. */
  decidedAt: z.iso.datetime({ offset: true }),
  /** Withdrawal reason when status is `withdrawn`. */
  withdrawalReason: z.string().nullable(),
});

export type ConflictWinner = z.infer<typeof conflictWinnerSchema>;
