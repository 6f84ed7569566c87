// What the diagnostics screen and the logs say about each HID-POS scanner. Codes are stable; the
// messages are the default Vietnamese wording and say what the officer can do about it.

export interface HidPosDevice {
  path: string;
  vendorId: number;
  productId: number;
  product: string | null;
}

export type HidPosDeviceProblemCode = 'device-lost' | 'open-failed' | 'hid-unavailable';

export type HidPosDeviceStatus =
  | { state: 'connected'; device: HidPosDevice; since: string }
  | DeviceProblem<'disconnected', 'device-lost', HidPosDevice>
  | DeviceProblem<'open-failed', 'open-failed', HidPosDevice>
  /** node-hid did not load or cannot list devices here: no scanner can be read at all. */
  | DeviceProblem<'unavailable', 'hid-unavailable', null>;

interface DeviceProblem<State extends string, Code extends HidPosDeviceProblemCode, Device> {
  state: State;
  device: Device;
  code: Code;
  message: string;
  /** The system's own words (an error message), for support; null when there are none. */
  reason: string | null;
  since: string;
}

export const hidPosDeviceProblemMessages: Readonly<Record<HidPosDeviceProblemCode, string>> = {
  'device-lost':
    'Máy quét HID-POS đã bị rút ra hoặc mất kết nối. Cắm lại máy quét: phần mềm sẽ tự kết nối lại.',
  'open-failed':
    'Không mở được máy quét HID-POS (thiếu quyền truy cập thiết bị, hoặc một chương trình khác đang dùng nó).',
  'hid-unavailable':
    'Máy này không đọc được máy quét HID-POS (không tải được thư viện HID hoặc không liệt kê được thiết bị HID). Hãy dùng máy quét ở chế độ bàn phím hoặc serial.',
};

/** Whether two statuses say the same thing (their `since` aside). */
export function sameStatus(a: HidPosDeviceStatus, b: HidPosDeviceStatus): boolean {
  if (a.state !== b.state) return false;
  if (a.device?.path !== b.device?.path || a.device?.product !== b.device?.product) return false;
  return a.state === 'connected' || b.state === 'connected' || a.reason === b.reason;
}
