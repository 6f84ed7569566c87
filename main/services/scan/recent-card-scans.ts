import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import type { Registration } from '../../core/registration/registration.ts';
import { idNumberKey } from '../../store/lookup-keys.ts';

// When the person's card was scanned at this PC, for the reports' "time from scan to decision"
// (docs/reports.md): every accepted card scan (a CCCD, or a BHYT card) is remembered for a while,
// by the numbers it carries; when an officer decides a registration, the most recent scan whose
// number is the registration's (the ID document's number, or the social-insurance number) within
// `windowMs` is the decision's scan time. Only numbers and instants are kept, in memory, for at
// most the window: nothing of the card reaches the disk this way.

interface RememberedScan {
  at: number;
  numbers: string[];
}

export const scanMatchWindowMs = 30 * 60 * 1000;
const keepAtMost = 200;

export class RecentCardScans {
  readonly #windowMs: number;
  #scans: RememberedScan[] = [];

  constructor(windowMs: number = scanMatchWindowMs) {
    this.#windowMs = windowMs;
  }

  /** A scan the pipeline accepted (a duplicate sighting never gets here). */
  remember(event: Pick<ScanEvent, 'receivedAt' | 'result'>): void {
    const { result } = event;
    if (!result.ok) return;
    const numbers =
      result.kind === 'cccd'
        ? [result.fields.idNumber, result.fields.oldIdNumber].filter((one): one is string => one !== null)
        : [result.fields.socialInsuranceNumber];
    const at = Date.parse(event.receivedAt);
    this.#scans.push({ at, numbers: numbers.map((one) => idNumberKey(one)) });
    this.#forgetBefore(at - this.#windowMs);
    if (this.#scans.length > keepAtMost) this.#scans.splice(0, this.#scans.length - keepAtMost);
  }

  /** ISO time of the latest matching scan within the window before `now`; null when none. */
  lastScanOf(
    registration: Pick<Registration, 'idDocument' | 'socialInsuranceNumber'>,
    now: Date,
  ): string | null {
    const wanted = new Set([
      idNumberKey(registration.idDocument.number),
      idNumberKey(registration.socialInsuranceNumber),
    ]);
    const earliest = now.getTime() - this.#windowMs;
    for (let index = this.#scans.length - 1; index >= 0; index -= 1) {
      const scan = this.#scans[index]!;
      if (scan.at > now.getTime()) continue;
      if (scan.at < earliest) break;
      if (scan.numbers.some((number) => wanted.has(number))) return new Date(scan.at).toISOString();
    }
    return null;
  }

  #forgetBefore(cutoff: number): void {
    const firstKept = this.#scans.findIndex((scan) => scan.at >= cutoff);
    if (firstKept > 0) this.#scans.splice(0, firstKept);
    if (firstKept === -1) this.#scans = [];
  }
}
