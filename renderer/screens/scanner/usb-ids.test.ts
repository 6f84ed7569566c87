import { describe, expect, it } from 'vitest';
import { formatUsbIds, parseUsbIds } from './usb-ids.ts';

describe('USB ids typed for extra HID-POS scanners', () => {
  it('reads hex vendor:product pairs separated by commas, spaces or semicolons', () => {
    expect(parseUsbIds('0c2e:0B61, 05e0:1200;1eab:0001')).toEqual([
      { vendorId: 0x0c2e, productId: 0x0b61 },
      { vendorId: 0x05e0, productId: 0x1200 },
      { vendorId: 0x1eab, productId: 0x0001 },
    ]);
    expect(parseUsbIds('')).toEqual([]);
  });

  it('refuses anything else, and writes back what it read', () => {
    expect(parseUsbIds('0c2e-0b61')).toBeNull();
    expect(parseUsbIds('0c2e:0b6')).toBeNull();
    expect(formatUsbIds([{ vendorId: 0x5e0, productId: 0x1200 }])).toBe('05e0:1200');
  });
});
