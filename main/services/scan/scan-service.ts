import type { ScanEvent, ScannerStatus } from '../../../preload/contract/areas/scan.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import type { Registration } from '../../core/registration/registration.ts';
import { RecentCardScans } from './recent-card-scans.ts';
import { ScanPipeline, type ScanInput } from './scan-pipeline.ts';

// The scan area of the backend: the one pipeline every source feeds (scan-pipeline.ts), and the
// HID-POS scanners attached to this PC, started, watched and restarted when their settings change.

/** What the HID-POS side looks like from here (main/devices/hid-pos provides it). */
export interface HidPosScannersHandle {
  status(): ScannerStatus['hidPos'];
  close(): Promise<void> | void;
}

export type StartHidPosScanners = (options: {
  scanner: Settings['scanner'];
  onScan: (scan: Required<Pick<ScanInput, 'device' | 'text' | 'bytesHex' | 'symbology'>>) => void;
  onStatusChanged: () => void;
}) => HidPosScannersHandle;

export interface ScanServiceOptions {
  now: () => Date;
  settings: () => Settings;
  diagnoseWedge: (text: string) => ScanEvent['damage'];
  emitScan: (event: ScanEvent) => void;
  emitStatus: (status: ScannerStatus) => void;
  startHidPos: StartHidPosScanners;
}

export class ScanService {
  readonly #options: ScanServiceOptions;
  readonly #pipeline: ScanPipeline;
  readonly #recentCards = new RecentCardScans();
  #hidPos: HidPosScannersHandle | null = null;
  #hidSettings = '';

  constructor(options: ScanServiceOptions) {
    this.#options = options;
    this.#pipeline = new ScanPipeline({
      now: options.now,
      dedupeWindowMs: () => options.settings().scanner.dedupeWindowMs,
      diagnoseWedge: options.diagnoseWedge,
      emit: (event) => {
        this.#recentCards.remember(event);
        options.emitScan(event);
        options.emitStatus(this.status());
      },
    });
    this.reconfigure();
  }

  submit(input: ScanInput): { scanId: string; duplicate: boolean } {
    return this.#pipeline.accept(input);
  }

  /**
   * When this person's card was last scanned at this PC, within the last 30 minutes (the reports'
   * scan-to-decision time); null when it was not.
   */
  lastCardScanOf(registration: Pick<Registration, 'idDocument' | 'socialInsuranceNumber'>): string | null {
    return this.#recentCards.lastScanOf(registration, this.#options.now());
  }

  status(): ScannerStatus {
    const scanner = this.#options.settings().scanner;
    return {
      hidPos: this.#hidPos?.status() ?? {
        enabled: scanner.hidPosEnabled,
        available: true,
        code: null,
        devices: [],
      },
      lastScanAt: this.#pipeline.lastScanAt,
    };
  }

  /** The scanner settings may have changed: HID-POS restarts when its own settings did. */
  reconfigure(): void {
    const scanner = this.#options.settings().scanner;
    const hidSettings = JSON.stringify([
      scanner.hidPosEnabled,
      scanner.hidPosLayout,
      scanner.hidPosDevices,
      scanner.hidVendorId,
      scanner.hidProductId,
    ]);
    if (hidSettings === this.#hidSettings) return;
    this.#hidSettings = hidSettings;
    void this.#hidPos?.close();
    this.#hidPos = null;
    if (scanner.hidPosEnabled) {
      this.#hidPos = this.#options.startHidPos({
        scanner,
        onScan: (scan) => this.#pipeline.accept({ source: 'hid-pos', ...scan }),
        onStatusChanged: () => this.#options.emitStatus(this.status()),
      });
    }
    this.#options.emitStatus(this.status());
  }

  async close(): Promise<void> {
    await this.#hidPos?.close();
    this.#hidPos = null;
  }
}
