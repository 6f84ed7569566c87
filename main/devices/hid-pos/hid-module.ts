// The part of node-hid the scanners use, as an interface: tests pass a fake, and the real module
// is loaded only when HID-POS is turned on (it is a native addon that may not load at all).

/** A HID interface as enumerated (node-hid's `Device`). */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  interface: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** An open device (node-hid's `HIDAsync`): input reports arrive as `data` events. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

export interface HidModule {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<HidDeviceHandle> };
}

/** node-hid itself. Rejects when the package cannot be loaded. */
export async function loadNodeHid(): Promise<HidModule> {
  const loaded = await import('node-hid');
  // A CommonJS package: its exports are the default export, and usually named ones as well.
  const hid: HidModule = loaded.default ?? loaded;
  return hid;
}
