// The HID-POS scanners plugged into this PC, read through node-hid without ever blocking the event
// loop (devicesAsync, HIDAsync). Scanners get unplugged and plugged back during a working day: a
// read error closes that device and marks it disconnected, and the enumeration repeated every
// `rescanMs` opens it again when it is back, so the counter never needs a restart. Where node-hid
// cannot work at all (no hidraw or libusb, no permission), that is said once, as a status, and
// nothing is thrown: the other scanner sources go on working.

import { HidPosAssembler, type HidPosOutcome } from './hid-pos-assembler.ts';
import type { HidPosErrorCode } from './hid-pos-errors.ts';
import type { HidPosLayout, HidPosLayoutOption } from './hid-pos-layouts.ts';
import { loadNodeHid, type HidDeviceHandle, type HidDeviceInfo, type HidModule } from './hid-module.ts';
import {
  hidPosDeviceProblemMessages,
  sameStatus,
  type HidPosDevice,
  type HidPosDeviceStatus,
} from './hid-pos-device-status.ts';
import {
  selectHidPosDevices,
  type OpenableHidDevice,
  type VendorProductId,
} from './select-hid-pos-devices.ts';

export interface HidPosScanEvent {
  device: HidPosDevice;
  layout: HidPosLayout;
  symbology: string | null;
  symbologyName: string | null;
  text: string;
  /** The scan's bytes as read, for support when a text looks wrong. */
  bytesHex: string;
  receivedAt: string;
}

export interface HidPosScanError {
  device: HidPosDevice;
  code: HidPosErrorCode;
  message: string;
  receivedAt: string;
}

export interface HidPosScannersOptions {
  /** Scanners to open besides those on the HID-POS usage page (settings' hidVendorId/hidProductId). */
  vendorProductIds?: readonly VendorProductId[];
  layout: HidPosLayoutOption;
  /** Longest pause between two reports of one scan; see HidPosAssembler. */
  maxGapMs?: number;
  /** A scan with text; an empty read is no card and is not reported. */
  onScan(scan: HidPosScanEvent): void;
  /** A read that gave no text (garbage report, cut scan, not UTF-8). */
  onError?(error: HidPosScanError): void;
  /** The statuses changed (not called when a rescan finds everything as it was). */
  onDevicesChanged?(devices: HidPosDeviceStatus[]): void;
  /** How often to look for scanners plugged in or back; default 2000 ms. */
  rescanMs?: number;
  /** node-hid, or what loads it; a fake in tests. Default: `import('node-hid')` on start. */
  hid?: HidModule | (() => Promise<HidModule>);
}

export interface HidPosScanners {
  /** Every scanner seen since start, or the one `unavailable` status. */
  devices(): HidPosDeviceStatus[];
  /** Looks for scanners now (also after the rescan timer); resolves once opening is done. */
  rescan(): Promise<void>;
  /** Stops the timers and closes every device. Nothing is reported afterwards. */
  close(): Promise<void>;
}

export const defaultRescanMs = 2000;

interface Entry {
  info: OpenableHidDevice;
  device: HidPosDevice;
  status: HidPosDeviceStatus | null;
  handle: HidDeviceHandle | null;
  opening: boolean;
  assembler: HidPosAssembler;
  gapTimer: ReturnType<typeof setTimeout> | null;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function scannerDevice(info: OpenableHidDevice): HidPosDevice {
  return {
    path: info.path,
    vendorId: info.vendorId,
    productId: info.productId,
    product: info.product || null,
  };
}

/** The same physical interface, possibly on a new path after a replug. */
function sameInterface(a: HidDeviceInfo, b: HidDeviceInfo): boolean {
  return (
    a.vendorId === b.vendorId &&
    a.productId === b.productId &&
    a.interface === b.interface &&
    (a.serialNumber || null) === (b.serialNumber || null)
  );
}

async function closeQuietly(handle: HidDeviceHandle): Promise<void> {
  try {
    await handle.close();
  } catch {
    // Closing a device that is already gone fails; it is closed all the same.
  }
}

class ScannerPool {
  readonly #options: HidPosScannersOptions;
  readonly #entries: Entry[] = [];
  #hid: HidModule | null = null;
  /** node-hid did not load: nothing will ever be found, so there is no more rescanning. */
  #gaveUp = false;
  #unavailable: HidPosDeviceStatus | null = null;
  #closed = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  /** Statuses changed during an enumeration: reported once at its end. */
  #batching = false;
  #dirty = false;

