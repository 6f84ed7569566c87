import type { ScannerStatus } from '../../../preload/contract/areas/scan.ts';
import type { HidPosDeviceStatus } from '../../devices/hid-pos/hid-pos-device-status.ts';
import { startHidPosScanners, type HidPosScannersOptions } from '../../devices/hid-pos/hid-pos-scanners.ts';
import type { StartHidPosScanners } from './scan-service.ts';

// The HID-POS scanners of main/devices as the scan service sees them: the scanner settings turned
// into the devices' options, their statuses into the contract's, their scans into the pipeline's
// input. A read that gave no text (a garbage report, a cut scan) is logged, not shown as a scan.

export function hidPosConnection(hid?: HidPosScannersOptions['hid']): StartHidPosScanners {
  return ({ scanner, onScan, onStatusChanged }) => {
    const vendorProductIds = [
      ...scanner.hidPosDevices,
      ...(scanner.hidVendorId !== null && scanner.hidProductId !== null
        ? [{ vendorId: scanner.hidVendorId, productId: scanner.hidProductId }]
        : []),
    ];
    const scanners = startHidPosScanners({
      vendorProductIds,
      layout: scanner.hidPosLayout,
      onScan: (scan) =>
        onScan({
          device: scan.device.product ?? usbId(scan.device.vendorId, scan.device.productId),
          text: scan.text,
          bytesHex: scan.bytesHex,
          symbology: scan.symbology,
        }),
      onError: (error) => console.error(`HID-POS read failed: ${error.code}`),
      onDevicesChanged: onStatusChanged,
      ...(hid ? { hid } : {}),
    });
    return {
      status: () => contractStatus(scanners.devices()),
      close: () => scanners.close(),
    };
  };
}

export function contractStatus(statuses: readonly HidPosDeviceStatus[]): ScannerStatus['hidPos'] {
  const unavailable = statuses.find((status) => status.state === 'unavailable');
  if (unavailable) return { enabled: true, available: false, code: unavailable.code, devices: [] };
  return {
    enabled: true,
    available: true,
    code: null,
    devices: statuses.flatMap((status) =>
      status.device === null
        ? []
        : [
            {
              id: status.device.path,
              kind: 'hid-pos' as const,
              name: status.device.product ?? usbId(status.device.vendorId, status.device.productId),
              vendorId: status.device.vendorId,
              productId: status.device.productId,
              state:
                status.state === 'open-failed'
                  ? ('failed' as const)
                  : status.state === 'connected'
                    ? ('connected' as const)
                    : ('disconnected' as const),
              code: status.state === 'connected' ? null : status.code,
            },
          ],
    ),
  };
}

function usbId(vendorId: number, productId: number): string {
  return `${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}`;
}
