// A corpus frame as bytes for the on-disk cache (corpus-cache.ts), lossless: the three colour
// planes, each pixel stored as its difference from its left neighbour, deflated (level 1: the
// noise of a webcam frame does not compress much further, and level 1 is the fastest). Alpha is
// not stored: corpus frames are opaque, and encoding refuses one that is not.
import { deflateSync, inflateSync } from 'node:zlib';
import type { RgbaFrame } from './image-ops.ts';

const magic = 0x31465251; // "QRF1", little-endian
const headerBytes = 12;

export function encodeFrame(frame: RgbaFrame): Uint8Array {
  const { width, height, data } = frame;
  const pixels = width * height;
  const planes = new Uint8Array(3 * pixels);
  for (let index = 0, byte = 0; index < pixels; index += 1, byte += 4) {
    if (data[byte + 3] !== 255) throw new Error('encodeFrame: corpus frames are opaque');
    const first = index % width === 0;
    for (let channel = 0; channel < 3; channel += 1) {
      const value = data[byte + channel] as number;
      const left = first ? 0 : (data[byte + channel - 4] as number);
      planes[channel * pixels + index] = (value - left) & 255;
    }
  }
  const body = deflateSync(planes, { level: 1 });
  const out = new Uint8Array(headerBytes + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, width, true);
  view.setUint32(8, height, true);
  out.set(body, headerBytes);
  return out;
}

export function decodeFrame(bytes: Uint8Array): RgbaFrame {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < headerBytes || view.getUint32(0, true) !== magic)
    throw new Error('decodeFrame: not a corpus frame');
  const width = view.getUint32(4, true);
  const height = view.getUint32(8, true);
  const pixels = width * height;
  const planes = inflateSync(bytes.subarray(headerBytes));
  if (planes.length !== 3 * pixels) throw new Error('decodeFrame: truncated frame');
  const data = new Uint8ClampedArray(4 * pixels);
  for (let channel = 0; channel < 3; channel += 1) {
    const plane = channel * pixels;
    for (let y = 0; y < height; y += 1) {
      let value = 0;
      for (let x = 0, index = y * width; x < width; x += 1, index += 1) {
        value = (value + (planes[plane + index] as number)) & 255;
        data[4 * index + channel] = value;
      }
    }
  }
  for (let byte = 3; byte < data.length; byte += 4) data[byte] = 255;
  return { width, height, data };
}
