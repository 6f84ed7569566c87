// Turns the input reports of one HID-POS scanner into scans. A scan longer than one report comes as
// several reports, each but the last flagged "more follow"; their data is joined first and decoded
// as UTF-8 once, because a Vietnamese letter (2–3 bytes) is often split between two reports.
//
// The reports are untrusted (a flaky cable, a scanner in the wrong mode), so `push` never throws:
// a bad report gives an error outcome and the assembler is ready for the next scan. A report that
// spoils a scan in progress drops that scan (its error is the one reported) and, when its own
// "more follow" flag can be read, the rest of that scan's reports are dropped silently up to its
// last report (or a report with another AIM id, or a pause), so that a tail is never decoded as a
// scan of its own. A report with a different AIM id than the scan in progress starts a new scan:
// the old one is reported `truncated-scan`. An empty scan (one report of length 0) is an empty text.
// Scans from a person are seconds apart while the reports of one scan are milliseconds apart, so a
// gap longer than `maxGapMs` abandons whatever was in progress.

import { symbologyName } from './aim-symbology.ts';
import { hidPosError, type HidPosError, type HidPosErrorCode } from './hid-pos-errors.ts';
import {
  continuationBit,
  decodeCapacity,
  detectLayout,
  flagsOffset,
  hidPosReportId,
  hidPosReportSize,
  isAimAt,
  isNoAimAt,
  layoutDefinitions,
  lengthOffset,
  type HidPosLayout,
  type HidPosLayoutOption,
} from './hid-pos-layouts.ts';

export interface HidPosScan {
  readonly kind: 'scan';
  readonly layout: HidPosLayout;
  /** The AIM symbology id (`]Q1`), null when the layout or the scanner sends none. */
  readonly symbology: string | null;
  /** A readable name of the symbology (`QR Code`), null when unknown. */
  readonly symbologyName: string | null;
  readonly bytes: Uint8Array;
  readonly text: string;
}

export type HidPosOutcome = HidPosScan | HidPosError;

export interface HidPosAssemblerOptions {
  layout: HidPosLayoutOption;
  /** Longest pause between two reports of one scan; default 300 ms. */
  maxGapMs?: number;
  /** Longest scan accepted; default 8192 bytes (twice the ID parser's limit). */
  maxScanBytes?: number;
}

export const defaultMaxGapMs = 300;
export const defaultMaxScanBytes = 8192;

interface Progress {
  layout: HidPosLayout;
  symbology: string | null;
  chunks: Uint8Array[];
  length: number;
}

/** A spoiled scan whose remaining reports are being dropped. */
interface Discard {
  layout: HidPosLayout;
  symbology: string | null;
}

// ignoreBOM keeps a leading U+FEFF as read: the decoded text is exactly what was sent.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const none: readonly HidPosOutcome[] = Object.freeze([]);

export class HidPosAssembler {
  readonly #layout: HidPosLayoutOption;
  readonly #maxGapMs: number;
  readonly #maxScanBytes: number;
  #scan: Progress | null = null;
  #discard: Discard | null = null;
  #lastAt = 0;

  constructor(options: HidPosAssemblerOptions) {
    this.#layout = options.layout;
    this.#maxGapMs = options.maxGapMs ?? defaultMaxGapMs;
    this.#maxScanBytes = options.maxScanBytes ?? defaultMaxScanBytes;
  }

  /** When an unfinished scan will be abandoned (ms, the clock of `push`), or null when none is. */
  get deadline(): number | null {
    return this.#scan || this.#discard ? this.#lastAt + this.#maxGapMs : null;
  }

  /** One input report as node-hid delivers it (report id at byte 0), received at `at` ms. */
  push(report: Uint8Array, at: number): readonly HidPosOutcome[] {
    const expired = this.expire(at);
    const outcomes = this.#accept(report, at);
    return expired.length === 0 ? outcomes : [...expired, ...outcomes];
  }

