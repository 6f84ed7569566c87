import { z } from 'zod';
import { idParseResultSchema } from '../../../main/core/id-card/id-parse-result-schema.ts';
import { wedgeDamageKinds, wedgeFixes } from '../../../main/core/scan/wedge-damage-codes.ts';
import { anyStaff } from '../access.ts';
import type { EventTable, OperationTable } from '../operation-definition.ts';

// Card scans: one pipeline for every source. Sources in the page (keyboard-wedge bursts, webcam
// frames) submit their text; sources in the backend (HID-POS scanners) feed it directly. The backend
// drops the second sighting of one physical scan (a scanner that is both HID-POS and keyboard),
// parses it, and tells the screens (`scan`). What a card holds is personal data: on a counter PC
// only signed-in staff read it; at a kiosk it is the citizen's own card.

/** The longest text a scanner can plausibly deliver; the ID parser itself refuses > 4 KB. */
export const maxScanPayloadChars = 8192;

export const scanSources = ['keyboard-wedge', 'hid-pos', 'camera', 'test'] as const;
export type ScanSource = (typeof scanSources)[number];

/**
 * What a wedge scan's text says about the way it was typed, and what the officer should change
 * (main/core/scan/wedge-damage.ts): the kind of damage, the fix, a few short snippets as evidence,
 * the keyboard layout that was active when one was, whether undoing the damage gave a well-formed
 * payload, and any further damage in the same scan.
 */
export const wedgeDamageSchema = z.object({
  kind: z.enum(wedgeDamageKinds),
  fix: z.enum(wedgeFixes),
  evidence: z.array(z.string().max(32)).max(5),
  layout: z.string().nullable(),
  confirmed: z.boolean(),
  others: z.array(z.enum(wedgeDamageKinds)),
});

export const scanEventSchema = z.object({
  scanId: z.string(),
  source: z.enum(scanSources),
  /** The device it came from (a HID-POS scanner's product name, a camera's label), when known. */
  device: z.string().nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
  /** The text exactly as delivered (before the parser's normalisation). */
  raw: z.string(),
  /** The bytes as delivered, hex, for sources that deliver bytes (HID-POS); null otherwise. */
  bytesHex: z.string().nullable(),
  /** AIM symbology identifier when the scanner sends one (`]Q1` = QR code). */
  symbology: z.string().nullable(),
  result: idParseResultSchema,
  /** For keyboard-wedge scans: damage by a keyboard layout or an input method, and the fix. */
  damage: wedgeDamageSchema.nullable(),
});

export type ScanEvent = z.infer<typeof scanEventSchema>;

export const scannerDeviceSchema = z.object({
  id: z.string(),
  kind: z.literal('hid-pos'),
  name: z.string(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  state: z.enum(['connected', 'disconnected', 'failed']),
  /** Why it failed or went away (Vietnamese; the screen shows `code` translated). */
  code: z.string().nullable(),
});

export const scannerStatusSchema = z.object({
  hidPos: z.object({
    enabled: z.boolean(),
    /** False where HID access is impossible on this PC (no libusb/hidraw, no permission). */
    available: z.boolean(),
    code: z.string().nullable(),
    devices: z.array(scannerDeviceSchema),
  }),
  lastScanAt: z.string().nullable(),
});

export type ScannerStatus = z.infer<typeof scannerStatusSchema>;

const cardReaders = { counter: anyStaff, kiosk: ['public'] } as const;

export const scanOperations = {
  'id.parse': {
    args: z.object({ payload: z.string().max(maxScanPayloadChars) }).strict(),
    result: idParseResultSchema,
    errors: [],
    access: cardReaders,
  },
  /** A scan seen in the page (keyboard wedge, webcam): parsed, deduplicated, sent to the screens. */
  'scan.submit': {
    args: z
      .object({
        source: z.enum(['keyboard-wedge', 'camera']),
        device: z.string().max(200).nullable(),
        text: z.string().min(1).max(maxScanPayloadChars),
      })
      .strict(),
    result: z.object({ scanId: z.string(), duplicate: z.boolean() }),
    errors: [],
    access: cardReaders,
  },
  'scan.status': {
    args: z.object({}).strict(),
    result: scannerStatusSchema,
    errors: [],
    access: cardReaders,
  },
} as const satisfies OperationTable;

export const scanEvents = {
  scan: { payload: scanEventSchema, access: cardReaders },
  'scan.status': { payload: scannerStatusSchema, access: cardReaders },
} as const satisfies EventTable;
