import { randomUUID } from 'node:crypto';
import type { ScanEvent, ScanSource } from '../../../preload/contract/areas/scan.ts';
import { parseIdPayload } from '../../core/id-card/parse-id-payload.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import { scanSignature } from './scan-signature.ts';

// One pipeline for every scan source (ARCHITECTURE.md; issue "Scanner input"). Each sighting is
// parsed and sent to the screens once. A scanner that is both HID-POS and keyboard delivers the same
// physical scan twice, a few hundred milliseconds apart (typing takes longer): the second sighting,
// from another source, within the dedupe window, is dropped — except that an exact source (HID-POS,
// camera) still goes through after a keyboard-wedge sighting that was damaged, so the good text wins.
// Rescanning with the same source is always a new scan (the officer meant it).

export interface ScanInput {
  source: ScanSource;
  device: string | null;
  text: string;
  bytesHex?: string | null;
  symbology?: string | null;
}

export interface ScanPipelineOptions {
  now: () => Date;
  dedupeWindowMs: () => number;
  /** Damage a keyboard layout or an input method did to a wedge scan's text (null: none). */
  diagnoseWedge: (text: string) => ScanEvent['damage'];
  emit: (event: ScanEvent) => void;
}

interface Sighting {
  scanId: string;
  source: ScanSource;
  at: number;
  damaged: boolean;
}

export class ScanPipeline {
  readonly #options: ScanPipelineOptions;
  readonly #recent = new Map<string, Sighting>();
  #lastScanAt: string | null = null;

  constructor(options: ScanPipelineOptions) {
    this.#options = options;
  }

  get lastScanAt(): string | null {
    return this.#lastScanAt;
  }

  accept(input: ScanInput): { scanId: string; duplicate: boolean } {
    const now = this.#options.now();
    const at = now.getTime();
    this.#forgetOlderThan(at - this.#options.dedupeWindowMs());
    const signature = scanSignature(input.text);
    const earlier = this.#recent.get(signature);
    if (earlier && this.#isSecondSighting(earlier, input.source)) {
      return { scanId: earlier.scanId, duplicate: true };
    }
    const damage = input.source === 'keyboard-wedge' ? this.#options.diagnoseWedge(input.text) : null;
    const result = parseIdPayload(input.text, { today: vietnamDay(now) });
    const damaged =
      damage !== null || (result.ok && result.warnings.some((w) => w.code === 'lost-diacritics'));
    const scanId = randomUUID();
    this.#recent.set(signature, { scanId, source: input.source, at, damaged });
    this.#lastScanAt = now.toISOString();
    this.#options.emit({
      scanId,
      source: input.source,
      device: input.device,
      receivedAt: now.toISOString(),
      raw: input.text,
      bytesHex: input.bytesHex ?? null,
      symbology: input.symbology ?? null,
      result,
      damage,
    });
    return { scanId, duplicate: false };
  }

  #isSecondSighting(earlier: Sighting, source: ScanSource): boolean {
    if (earlier.source === source) return false;
    return !(earlier.damaged && earlier.source === 'keyboard-wedge');
  }

  #forgetOlderThan(cutoff: number): void {
    for (const [signature, sighting] of this.#recent) {
      if (sighting.at < cutoff) this.#recent.delete(signature);
    }
  }
}
