// What the window does when its page dies or hangs, as a pure state machine: the Electron wiring
// (crash-recovery.ts) feeds it events and carries out the actions it returns, timers included, so
// every decision is tested without Electron.
//
// A page that crashed (any reason but a clean exit) or stayed unresponsive past a grace period is
// loaded afresh: at a kiosk that also means the next citizen starts from the welcome screen with
// nothing of the previous one. A page that keeps crashing must not be reloaded in a tight loop (a
// broken GPU driver, a corrupt bundle, memory pressure): after `maxReloads` reloads within
// `windowMs`, the window shows a static out-of-service page instead and tries the app again after
// `coolDownMs`. A hung renderer cannot be reloaded in place: it is killed first, and the 'killed'
// report that follows our own kill is not counted as another crash.
// Times are from a monotonic clock (the device clock is never trusted, and may jump).

export interface RecoveryLimits {
  maxReloads: number;
  windowMs: number;
  coolDownMs: number;
  /** How long an unresponsive page may stay so before it is killed and reloaded. */
  hangGraceMs: number;
}

export type WindowMode = 'kiosk' | 'counter';

/**
 * The same rate limit for both; a counter's officer may be mid-form and can wait out a slow page,
 * a kiosk's citizen will not, so a kiosk gives up on a hung page sooner. Chromium only reports a
 * page unresponsive when an input event (a touch, a key, a scan) stays unanswered for its own hang
 * timeout (about 15 s), so the totals after that input are ≈ 25 s and ≈ 45 s.
 */
export function recoveryLimits(mode: WindowMode): RecoveryLimits {
  return {
    maxReloads: 3,
    windowMs: 60_000,
    coolDownMs: 5 * 60_000,
    hangGraceMs: mode === 'kiosk' ? 10_000 : 30_000,
  };
}

/** Our own kill of a hung renderer is reported within this time, if at all. */
const ownKillReportMs = 5_000;

export interface RecoveryState {
  readonly phase: 'running' | 'hung' | 'out-of-service';
  /** When the recent reloads happened (at most the last `windowMs`). */
  readonly reloadsAt: readonly number[];
  /** When we killed a hung renderer ourselves, until its report came. */
  readonly killedAt: number | null;
}

export const initialRecoveryState: RecoveryState = Object.freeze({
  phase: 'running',
  reloadsAt: Object.freeze([]),
  killedAt: null,
});

export type RecoveryEvent =
  | { type: 'render-process-gone'; at: number; reason: string; exitCode?: number }
  | { type: 'unresponsive'; at: number }
  | { type: 'responsive'; at: number }
  | { type: 'hang-timer'; at: number }
  | { type: 'retry-timer'; at: number };

export type RecoveryTimer = 'hang' | 'retry';

export type RecoveryAction =
  | { type: 'load-app' }
  | { type: 'kill-renderer' }
  | { type: 'show-out-of-service'; retryInMs: number }
  | { type: 'start-timer'; timer: RecoveryTimer; delayMs: number }
  | { type: 'cancel-timer'; timer: RecoveryTimer };

export interface RecoveryStep {
  state: RecoveryState;
  actions: RecoveryAction[];
  /** One line for the log: reasons and counts only, never a URL or anything the page showed. */
  log: string | null;
}

function unchanged(state: RecoveryState): RecoveryStep {
  return { state, actions: [], log: null };
}

function describeGone(event: { reason: string; exitCode?: number }): string {
  return event.exitCode === undefined
    ? `renderer gone (${event.reason})`
    : `renderer gone (${event.reason}, exit code ${event.exitCode})`;
}

/** A reload, or the out-of-service page when there were too many lately. */
function recover(
  state: RecoveryState,
  at: number,
  limits: RecoveryLimits,
  cause: string,
  before: RecoveryAction[],
): RecoveryStep {
  const recent = state.reloadsAt.filter((time) => at - time < limits.windowMs);
  if (recent.length >= limits.maxReloads) {
    const minutes = Math.round(limits.coolDownMs / 60_000);
    return {
      state: { ...state, phase: 'out-of-service', reloadsAt: [] },
      actions: [
        ...before,
        { type: 'show-out-of-service', retryInMs: limits.coolDownMs },
        { type: 'start-timer', timer: 'retry', delayMs: limits.coolDownMs },
      ],
      log: `${cause}: ${recent.length} reloads within ${limits.windowMs / 1000} s, out of service for ${minutes} min`,
    };
  }
  return {
    state: { ...state, phase: 'running', reloadsAt: [...recent, at] },
    actions: [...before, { type: 'load-app' }],
    log: `${cause}: reloading (${recent.length + 1} of ${limits.maxReloads} within ${limits.windowMs / 1000} s)`,
  };
}

export function nextRecovery(
  state: RecoveryState,
  event: RecoveryEvent,
  limits: RecoveryLimits,
): RecoveryStep {
  switch (event.type) {
    case 'render-process-gone': {
      if (event.reason === 'clean-exit') return unchanged(state);
      if (state.killedAt !== null && event.at - state.killedAt <= ownKillReportMs) {
        // Our own kill of a hung page: its reload is already on its way.
        return { state: { ...state, killedAt: null }, actions: [], log: null };
      }
      const current = { ...state, killedAt: null };
      if (state.phase === 'out-of-service') {
        return {
          state: current,
          actions: [],
          log: `${describeGone(event)} on the out-of-service page: waiting for the retry`,
        };
      }
      const cancel: RecoveryAction[] =
        state.phase === 'hung' ? [{ type: 'cancel-timer', timer: 'hang' }] : [];
      return recover(current, event.at, limits, describeGone(event), cancel);
    }
    case 'unresponsive':
      if (state.phase !== 'running') return unchanged(state);
      return {
        state: { ...state, phase: 'hung' },
        actions: [{ type: 'start-timer', timer: 'hang', delayMs: limits.hangGraceMs }],
        log: `page unresponsive: reloading in ${limits.hangGraceMs / 1000} s unless it recovers`,
      };
    case 'responsive':
      if (state.phase !== 'hung') return unchanged(state);
      return {
        state: { ...state, phase: 'running' },
        actions: [{ type: 'cancel-timer', timer: 'hang' }],
        log: 'page responsive again',
      };
    case 'hang-timer':
      if (state.phase !== 'hung') return unchanged(state);
      return recover({ ...state, killedAt: event.at }, event.at, limits, 'page still unresponsive', [
        { type: 'kill-renderer' },
      ]);
    case 'retry-timer':
      if (state.phase !== 'out-of-service') return unchanged(state);
      return {
        state: { phase: 'running', reloadsAt: [], killedAt: null },
        actions: [{ type: 'load-app' }],
        log: 'cool-down over: loading the app again',
      };
  }
}
