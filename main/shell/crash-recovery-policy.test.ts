import { describe, expect, it } from 'vitest';
import {
  initialRecoveryState,
  nextRecovery,
  recoveryLimits,
  type RecoveryAction,
  type RecoveryEvent,
  type RecoveryState,
} from './crash-recovery-policy.ts';

const limits = recoveryLimits('kiosk');
const second = 1000;

function crash(at: number, reason = 'crashed'): RecoveryEvent {
  return { type: 'render-process-gone', at, reason, exitCode: 11 };
}

/** Feeds the events in order; returns the actions of each and the final state. */
function run(events: RecoveryEvent[], start: RecoveryState = initialRecoveryState) {
  let state = start;
  const steps: RecoveryAction[][] = [];
  const logs: (string | null)[] = [];
  for (const event of events) {
    const step = nextRecovery(state, event, limits);
    state = step.state;
    steps.push(step.actions);
    logs.push(step.log);
  }
  return { state, steps, logs };
}

const loadApp: RecoveryAction = { type: 'load-app' };
const outOfService: RecoveryAction[] = [
  { type: 'show-out-of-service', retryInMs: 5 * 60 * second },
  { type: 'start-timer', timer: 'retry', delayMs: 5 * 60 * second },
];

describe('crash recovery', () => {
  it.each([
    'crashed',
    'killed',
    'oom',
    'abnormal-exit',
    'launch-failed',
    'integrity-failure',
    'memory-eviction',
  ])('reloads the app after the renderer is gone (%s)', (reason) => {
    expect(run([crash(0, reason)]).steps).toEqual([[loadApp]]);
  });

  it('does nothing after a clean exit (the window is closing)', () => {
    expect(run([crash(0, 'clean-exit')]).steps).toEqual([[]]);
  });

  it('reloads three times within a minute, then shows the out-of-service page', () => {
    const { steps, state } = run([crash(0), crash(10 * second), crash(20 * second), crash(30 * second)]);
    expect(steps).toEqual([[loadApp], [loadApp], [loadApp], outOfService]);
    expect(state.phase).toBe('out-of-service');
  });

  it('counts only the reloads of the last minute', () => {
    const { steps } = run([crash(0), crash(20 * second), crash(40 * second), crash(61 * second)]);
    expect(steps).toEqual([[loadApp], [loadApp], [loadApp], [loadApp]]);
  });

  it('counts a crash exactly a minute after the first as outside the window', () => {
    expect(run([crash(0), crash(1), crash(2), crash(60 * second)]).steps.at(-1)).toEqual([loadApp]);
    expect(run([crash(0), crash(1), crash(2), crash(60 * second - 1)]).steps.at(-1)).toEqual(outOfService);
  });

  it('waits on the out-of-service page for the cool-down, then tries the app again with a fresh count', () => {
    const events = [crash(0), crash(1), crash(2), crash(3)];
    const { state } = run(events);
    const after = run(
      [
        crash(4), // the out-of-service page itself: no loop
        { type: 'retry-timer', at: 5 * 60 * second },
        crash(5 * 60 * second + 1),
        crash(5 * 60 * second + 2),
        crash(5 * 60 * second + 3),
        crash(5 * 60 * second + 4),
      ],
      state,
    );
    expect(after.steps).toEqual([[], [loadApp], [loadApp], [loadApp], [loadApp], outOfService]);
  });

  it('ignores a retry timer that is no longer due', () => {
    expect(run([{ type: 'retry-timer', at: 0 }]).steps).toEqual([[]]);
  });
});

describe('hung page', () => {
  it('kills and reloads a page that stays unresponsive past the grace period', () => {
    const { steps } = run([
      { type: 'unresponsive', at: 0 },
      { type: 'hang-timer', at: 10 * second },
    ]);
    expect(steps).toEqual([
      [{ type: 'start-timer', timer: 'hang', delayMs: 10 * second }],
      [{ type: 'kill-renderer' }, loadApp],
    ]);
  });

  it('gives a counter page longer', () => {
    const step = nextRecovery(
      initialRecoveryState,
      { type: 'unresponsive', at: 0 },
      recoveryLimits('counter'),
    );
    expect(step.actions).toEqual([{ type: 'start-timer', timer: 'hang', delayMs: 30 * second }]);
  });

  it('leaves a page alone that recovers in time', () => {
    const { steps, state } = run([
      { type: 'unresponsive', at: 0 },
      { type: 'responsive', at: 4 * second },
      { type: 'hang-timer', at: 10 * second }, // a timer that fired while being cancelled
    ]);
    expect(steps.slice(1)).toEqual([[{ type: 'cancel-timer', timer: 'hang' }], []]);
    expect(state.phase).toBe('running');
  });

  it('does not count the report of its own kill as another crash', () => {
    const { steps, state } = run([
      { type: 'unresponsive', at: 0 },
      { type: 'hang-timer', at: 10 * second },
      crash(10 * second + 50, 'killed'),
    ]);
    expect(steps.at(-1)).toEqual([]);
    expect(state.reloadsAt).toEqual([10 * second]);
    expect(state.killedAt).toBeNull();
  });

  it('counts a later kill (by the OS) as a crash again', () => {
    const { steps } = run([
      { type: 'unresponsive', at: 0 },
      { type: 'hang-timer', at: 10 * second },
      crash(40 * second, 'killed'),
    ]);
    expect(steps.at(-1)).toEqual([loadApp]);
  });

  it('stops the hang timer when the hung page crashes by itself', () => {
    const { steps } = run([{ type: 'unresponsive', at: 0 }, crash(second)]);
    expect(steps.at(-1)).toEqual([{ type: 'cancel-timer', timer: 'hang' }, loadApp]);
  });

  it('counts hang reloads in the same rate limit as crashes', () => {
    const { steps } = run([
      crash(0),
      crash(second),
      crash(2 * second),
      { type: 'unresponsive', at: 3 * second },
      { type: 'hang-timer', at: 13 * second },
    ]);
    expect(steps.at(-1)).toEqual([{ type: 'kill-renderer' }, ...outOfService]);
  });

  it('starts one hang timer for repeated unresponsive reports', () => {
    const { steps } = run([
      { type: 'unresponsive', at: 0 },
      { type: 'unresponsive', at: second },
    ]);
    expect(steps[1]).toEqual([]);
  });
});

describe('recovery log lines', () => {
  it('say the reason and the count, nothing of the page', () => {
    const { logs } = run([crash(0), crash(1), crash(2), crash(3)]);
    expect(logs).toEqual([
      'renderer gone (crashed, exit code 11): reloading (1 of 3 within 60 s)',
      'renderer gone (crashed, exit code 11): reloading (2 of 3 within 60 s)',
      'renderer gone (crashed, exit code 11): reloading (3 of 3 within 60 s)',
      'renderer gone (crashed, exit code 11): 3 reloads within 60 s, out of service for 5 min',
    ]);
  });
});
