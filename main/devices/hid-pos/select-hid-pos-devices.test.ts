import { describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from './hid-module.ts';
import { selectHidPosDevices } from './select-hid-pos-devices.ts';

const device = (fields: Partial<HidDeviceInfo>): HidDeviceInfo => ({
  vendorId: 0x05e0,
  productId: 0x1200,
  interface: 0,
  ...fields,
});

const paths = (devices: HidDeviceInfo[]) => devices.map((selected) => selected.path);

describe('selectHidPosDevices', () => {
  it('takes every interface on the HID-POS usage page, whatever its vendor', () => {
    const devices = [
      device({ path: 'pos', usagePage: 0x8c, usage: 0x02, vendorId: 0x1234 }),
      device({ path: 'keyboard', usagePage: 0x01, usage: 0x06 }),
      device({ path: 'vendor', usagePage: 0xff00 }),
      device({ usagePage: 0x8c }), // no path: cannot be opened
    ];
    expect(paths(selectHidPosDevices(devices, []))).toEqual(['pos']);
  });

  it('takes a listed vendor and product id on another usage page, never its keyboard', () => {
    const devices = [
      device({ path: 'keyboard', usagePage: 0x01, usage: 0x06 }),
      device({ path: 'mouse', usagePage: 0x01, usage: 0x02 }),
      device({ path: 'vendor', usagePage: 0xff45, interface: 1 }),
      device({ path: 'other', vendorId: 0x0001, usagePage: 0xff45 }),
    ];
    expect(paths(selectHidPosDevices(devices, [{ vendorId: 0x05e0, productId: 0x1200 }]))).toEqual([
      'vendor',
    ]);
  });

  it('of a listed composite device with a POS interface, takes only that one', () => {
    const devices = [
      device({ path: 'vendor', usagePage: 0xff00, interface: 0 }),
      device({ path: 'pos', usagePage: 0x8c, interface: 1 }),
    ];
    expect(paths(selectHidPosDevices(devices, [{ vendorId: 0x05e0, productId: 0x1200 }]))).toEqual(['pos']);
  });

  it('lists each path once (macOS lists a path per usage)', () => {
    const devices = [
      device({ path: 'pos', usagePage: 0x8c, usage: 1 }),
      device({ path: 'pos', usagePage: 0x8c, usage: 2 }),
    ];
    expect(paths(selectHidPosDevices(devices, []))).toEqual(['pos']);
  });
});
