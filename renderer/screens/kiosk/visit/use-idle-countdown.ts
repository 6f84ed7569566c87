import { useCallback, useEffect, useRef, useState } from 'react';

// The kiosk forgets a visit nobody touches: after `timeoutSeconds - warningSeconds` without input
// it warns (the seconds left, counted down), and at `timeoutSeconds` it calls `onTimeout`. Any key,
// touch, wheel or scan counts as input. While the warning shows, a touch does not count by itself:
// the warning closes only through its own button (or a tap on it), so that the tap that answers
// "I'm still here" can never land on the button beneath it.

const tickMs = 250;
/** How often, at most, the backend hears that the citizen is still there (kiosk.activity). */
export const activityReportMs = 15_000;
const pointerEvents = ['pointerdown', 'touchstart', 'wheel'] as const;

export function useIdleCountdown({
  timeoutSeconds,
  warningSeconds,
  onTimeout,
  onActivity,
}: {
  timeoutSeconds: number;
  warningSeconds: number;
  onTimeout(): void;
  /** Input happened since the last report (at most every `activityReportMs`). */
  onActivity?(): void;
}): { secondsLeft: number | null; keepAlive(): void } {
  const lastInput = useRef(0);
  const lastReport = useRef(0);
  const active = useRef(onActivity);
  useEffect(() => {
    active.current = onActivity;
  }, [onActivity]);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const warning = useRef(false);
  const timedOut = useRef(onTimeout);
  useEffect(() => {
    timedOut.current = onTimeout;
  }, [onTimeout]);

  const keepAlive = useCallback(() => {
    lastInput.current = Date.now();
    warning.current = false;
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    const onPointer = () => {
      if (!warning.current) lastInput.current = Date.now();
    };
    for (const name of pointerEvents)
      window.addEventListener(name, onPointer, { capture: true, passive: true });
    window.addEventListener('keydown', keepAlive, true);
    lastInput.current = Date.now();
    lastReport.current = Date.now();
    let fired = false;
    const timer = setInterval(() => {
      if (fired) return;
      const now = Date.now();
      // The backend keeps its own copy of the visit only while it hears from the page.
      if (lastInput.current > lastReport.current && now - lastReport.current >= activityReportMs) {
        lastReport.current = now;
        active.current?.();
      }
      const idleMs = now - lastInput.current;
      if (idleMs >= timeoutSeconds * 1000) {
        fired = true;
        timedOut.current();
        return;
      }
      const warn = idleMs >= (timeoutSeconds - warningSeconds) * 1000;
      warning.current = warn;
      setSecondsLeft(warn ? Math.ceil((timeoutSeconds * 1000 - idleMs) / 1000) : null);
    }, tickMs);
    return () => {
      clearInterval(timer);
      for (const name of pointerEvents) window.removeEventListener(name, onPointer, { capture: true });
      window.removeEventListener('keydown', keepAlive, true);
    };
  }, [timeoutSeconds, warningSeconds, keepAlive]);

  return { secondsLeft, keepAlive };
}
