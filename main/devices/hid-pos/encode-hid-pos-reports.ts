// What a HID-POS scanner sends for a scan: the inverse of HidPosAssembler, for tests, the CLI's
// examples and the benchmarks and end-to-end tests that play a scanner without one.

import {
  continuationBit,
  flagsOffset,
  hidPosReportId,
  hidPosReportSize,
  layoutDefinitions,
  lengthOffset,
  type HidPosLayout,
} from './hid-pos-layouts.ts';

export interface EncodeHidPosOptions {
  /** The AIM id written in layouts that carry one; default `]Q1` (QR Code), null for none. */
  symbology?: string | null;
  /** Data bytes per report, at most the layout's documented capacity (the default). */
  chunkBytes?: number;
}

/**
 * The 64-byte input reports (report id at byte 0, as node-hid delivers them) of one scan of
 * `payload` (text is sent as UTF-8). An empty payload is one report of length 0.
 */
export function encodeHidPosReports(
  payload: string | Uint8Array,
  layout: HidPosLayout,
  options: EncodeHidPosOptions = {},
): Uint8Array[] {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const definition = layoutDefinitions[layout];
  const chunkBytes = options.chunkBytes ?? definition.encodeCapacity;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > definition.encodeCapacity) {
    throw new RangeError(`chunkBytes must be 1–${definition.encodeCapacity} for ${layout}`);
  }
  const symbology = options.symbology === undefined ? ']Q1' : options.symbology;
  if (symbology !== null && !/^\][A-Za-z][0-9A-Za-z]$/.test(symbology)) {
    throw new RangeError(`not an AIM symbology id: ${symbology}`);
  }
  const reports: Uint8Array[] = [];
  for (let start = 0; start === 0 || start < bytes.length; start += chunkBytes) {
    const chunk = bytes.subarray(start, start + chunkBytes);
    const report = new Uint8Array(hidPosReportSize);
    report[0] = hidPosReportId;
    report[lengthOffset] = chunk.length;
    if (definition.aimOffset !== null && symbology !== null) {
      for (let index = 0; index < 3; index += 1) {
        report[definition.aimOffset + index] = symbology.charCodeAt(index);
      }
    }
    report.set(chunk, definition.dataOffset);
    if (start + chunkBytes < bytes.length) report[flagsOffset] = continuationBit;
    reports.push(report);
  }
  return reports;
}

/** A report as the CLI reads it: hex byte pairs separated by spaces. */
export function reportHex(report: Uint8Array): string {
  return Array.from(report, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
