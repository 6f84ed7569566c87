// Which HID interfaces are scanners to open. A scanner in HID-POS mode exposes an interface on the
// Point of Sale usage page (0x8C); some expose theirs on a vendor page instead, so the settings can
// name scanners by vendor and product id too. A composite device (keyboard + POS) lists one entry per
// interface: of a listed device only its POS interface is taken when it has one, and never its
// keyboard or mouse interface, which the operating system owns and which sends no HID-POS reports.

import type { HidDeviceInfo } from './hid-module.ts';

export const hidPosUsagePage = 0x8c;

export interface VendorProductId {
  vendorId: number;
  productId: number;
}

export type OpenableHidDevice = HidDeviceInfo & { path: string };

const genericDesktopPage = 0x01;
const mouseUsage = 0x02;
const keyboardUsage = 0x06;

const isPos = (device: HidDeviceInfo) => device.usagePage === hidPosUsagePage;
const isKeyboardOrMouse = (device: HidDeviceInfo) =>
  device.usagePage === genericDesktopPage && (device.usage === keyboardUsage || device.usage === mouseUsage);
const sameModel = (a: VendorProductId, b: VendorProductId) =>
  a.vendorId === b.vendorId && a.productId === b.productId;

/** The interfaces to open, each path once, in enumeration order. */
export function selectHidPosDevices(
  devices: readonly HidDeviceInfo[],
  vendorProductIds: readonly VendorProductId[],
): OpenableHidDevice[] {
  const openable = devices.filter((device): device is OpenableHidDevice => Boolean(device.path));
  const selected = openable.filter((device) => {
    if (isPos(device)) return true;
    if (isKeyboardOrMouse(device) || !vendorProductIds.some((listed) => sameModel(listed, device))) {
      return false;
    }
    return !openable.some((other) => isPos(other) && sameModel(other, device));
  });
  const seen = new Set<string>();
  return selected.filter((device) => !seen.has(device.path) && Boolean(seen.add(device.path)));
}
