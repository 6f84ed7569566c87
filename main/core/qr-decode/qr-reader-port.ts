// The part of a barcode reader the QR strategy needs, as a structural type: zxing-wasm's
// `readBarcodes` fits it, and so does a test double. main/core does not import zxing-wasm (it is
// loaded differently in Node and in the browser worker); the adapters pass it in.
import type { RgbaFrame } from './gray-image.ts';

/**
 * Reader options, every key always present: zxing-wasm treats a key present with the value
 * `undefined` differently from a missing key (`characterSet: undefined` garbles Vietnamese text,
 * `formats: undefined` throws), so the strategy never builds an object with an undefined value.
 */
export interface QrReaderOptions {
  formats: Array<'QRCode'>;
  tryHarder: boolean;
  tryRotate: boolean;
  tryInvert: boolean;
  tryDownscale: boolean;
  binarizer: 'LocalAverage' | 'GlobalHistogram' | 'FixedThreshold' | 'BoolCast';
  maxNumberOfSymbols: number;
  /** The card QR codes carry UTF-8 without an ECI marker. */
  characterSet: 'UTF8';
}

export interface QrReadPoint {
  x: number;
  y: number;
}

/** What the strategy reads from one result of the reader. */
export interface QrReadResult {
  isValid: boolean;
  format: string;
  text: string;
  bytes: Uint8Array;
  position: {
    topLeft: QrReadPoint;
    topRight: QrReadPoint;
    bottomLeft: QrReadPoint;
    bottomRight: QrReadPoint;
  };
}

export type ReadBarcodes = (image: RgbaFrame, options: QrReaderOptions) => Promise<QrReadResult[]>;
