// A PNG or JPEG file (or its bytes) to the card QR code it shows. The pixels are decoded here
// (pngjs, jpeg-js: pure JavaScript) and read by the app's own strategy, main/core/qr-decode, the
// same one the browser worker runs on webcam frames.
import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodeQrFrame, type QrDecodeAttempt } from '../../core/qr-decode/decode-qr-frame.ts';
import type { RgbaFrame } from '../../core/qr-decode/gray-image.ts';
import type { ReadBarcodes } from '../../core/qr-decode/qr-reader-port.ts';
import { loadZxingReader } from './zxing-node-reader.ts';

export const imageQrErrorMessages = {
  'file-unreadable': 'Không đọc được tệp ảnh.',
  'not-an-image': 'Tệp không phải ảnh PNG hay JPEG.',
  'image-corrupt': 'Ảnh PNG/JPEG bị hỏng, không giải mã được.',
  'image-too-large': 'Ảnh quá lớn (trên 50 megapixel).',
  'qr-not-found': 'Không tìm thấy mã QR đọc được trong ảnh.',
} as const;

export type ImageQrErrorCode = keyof typeof imageQrErrorMessages;

export type ImageQrResult =
  | { ok: true; text: string; bytes: Uint8Array; ms: number; attempt: QrDecodeAttempt }
  | { ok: false; error: { code: ImageQrErrorCode; message: string }; ms: number };

const maxPixels = 50_000_000;

const failed = (code: ImageQrErrorCode, ms = 0): ImageQrResult => ({
  ok: false,
  error: { code, message: imageQrErrorMessages[code] },
  ms,
});

class ImageError extends Error {
  readonly code: ImageQrErrorCode;
  constructor(code: ImageQrErrorCode) {
    super(imageQrErrorMessages[code]);
    this.code = code;
  }
}

const isPng = (bytes: Uint8Array) =>
  bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
const isJpeg = (bytes: Uint8Array) =>
  bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** RGBA pixels of a PNG or JPEG; throws an ImageError saying what is wrong with it. */
export function decodeImagePixels(bytes: Uint8Array): RgbaFrame {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isPng(bytes)) {
    // IHDR comes first: refuse a huge image before inflating it.
    if (buffer.readUInt32BE(16) * buffer.readUInt32BE(20) > maxPixels)
      throw new ImageError('image-too-large');
    let png: { width: number; height: number; data: Buffer };
    try {
      png = PNG.sync.read(buffer);
    } catch {
      throw new ImageError('image-corrupt');
    }
    return {
      width: png.width,
      height: png.height,
      data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    };
  }
  if (isJpeg(bytes)) {
    let image: { width: number; height: number; data: Uint8Array };
    try {
      image = jpeg.decode(buffer, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: maxPixels / 1e6,
      });
    } catch (error) {
      throw new ImageError(/resolution/i.test(String(error)) ? 'image-too-large' : 'image-corrupt');
    }
    return {
      width: image.width,
      height: image.height,
      data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    };
  }
  throw new ImageError('not-an-image');
}

/** Reads the card QR code in the image bytes. `ms` is the QR decode time (not the file's decoding). */
export async function decodeQrImage(bytes: Uint8Array, read?: ReadBarcodes): Promise<ImageQrResult> {
  let frame: RgbaFrame;
  try {
    frame = decodeImagePixels(bytes);
  } catch (error) {
    if (error instanceof ImageError) return failed(error.code);
    throw error;
  }
  const reader = read ?? (await loadZxingReader());
  const started = performance.now();
  const found = await decodeQrFrame(frame, reader);
  if (!found) return failed('qr-not-found', performance.now() - started);
  return { ok: true, text: found.text, bytes: found.bytes, ms: found.ms, attempt: found.attempt };
}

/** Reads the card QR code in a PNG or JPEG file. */
export async function decodeQrImageFile(path: string, read?: ReadBarcodes): Promise<ImageQrResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return failed('file-unreadable');
  }
  return decodeQrImage(bytes, read);
}
