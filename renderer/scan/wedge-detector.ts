// Keyboard-wedge scanners "type" the QR payload much faster than a person and end with Enter (or
// Tab). The detector watches characters arriving with their timestamps and reports a burst as a scan
// when, at the terminator, it is long enough and its typical key interval is machine-fast.
//
// The median interval decides, not the slowest one: on a busy PC one key event can be delayed by a
// garbage collection or a repaint, and that must not split a real scan in two. A pause longer than
// `breakGapMs` ends the burst: a person who types a few keys quickly, stops, then types more is
// never mistaken for a scanner.

export interface WedgeDetectorOptions {
  /** A scanner's typical gap between keys is at most this (a person's is 100 ms or more). */
  maxKeyIntervalMs: number;
  /** Shorter bursts are not card scans (the shortest card payload is far longer). */
  minLength: number;
}

export class WedgeDetector {
  readonly #options: WedgeDetectorOptions;
  readonly #breakGapMs: number;
  #text = '';
  #intervals: number[] = [];
  #lastTime = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeDetectorOptions) {
    this.#options = options;
    this.#breakGapMs = Math.max(4 * options.maxKeyIntervalMs, 120);
  }

  /** A printable character (or an inserted string) arrived at `time` (ms). */
  character(text: string, time: number): void {
    const gap = time - this.#lastTime;
    if (gap > this.#breakGapMs) this.reset();
    else if (this.#text.length > 0) this.#intervals.push(gap);
    this.#text += text;
    this.#lastTime = time;
  }

  /** The terminator (Enter or Tab) arrived: returns the scanned text, or null when it was not a scan. */
  terminator(time: number): string | null {
    const gap = time - this.#lastTime;
    const text = this.#text;
    const intervals = this.#intervals;
    this.reset();
    if (gap > this.#breakGapMs || text.length < this.#options.minLength || intervals.length === 0)
      return null;
    return median(intervals) <= this.#options.maxKeyIntervalMs ? text : null;
  }

  reset(): void {
    this.#text = '';
    this.#intervals = [];
    this.#lastTime = Number.NEGATIVE_INFINITY;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
