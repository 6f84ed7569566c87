import type { SyncErrorKind } from './sync-error.ts';

/** What the status bar shows about the link to the central service. */
export interface SyncStatus {
  /** 'offline' = the last round failed for a passing reason; work continues and waits in the outbox. */
  state: 'not-started' | 'syncing' | 'online' | 'offline' | 'needs-attention';
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  /** Local changes not yet accepted by the central service. */
  backlog: number;
  oldestPendingAt: string | null;
  openConflicts: number;
  /** Rows applied by the current or last pull (for a progress indicator on a first, large pull). */
  pulledInRound: number;
  clockOffsetMs: number;
  /** This PC's clock is more than two minutes off the server's. */
  clockWarning: boolean;
  error: { kind: SyncErrorKind; code: string; message: string } | null;
}

export const clockWarningThresholdMs = 2 * 60 * 1000;

/** Before the first round: nothing known yet but what the store remembers. */
export function initialSyncStatus(
  remembered: Partial<Pick<SyncStatus, 'lastSuccessAt' | 'clockOffsetMs'>> = {},
): SyncStatus {
  return {
    state: 'not-started',
    lastSuccessAt: remembered.lastSuccessAt ?? null,
    lastAttemptAt: null,
    nextAttemptAt: null,
    backlog: 0,
    oldestPendingAt: null,
    openConflicts: 0,
    pulledInRound: 0,
    clockOffsetMs: remembered.clockOffsetMs ?? 0,
    clockWarning: false,
    error: null,
  };
}
