import type { Settings } from '../../../preload/contract/settings-schema.ts';

// Extra HID-POS scanners are typed as USB vendor:product ids in hex, as `lsusb` and Windows' device
// manager show them: `0c2e:0b61, 05e0:1200`. One parser for the scanner test page and the
// administration screen.

type UsbIds = Settings['scanner']['hidPosDevices'];

export function formatUsbIds(list: UsbIds): string {
  const hex = (id: number) => id.toString(16).padStart(4, '0');
  return list.map(({ vendorId, productId }) => `${hex(vendorId)}:${hex(productId)}`).join(', ');
}

/** The list typed, or null when any part is not `hhhh:hhhh` (separated by commas, spaces or `;`). */
export function parseUsbIds(text: string): UsbIds | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const ids = parts.map((part) => /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(part));
  if (ids.some((match) => match === null)) return null;
  return ids.map((match) => ({
    vendorId: parseInt(match![1] as string, 16),
    productId: parseInt(match![2] as string, 16),
  }));
}
