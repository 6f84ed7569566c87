// Connects a window's crash and hang events to crash-recovery-policy.ts and carries out what it
// decides. Only types come from electron, so tests drive it with fakes.
import type { BrowserWindow } from 'electron';
import {
  initialRecoveryState,
  nextRecovery,
  recoveryLimits,
  type RecoveryAction,
  type RecoveryEvent,
  type RecoveryTimer,
  type WindowMode,
} from './crash-recovery-policy.ts';
import { outOfServicePageUrl } from './out-of-service-page.ts';

export interface CrashRecoveryOptions {
  appPageUrl: string;
  mode: () => WindowMode;
  /** While the app quits, its renderers go away for good: nothing is reloaded. */
  quitting: () => boolean;
  /** A monotonic clock in ms (the wall clock may jump). */
  now?: () => number;
  log?: (line: string) => void;
}

const timerEvents = { hang: 'hang-timer', retry: 'retry-timer' } as const;

export function recoverFromCrashes(window: BrowserWindow, options: CrashRecoveryOptions): void {
  const now = options.now ?? (() => performance.now());
  // The shell's log is its stderr, as the backend's is; the lines carry reasons and counts only.
  const log = options.log ?? ((line: string) => console.error(`window recovery: ${line}`));
  const timers = new Map<RecoveryTimer, ReturnType<typeof setTimeout>>();
  let state = initialRecoveryState;

  const load = (url: string) => {
    window.webContents.loadURL(url).catch(() => {
      // A load that fails because the page died again is reported as render-process-gone.
    });
  };

  const perform = (action: RecoveryAction) => {
    switch (action.type) {
      case 'load-app':
        load(options.appPageUrl);
        return;
      case 'kill-renderer':
        // A hung renderer cannot navigate; the load that follows starts in a new process.
        window.webContents.forcefullyCrashRenderer();
        return;
      case 'show-out-of-service':
        load(outOfServicePageUrl(options.mode(), action.retryInMs));
        return;
      case 'start-timer': {
        clearTimeout(timers.get(action.timer));
        const timer = action.timer;
        timers.set(
          timer,
          setTimeout(() => {
            timers.delete(timer);
            handle({ type: timerEvents[timer], at: now() });
          }, action.delayMs),
        );
        return;
      }
      case 'cancel-timer':
        clearTimeout(timers.get(action.timer));
        timers.delete(action.timer);
        return;
    }
  };

  const handle = (event: RecoveryEvent) => {
    if (window.isDestroyed() || options.quitting()) return;
    const step = nextRecovery(state, event, recoveryLimits(options.mode()));
    state = step.state;
    if (step.log) log(step.log);
    for (const action of step.actions) perform(action);
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    handle({ type: 'render-process-gone', at: now(), reason: details.reason, exitCode: details.exitCode });
  });
  window.on('unresponsive', () => handle({ type: 'unresponsive', at: now() }));
  window.on('responsive', () => handle({ type: 'responsive', at: now() }));
  window.on('closed', () => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });
}