  /** Abandons a scan that has waited longer than `maxGapMs` for its next report. */
  expire(now: number): readonly HidPosOutcome[] {
    const deadline = this.deadline;
    return deadline !== null && now > deadline ? this.end() : none;
  }

  /** Abandons any unfinished scan: the input ended or the device went away. */
  end(): readonly HidPosOutcome[] {
    const unfinished = this.#scan !== null;
    this.#scan = null;
    this.#discard = null;
    return unfinished ? [hidPosError('truncated-scan')] : none;
  }

  #accept(report: Uint8Array, at: number): readonly HidPosOutcome[] {
    // Another report of the device (a status, a keyboard report): not part of any scan.
    if (report.length > 0 && report[0] !== hidPosReportId) return [hidPosError('bad-report-id')];
    this.#lastAt = at;
    // Its "more follow" flag cannot be trusted, so nothing after it is dropped.
    if (report.length !== hidPosReportSize) return this.#spoil('bad-report-size', false, 'plain', null);

    const more = ((report[flagsOffset] as number) & continuationBit) !== 0;
    const layout = this.#scan?.layout ?? this.#discard?.layout ?? this.#layoutOf(report);
    const definition = layoutDefinitions[layout];
    const aimOffset = definition.aimOffset;
    const symbology =
      aimOffset !== null && isAimAt(report, aimOffset)
        ? String.fromCharCode(...report.subarray(aimOffset, aimOffset + 3))
        : null;
    if (this.#discard) {
      // Only a known, different AIM id tells a new scan from the rest of the spoiled one.
      const known = this.#discard.symbology;
      if (symbology === null || known === null || symbology === known) {
        if (!more) this.#discard = null;
        return none;
      }
      this.#discard = null;
    }
    if (
      (definition.zeroOffset !== null && report[definition.zeroOffset] !== 0) ||
      (aimOffset !== null && symbology === null && !isNoAimAt(report, aimOffset))
    ) {
      return this.#spoil('layout-mismatch', more, layout, null);
    }
    const length = report[lengthOffset] as number;
    if (length > decodeCapacity(layout)) return this.#spoil('bad-length', more, layout, symbology);

    const outcomes =
      this.#scan && symbology !== null && symbology !== this.#scan.symbology ? this.end() : none;
    const scan = (this.#scan ??= { layout, symbology, chunks: [], length: 0 });
    // Copied: node-hid (and a test) may reuse the report's memory.
    scan.chunks.push(report.slice(definition.dataOffset, definition.dataOffset + length));
    scan.length += length;
    if (scan.length > this.#maxScanBytes)
      return [...outcomes, ...this.#spoil('scan-too-long', more, layout, symbology)];
    if (more) return outcomes;
    this.#scan = null;
    return [...outcomes, complete(scan)];
  }

  #layoutOf(report: Uint8Array): HidPosLayout {
    return this.#layout === 'auto' ? detectLayout(report) : this.#layout;
  }

  /**
   * Drops the scan in progress (or the one `report` began); with `more`, also the reports still to
   * come of that scan. `layout` and `symbology` are the spoiling report's, used when it began one.
   */
  #spoil(
    code: HidPosErrorCode,
    more: boolean,
    layout: HidPosLayout,
    symbology: string | null,
  ): readonly HidPosOutcome[] {
    const spoiled = this.#scan ?? this.#discard ?? { layout, symbology };
    this.#scan = null;
    this.#discard = more ? { layout: spoiled.layout, symbology: spoiled.symbology } : null;
    return [hidPosError(code)];
  }
}

function complete(scan: Progress): HidPosOutcome {
  const bytes = new Uint8Array(scan.length);
  let offset = 0;
  for (const chunk of scan.chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return hidPosError('bad-utf8');
  }
  return Object.freeze({
    kind: 'scan',
    layout: scan.layout,
    symbology: scan.symbology,
    symbologyName: symbologyName(scan.symbology),
    bytes,
    text,
  });
}
