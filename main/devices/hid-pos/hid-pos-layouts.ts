// Where the bytes are in a HID-POS input report, per scanner family. Every family sends fixed
// 64-byte reports (node-hid puts the report id at byte 0), a length byte at byte 1 and a
// "more reports follow" flag in bit 0 of byte 63; they differ in whether an AIM symbology id
// precedes the data and where.
//
// The length byte counts the data bytes of its report only, never the AIM id nor the padding: the
// families' documentation caps it at 56 while the bytes from the data offset to the flag byte number
// 58 (honeywell), 57 (zebra) and 61 (plain), so a length that also counted the 3-byte AIM id would
// have to go up to 59. The decoder is tolerant beyond the documented 56 and accepts a length up to
// the byte before the flag byte (some firmware fills the report); a length that would reach the
// flag byte or overrun the report is garbage. The encoder keeps to the documented capacity.

export const hidPosLayouts = ['honeywell', 'zebra', 'plain'] as const;
export type HidPosLayout = (typeof hidPosLayouts)[number];
export type HidPosLayoutOption = 'auto' | HidPosLayout;

/** The report id of HID-POS scanner input reports (Barcode Scanner input report). */
export const hidPosReportId = 0x02;
export const hidPosReportSize = 64;
export const lengthOffset = 1;
export const flagsOffset = 63;
export const continuationBit = 0x01;

export interface HidPosLayoutDefinition {
  /** Where the 3-byte AIM id starts; null when the family sends none. */
  aimOffset: number | null;
  /** A byte that must be 0x00 (zebra's padding after the length); null when none. */
  zeroOffset: number | null;
  dataOffset: number;
  /** Data bytes a report carries when the encoder writes it (the documented capacity). */
  encodeCapacity: number;
}

export const layoutDefinitions: Readonly<Record<HidPosLayout, HidPosLayoutDefinition>> = {
  honeywell: { aimOffset: 2, zeroOffset: null, dataOffset: 5, encodeCapacity: 56 },
  zebra: { aimOffset: 3, zeroOffset: 2, dataOffset: 6, encodeCapacity: 56 },
  plain: { aimOffset: null, zeroOffset: null, dataOffset: 2, encodeCapacity: 61 },
};

/** The most data bytes the decoder accepts in one report: everything up to the flag byte. */
export function decodeCapacity(layout: HidPosLayout): number {
  return flagsOffset - layoutDefinitions[layout].dataOffset;
}

export function isHidPosLayoutOption(value: string): value is HidPosLayoutOption {
  return value === 'auto' || (hidPosLayouts as readonly string[]).includes(value);
}

const isLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

/**
 * Whether the 3 bytes at `offset` are an AIM symbology id: `]`, a code letter and a modifier (a
 * digit or a letter, e.g. `]Q1`, `]d2`, `]e0`, `]XA`).
 */
export function isAimAt(report: Uint8Array, offset: number): boolean {
  const modifier = report[offset + 2] ?? 0;
  return (
    report[offset] === 0x5d && isLetter(report[offset + 1] ?? 0) && (isDigit(modifier) || isLetter(modifier))
  );
}

/** Whether the 3 bytes at `offset` are zero: a scanner with AIM transmission turned off. */
export function isNoAimAt(report: Uint8Array, offset: number): boolean {
  return report[offset] === 0 && report[offset + 1] === 0 && report[offset + 2] === 0;
}

/**
 * The layout of a report, guessed from its own bytes: an AIM id at bytes 2–4 is honeywell, a zero
 * then an AIM id at 3–5 is zebra, anything else is plain. A scanner with AIM transmission off cannot
 * be told apart from a plain one and needs its layout configured.
 */
export function detectLayout(report: Uint8Array): HidPosLayout {
  if (isAimAt(report, 2)) return 'honeywell';
  if (report[2] === 0 && isAimAt(report, 3)) return 'zebra';
  return 'plain';
}
