// Keyboard-wedge scanners "type" the QR payload far faster than a person: a few milliseconds
// between keys, usually ending with Enter or Tab. The recognizer watches the characters as they
// arrive (with their event timestamps) and decides, as early as the second character, whether a
// burst has started — so that the page can stop the keystrokes from landing in a focused input.
//
// - A burst starts when two characters arrive at most `maxKeyIntervalMs` apart.
// - It goes on while characters keep coming; a pause (4× the interval, or `idleEndMs` if shorter)
//   ends it, and so does the Enter/Tab suffix — the pause is the end for scanners set to send no
//   suffix (the caller's timer calls `expire`).
// - It is given up at once when most of its intervals are slow: a person's key rollover started
//   it, and their next keys must reach the input without waiting for a pause.
// - At its end it is a scan when it is long enough and its *median* interval is machine-fast: on a
//   busy PC one key can be delayed by a garbage collection or a repaint, and that must not split a
//   real scan. Otherwise it was a person typing fast, and the caller gives the characters back to
//   the input they were meant for.

export interface WedgeRecognizerOptions {
  /** A scanner's typical gap between keys is at most this (a person's is 100 ms or more). */
  maxKeyIntervalMs: number;
  /** Shorter bursts (e.g. a barcode on a form) are not card scans. */
  minLength: number;
  /** A burst without a suffix ends after this pause. */
  idleEndMs: number;
}

/** What the caller does with the character it just reported. */
export type KeyVerdict =
  /** Let it through: not (yet) part of a burst. */
  | { verdict: 'pass' }
  /** A burst has just started: swallow this character and take back the one let through before. */
  | { verdict: 'burst-started' }
  /** Part of the burst: swallow it. */
  | { verdict: 'captured' }
  /** The burst was a person after all: swallow it, and give `text` (this character included) back. */
  | { verdict: 'released'; text: string };

export type BurstEnd =
  | { kind: 'scan'; text: string }
  /** A person typing fast: give these characters back to the input. */
  | { kind: 'not-a-scan'; text: string };

interface Burst {
  text: string;
  intervals: number[];
  /** Intervals longer than a scanner's. */
  slow: number;
  lastTime: number;
}

export class WedgeRecognizer {
  readonly #options: WedgeRecognizerOptions;
  /** The pause that ends a burst. */
  readonly #endGapMs: number;
  /** The last character let through, which may turn out to be the first of a burst. */
  #candidate: { text: string; time: number } | null = null;
  #burst: Burst | null = null;

  constructor(options: WedgeRecognizerOptions) {
    this.#options = options;
    this.#endGapMs = Math.min(Math.max(4 * options.maxKeyIntervalMs, 120), options.idleEndMs);
  }

  get inBurst(): boolean {
    return this.#burst !== null;
  }

  /**
   * A printable character (or an inserted string) arrived at `time` (ms). When it ends a burst by
   * its lateness, the caller first gets that burst's end from `expire(time)`.
   */
  character(text: string, time: number): KeyVerdict {
    const burst = this.#burst;
    if (burst) {
      const interval = time - burst.lastTime;
      burst.intervals.push(interval);
      if (interval > this.#options.maxKeyIntervalMs) burst.slow += 1;
      burst.text += text;
      burst.lastTime = time;
      if (burst.slow * 2 > burst.intervals.length) {
        this.#burst = null;
        return { verdict: 'released', text: burst.text };
      }
      return { verdict: 'captured' };
    }
    const candidate = this.#candidate;
    if (candidate && time - candidate.time <= this.#options.maxKeyIntervalMs) {
      this.#burst = {
        text: candidate.text + text,
        intervals: [time - candidate.time],
        slow: 0,
        lastTime: time,
      };
      this.#candidate = null;
      return { verdict: 'burst-started' };
    }
    this.#candidate = { text, time };
    return { verdict: 'pass' };
  }

  /**
   * Ends the burst if nothing came for too long: call it before `character` (with the new
   * character's time) and from an idle timer. Null while the burst goes on (or there is none).
   */
  expire(time: number): BurstEnd | null {
    const burst = this.#burst;
    if (!burst) return null;
    return time - burst.lastTime >= this.#endGapMs ? this.#finish() : null;
  }

  /** The Enter/Tab suffix: ends the burst (null when there is none: the key is the page's). */
  terminator(): BurstEnd | null {
    this.#candidate = null;
    return this.#burst ? this.#finish() : null;
  }

  /** When the idle end falls (ms, on the events' clock), for the caller's timer; null without a burst. */
  idleDeadline(): number | null {
    return this.#burst ? this.#burst.lastTime + this.#endGapMs : null;
  }

  reset(): void {
    this.#candidate = null;
    this.#burst = null;
  }

  #finish(): BurstEnd {
    const burst = this.#burst as Burst;
    this.#burst = null;
    const fast = median(burst.intervals) <= this.#options.maxKeyIntervalMs;
    return fast && burst.text.length >= this.#options.minLength
      ? { kind: 'scan', text: burst.text }
      : { kind: 'not-a-scan', text: burst.text };
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