  constructor(options: HidPosScannersOptions) {
    this.#options = options;
  }

  statuses(): HidPosDeviceStatus[] {
    const statuses = this.#entries.flatMap((entry) => (entry.status ? [entry.status] : []));
    return this.#unavailable ? [this.#unavailable, ...statuses] : statuses;
  }

  rescan(): Promise<void> {
    if (this.#closed || this.#gaveUp) return Promise.resolve();
    this.#running ??= this.#enumerate()
      .catch((error: unknown) => console.error('HID-POS rescan failed', error))
      .finally(() => {
        this.#running = null;
        this.#schedule();
      });
    return this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
    await Promise.all(
      this.#entries.map((entry) => {
        this.#stopGapTimer(entry);
        const handle = entry.handle;
        entry.handle = null;
        return handle ? closeQuietly(handle) : undefined;
      }),
    );
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#closed || this.#gaveUp) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.rescan();
    }, this.#options.rescanMs ?? defaultRescanMs);
    // Looking for scanners is no reason to keep a process alive.
    this.#timer.unref?.();
  }

  async #enumerate(): Promise<void> {
    this.#batching = true;
    try {
      const hid = await this.#module();
      if (!hid || this.#closed) return;
      let infos: HidDeviceInfo[];
      try {
        infos = await hid.devicesAsync();
      } catch (error) {
        this.#setUnavailable(reasonOf(error));
        return;
      }
      if (this.#closed) return;
      if (this.#unavailable) {
        this.#unavailable = null;
        this.#changed();
      }
      const present = this.#match(selectHidPosDevices(infos, this.#options.vendorProductIds ?? []));
      for (const entry of this.#entries) {
        if (present.has(entry)) continue;
        if (entry.handle) this.#lose(entry, entry.handle, null);
        else if (entry.status && entry.status.state !== 'disconnected')
          this.#setStatus(entry, 'device-lost', null);
      }
      await Promise.all(
        [...present]
          .filter((entry) => !entry.handle && !entry.opening)
          .map((entry) => this.#open(hid, entry)),
      );
    } finally {
      this.#batching = false;
      if (this.#dirty) this.#notify();
    }
  }

  async #module(): Promise<HidModule | null> {
    if (this.#hid) return this.#hid;
    const source = this.#options.hid ?? loadNodeHid;
    try {
      this.#hid = typeof source === 'function' ? await source() : source;
      return this.#hid;
    } catch (error) {
      this.#gaveUp = true;
      this.#setUnavailable(reasonOf(error));
      return null;
    }
  }

  /** The entries of the listed devices, new ones added; a replugged device keeps its entry. */
  #match(infos: OpenableHidDevice[]): Set<Entry> {
    const present = new Set<Entry>();
    for (const info of infos) {
      let entry =
        this.#entries.find((candidate) => candidate.info.path === info.path) ??
        this.#entries.find(
          (candidate) =>
            !present.has(candidate) &&
            !candidate.handle &&
            !candidate.opening &&
            sameInterface(candidate.info, info),
        );
      if (!entry) {
        entry = {
          info,
          device: scannerDevice(info),
          status: null,
          handle: null,
          opening: false,
          assembler: this.#assembler(),
          gapTimer: null,
        };
        this.#entries.push(entry);
      } else if (!entry.handle && !entry.opening) {
        entry.info = info;
        entry.device = scannerDevice(info);
      }
      present.add(entry);
    }
    return present;
  }

  #assembler(): HidPosAssembler {
    const { layout, maxGapMs } = this.#options;
    return new HidPosAssembler(maxGapMs === undefined ? { layout } : { layout, maxGapMs });
  }

  async #open(hid: HidModule, entry: Entry): Promise<void> {
    entry.opening = true;
    let handle: HidDeviceHandle;
    try {
      handle = await hid.HIDAsync.open(entry.info.path);
    } catch (error) {
      if (!this.#closed) this.#setStatus(entry, 'open-failed', reasonOf(error));
      return;
    } finally {
      entry.opening = false;
    }
    if (this.#closed) {
      await closeQuietly(handle);
      return;
    }
    entry.handle = handle;
    entry.assembler = this.#assembler();
    handle.on('data', (report) => this.#onReport(entry, handle, report));
    handle.on('error', (error) => this.#lose(entry, handle, reasonOf(error)));
    this.#setStatus(entry, 'connected', null);
  }

  /** The device went away (read error, or no longer listed): closed now, reopened when it is back. */
  #lose(entry: Entry, handle: HidDeviceHandle, reason: string | null): void {
    if (entry.handle !== handle) return;
    entry.handle = null;
    this.#stopGapTimer(entry);
    const cut = entry.assembler.end();
    void closeQuietly(handle);
    if (this.#closed) return;
    this.#deliver(entry, cut, Date.now());
    this.#setStatus(entry, 'device-lost', reason);
  }

  #onReport(entry: Entry, handle: HidDeviceHandle, report: Uint8Array): void {
    if (entry.handle !== handle || this.#closed) return;
    const at = Date.now();
    this.#deliver(entry, entry.assembler.push(report, at), at);
    this.#armGapTimer(entry);
  }

  /** Reports a scan cut short even when its device sends nothing more. */
  #armGapTimer(entry: Entry): void {
    this.#stopGapTimer(entry);
    const deadline = entry.assembler.deadline;
    if (deadline === null) return;
    entry.gapTimer = setTimeout(
      () => {
        entry.gapTimer = null;
        const now = Date.now();
        this.#deliver(entry, entry.assembler.expire(now), now);
        this.#armGapTimer(entry);
      },
      Math.max(0, deadline - Date.now()) + 1,
    );
    entry.gapTimer.unref?.();
  }

  #stopGapTimer(entry: Entry): void {
    if (entry.gapTimer) clearTimeout(entry.gapTimer);
    entry.gapTimer = null;
  }

  #deliver(entry: Entry, outcomes: readonly HidPosOutcome[], at: number): void {
    if (outcomes.length === 0) return;
    const receivedAt = new Date(at).toISOString();
    for (const outcome of outcomes) {
      // A failing listener must not look like a failing device: node-hid would turn the exception
      // into an `error` event and the scanner would be closed.
      try {
        if (outcome.kind === 'error') {
          const { code, message } = outcome;
          this.#options.onError?.({ device: entry.device, code, message, receivedAt });
        } else if (outcome.text.length > 0) {
          this.#options.onScan({
            device: entry.device,
            layout: outcome.layout,
            symbology: outcome.symbology,
            symbologyName: outcome.symbologyName,
            text: outcome.text,
            bytesHex: Buffer.from(outcome.bytes).toString('hex'),
            receivedAt,
          });
        }
      } catch (error) {
        console.error('HID-POS scan listener failed', error);
      }
    }
  }

  #setStatus(entry: Entry, state: 'connected' | 'device-lost' | 'open-failed', reason: string | null): void {
    const since = new Date().toISOString();
    const device = entry.device;
    const status: HidPosDeviceStatus =
      state === 'connected'
        ? { state, device, since }
        : state === 'open-failed'
          ? { state, device, code: state, message: hidPosDeviceProblemMessages[state], reason, since }
          : {
              state: 'disconnected',
              device,
              code: state,
              message: hidPosDeviceProblemMessages[state],
              reason,
              since,
            };
    if (entry.status && sameStatus(entry.status, status)) return;
    entry.status = Object.freeze(status);
    this.#changed();
  }

  /** Said once: a rescan that fails the same way again changes nothing. */
  #setUnavailable(reason: string): void {
    if (this.#unavailable) return;
    const code = 'hid-unavailable';
    const since = new Date().toISOString();
    this.#unavailable = Object.freeze({
      state: 'unavailable',
      device: null,
      code,
      message: hidPosDeviceProblemMessages[code],
      reason,
      since,
    } as const);
    this.#changed();
  }

  #changed(): void {
    if (this.#batching) this.#dirty = true;
    else this.#notify();
  }

  #notify(): void {
    this.#dirty = false;
    if (this.#closed) return;
    try {
      this.#options.onDevicesChanged?.(this.statuses());
    } catch (error) {
      console.error('HID-POS status listener failed', error);
    }
  }
}

/** Opens every HID-POS scanner now and as they are plugged in; see HidPosScannersOptions. */
export function startHidPosScanners(options: HidPosScannersOptions): HidPosScanners {
  const pool = new ScannerPool(options);
  void pool.rescan();
  return { devices: () => pool.statuses(), rescan: () => pool.rescan(), close: () => pool.close() };
}
