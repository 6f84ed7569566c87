// Pure-JS image operations for the QR corpus: the optics and the sensor of a webcam, applied to a
// float RGB image (one Float32Array per channel, values on the 0–255 scale, not yet clipped).
import jpeg from 'jpeg-js';
import { createRandom, type Random } from './seeded-random.ts';

export interface FloatImage {
  width: number;
  height: number;
  channels: [Float32Array, Float32Array, Float32Array];
}

export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function createFloatImage(width: number, height: number): FloatImage {
  const size = width * height;
  return {
    width,
    height,
    channels: [new Float32Array(size), new Float32Array(size), new Float32Array(size)],
  };
}

function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let offset = -radius; offset <= radius; offset += 1) {
    const weight = Math.exp(-(offset * offset) / (2 * sigma * sigma));
    kernel[offset + radius] = weight;
    sum += weight;
  }
  for (let index = 0; index < kernel.length; index += 1) kernel[index] = (kernel[index] as number) / sum;
  return kernel;
}

/** Horizontal pass of a separable convolution, edges clamped. */
function convolveRows(
  source: Float32Array,
  target: Float32Array,
  width: number,
  height: number,
  kernel: Float32Array,
): void {
  const radius = (kernel.length - 1) / 2;
  const line = new Float32Array(width + 2 * radius);
  for (let y = 0; y < height; y += 1) {
    const base = y * width;
    line.set(source.subarray(base, base + width), radius);
    line.fill(source[base] as number, 0, radius);
    line.fill(source[base + width - 1] as number, radius + width);
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let tap = 0; tap < kernel.length; tap += 1)
        sum += (kernel[tap] as number) * (line[x + tap] as number);
      target[base + x] = sum;
    }
  }
}

/** Vertical pass, a whole row at a time (sequential memory), edges clamped. */
function convolveColumns(
  source: Float32Array,
  target: Float32Array,
  width: number,
  height: number,
  kernel: Float32Array,
): void {
  const radius = (kernel.length - 1) / 2;
  for (let y = 0; y < height; y += 1) {
    const out = target.subarray(y * width, (y + 1) * width);
    out.fill(0);
    for (let tap = 0; tap < kernel.length; tap += 1) {
      const weight = kernel[tap] as number;
      const row = Math.min(height - 1, Math.max(0, y + tap - radius)) * width;
      for (let x = 0; x < width; x += 1) out[x] = (out[x] as number) + weight * (source[row + x] as number);
    }
  }
}

/** Gaussian blur of every channel (defocus and the lens's own softness). */
export function gaussianBlur(image: FloatImage, sigma: number): void {
  if (sigma <= 0.05) return;
  const { width, height } = image;
  const kernel = gaussianKernel(sigma);
  const scratch = new Float32Array(width * height);
  for (const channel of image.channels) {
    convolveRows(channel, scratch, width, height, kernel);
    convolveColumns(scratch, channel, width, height, kernel);
  }
}

/**
 * Linear motion blur: the average along a segment of `length` pixels at `angle` radians. The
 * segment is sampled densely and splatted bilinearly into a small 2-D kernel, which is then applied
 * a whole row per tap.
 */
export function motionBlur(image: FloatImage, length: number, angle: number): void {
  if (length < 0.5) return;
  const { width, height } = image;
  const samples = Math.max(2, Math.ceil(length * 4) + 1);
  const weights = new Map<string, { dx: number; dy: number; weight: number }>();
  const splat = (dx: number, dy: number, weight: number) => {
    if (weight <= 0) return;
    const key = `${dx},${dy}`;
    const entry = weights.get(key);
    if (entry) entry.weight += weight;
    else weights.set(key, { dx, dy, weight });
  };
  for (let sample = 0; sample < samples; sample += 1) {
    const offset = (sample / (samples - 1) - 0.5) * length;
    const x = Math.cos(angle) * offset;
    const y = Math.sin(angle) * offset;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    splat(x0, y0, ((1 - fx) * (1 - fy)) / samples);
    splat(x0 + 1, y0, (fx * (1 - fy)) / samples);
    splat(x0, y0 + 1, ((1 - fx) * fy) / samples);
    splat(x0 + 1, y0 + 1, (fx * fy) / samples);
  }
  const taps = [...weights.values()];
  for (let index = 0; index < 3; index += 1) {
    const source = image.channels[index] as Float32Array;
    const target = new Float32Array(width * height);
    for (let y = 0; y < height; y += 1) {
      const out = y * width;
      for (const { dx, dy, weight } of taps) {
        const row = Math.min(height - 1, Math.max(0, y + dy)) * width;
        const from = Math.max(0, -dx);
        const to = Math.min(width, width - dx);
        for (let x = 0; x < from; x += 1)
          target[out + x] = (target[out + x] as number) + weight * (source[row] as number);
        for (let x = from; x < to; x += 1)
          target[out + x] = (target[out + x] as number) + weight * (source[row + x + dx] as number);
        for (let x = to; x < width; x += 1)
          target[out + x] = (target[out + x] as number) + weight * (source[row + width - 1] as number);
      }
    }
    image.channels[index] = target;
  }
}

// Standard normal draws, shared by every frame: a frame's noise is a seeded walk through this table
// (four lookups per pixel from an inline xorshift), far cheaper than Box–Muller per sample.
const normalTableBits = 16;
let normalTable: Float32Array | null = null;

function normals(): Float32Array {
  if (!normalTable) {
    const random = createRandom(0x0de5);
    normalTable = new Float32Array(1 << normalTableBits);
    for (let index = 0; index < normalTable.length; index += 1) normalTable[index] = random.normal();
  }
  return normalTable;
}

/**
 * Sensor noise: a luminance part common to the three channels plus a colour part per channel,
 * `sigma` being the standard deviation of each channel's total.
 */
export function addSensorNoise(image: FloatImage, sigma: number, random: Random): void {
  if (sigma <= 0) return;
  const table = normals();
  const mask = table.length - 1;
  const common = sigma * 0.8;
  const own = sigma * 0.6;
  const [red, green, blue] = image.channels;
  let state = (Math.floor(random.next() * 0xffffffff) | 1) >>> 0;
  const draw = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return table[(state >>> 8) & mask] as number;
  };
  for (let index = 0; index < red.length; index += 1) {
    const shared = common * draw();
    red[index] = (red[index] as number) + shared + own * draw();
    green[index] = (green[index] as number) + shared + own * draw();
    blue[index] = (blue[index] as number) + shared + own * draw();
  }
}

/** Clips and rounds to 8-bit RGBA, as the camera delivers it. */
export function toRgba(image: FloatImage): RgbaFrame {
  const { width, height } = image;
  const [red, green, blue] = image.channels;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let index = 0, out = 0; index < red.length; index += 1, out += 4) {
    data[out] = red[index] as number;
    data[out + 1] = green[index] as number;
    data[out + 2] = blue[index] as number;
    data[out + 3] = 255;
  }
  return { width, height, data };
}

/** Encodes as a JPEG of `quality` (1–100) and decodes it again: MJPEG webcams, heavy compression. */
export function jpegRoundTrip(frame: RgbaFrame, quality: number): RgbaFrame {
  const encoded = jpeg.encode({ data: frame.data, width: frame.width, height: frame.height }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return {
    width: decoded.width,
    height: decoded.height,
    data: new Uint8ClampedArray(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength),
  };
}
