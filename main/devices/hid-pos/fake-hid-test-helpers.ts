// A node-hid stand-in for tests: devices are plugged and unplugged by the test, an open device is
// an EventEmitter that the test makes send reports or fail, as node-hid's HIDAsync does.
import { EventEmitter } from 'node:events';
import type { HidDeviceHandle, HidDeviceInfo, HidModule } from './hid-module.ts';

export class FakeHidDevice extends EventEmitter implements HidDeviceHandle {
  readonly path: string;
  closed = false;

  constructor(path: string) {
    super();
    this.path = path;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners();
  }

  send(reports: Uint8Array[]): void {
    for (const report of reports) this.emit('data', Buffer.from(report));
  }
}

export class FakeHid implements HidModule {
  plugged: HidDeviceInfo[] = [];
  readonly opened: FakeHidDevice[] = [];
  readonly openFailures = new Map<string, Error>();
  enumerationFailure: Error | null = null;
  enumerations = 0;
  /** When set, opening waits for it: an open still under way. */
  openGate: Promise<void> | null = null;

  readonly HIDAsync = {
    open: async (path: string): Promise<FakeHidDevice> => {
      await this.openGate;
      const failure = this.openFailures.get(path);
      if (failure) throw failure;
      if (!this.plugged.some((device) => device.path === path)) throw new Error(`cannot open device ${path}`);
      const device = new FakeHidDevice(path);
      this.opened.push(device);
      return device;
    },
  };

  async devicesAsync(): Promise<HidDeviceInfo[]> {
    this.enumerations += 1;
    if (this.enumerationFailure) throw this.enumerationFailure;
    return this.plugged.map((device) => ({ ...device }));
  }

  plug(device: Partial<HidDeviceInfo> & { path: string }): void {
    this.plugged.push({ vendorId: 0x0c2e, productId: 0x0b87, interface: 0, ...device });
  }

  /** Removes the device from the list and fails its reads, as a pulled cable does. */
  unplug(path: string): void {
    this.plugged = this.plugged.filter((device) => device.path !== path);
    for (const device of this.opened) {
      if (device.path === path && !device.closed)
        device.emit('error', new Error('could not read from HID device'));
    }
  }

  /** The open (not closed) device at `path`. */
  device(path: string): FakeHidDevice {
    const device = this.opened.findLast((candidate) => candidate.path === path && !candidate.closed);
    if (!device) throw new Error(`no open device at ${path}`);
    return device;
  }
}

export const posScanner = { path: '/dev/hidraw3', usagePage: 0x8c, usage: 0x02, product: 'Honeywell 1950g' };
