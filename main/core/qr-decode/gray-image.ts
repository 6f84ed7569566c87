// Small grayscale image operations for the QR decoder's fallbacks. Pure: typed arrays in, typed
// arrays out, no DOM or Node, so the same code runs in the browser worker and in Node.

/** An RGBA frame as a canvas or a video frame gives it (the shape of the DOM's ImageData). */
export interface RgbaFrame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Luma on the 0–255 scale, one float per pixel, row-major. */
export interface GrayImage {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** Luma with the weights zxing-cpp's own conversion uses (BT.601, in 1/1024ths). */
export function toGray(frame: RgbaFrame): GrayImage {
  const { data, width, height } = frame;
  const gray = new Float32Array(width * height);
  for (let index = 0, byte = 0; index < gray.length; index += 1, byte += 4) {
    gray[index] =
      (306 * (data[byte] as number) + 601 * (data[byte + 1] as number) + 117 * (data[byte + 2] as number)) /
      1024;
  }
  return { data: gray, width, height };
}

/** Gray back into RGBA (R = G = B), for a reader that takes RGBA. */
export function toRgba(image: GrayImage): RgbaFrame {
  const { data, width, height } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let index = 0, byte = 0; index < data.length; index += 1, byte += 4) {
    const value = data[index] as number;
    rgba[byte] = value;
    rgba[byte + 1] = value;
    rgba[byte + 2] = value;
    rgba[byte + 3] = 255;
  }
  return { data: rgba, width, height };
}

/** Mean over a (2r+1)² window, edges clamped; two running-sum passes, O(1) per pixel. */
export function boxMean(image: GrayImage, radius: number): GrayImage {
  const { data, width, height } = image;
  const across = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  const span = 2 * radius + 1;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let sum = 0;
    for (let k = -radius; k <= radius; k += 1)
      sum += data[row + Math.min(width - 1, Math.max(0, k))] as number;
    for (let x = 0; x < width; x += 1) {
      across[row + x] = sum / span;
      sum +=
        (data[row + Math.min(width - 1, x + radius + 1)] as number) -
        (data[row + Math.max(0, x - radius)] as number);
    }
  }
  const sums = new Float32Array(width);
  for (let k = -radius; k <= radius; k += 1) {
    const row = Math.min(height - 1, Math.max(0, k)) * width;
    for (let x = 0; x < width; x += 1) sums[x] = (sums[x] as number) + (across[row + x] as number);
  }
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    const enter = Math.min(height - 1, y + radius + 1) * width;
    const leave = Math.max(0, y - radius) * width;
    for (let x = 0; x < width; x += 1) {
      out[row + x] = (sums[x] as number) / span;
      sums[x] = (sums[x] as number) + (across[enter + x] as number) - (across[leave + x] as number);
    }
  }
  return { data: out, width, height };
}

/** Unsharp masking: image + amount × (image − blur), the blur being two box passes of `radius`. */
export function unsharp(image: GrayImage, radius: number, amount: number): GrayImage {
  const blurred = smooth(image, radius);
  const out = new Float32Array(image.data.length);
  for (let index = 0; index < out.length; index += 1) {
    const value = image.data[index] as number;
    out[index] = value + amount * (value - (blurred.data[index] as number));
  }
  return { data: out, width: image.width, height: image.height };
}

/**
 * Binarizes against the local mean over a (2r+1)² window: dark (0) below it, light (255) at or
 * above. A window a few modules wide follows glare, gradients and vignetting that a coarser
 * threshold averages away.
 */
export function meanThreshold(image: GrayImage, radius: number): GrayImage {
  const mean = boxMean(image, radius);
  const out = new Float32Array(image.data.length);
  for (let index = 0; index < out.length; index += 1) {
    out[index] = (image.data[index] as number) < (mean.data[index] as number) ? 0 : 255;
  }
  return { data: out, width: image.width, height: image.height };
}

/** Bilinear resampling by `factorX` across and `factorY` down (2 doubles the size). */
export function rescale(image: GrayImage, factorX: number, factorY: number = factorX): GrayImage {
  const width = Math.max(1, Math.round(image.width * factorX));
  const height = Math.max(1, Math.round(image.height * factorY));
  const out = new Float32Array(width * height);
  const source = image.data;
  const maxX = image.width - 1;
  const maxY = image.height - 1;
  const right = maxX > 0 ? 1 : 0;
  const down = maxY > 0 ? image.width : 0;
  for (let y = 0; y < height; y += 1) {
    const sy = Math.min(maxY, Math.max(0, (y + 0.5) / factorY - 0.5));
    const y0 = Math.min(Math.max(0, maxY - 1), Math.floor(sy));
    const fy = sy - y0;
    for (let x = 0; x < width; x += 1) {
      const sx = Math.min(maxX, Math.max(0, (x + 0.5) / factorX - 0.5));
      const x0 = Math.min(Math.max(0, maxX - 1), Math.floor(sx));
      const fx = sx - x0;
      const index = y0 * image.width + x0;
      const top = (source[index] as number) * (1 - fx) + (source[index + right] as number) * fx;
      const bottom =
        (source[index + down] as number) * (1 - fx) + (source[index + down + right] as number) * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, width, height };
}

/** Smoothing by two box passes of `radius` (close to a Gaussian of σ ≈ 0.8·radius + 0.4). */
export function smooth(image: GrayImage, radius: number): GrayImage {
  return boxMean(boxMean(image, radius), radius);
}

/** A rectangle of the image (clamped to it). */
export function crop(image: GrayImage, left: number, top: number, width: number, height: number): GrayImage {
  const x0 = Math.max(0, Math.min(image.width - 1, Math.floor(left)));
  const y0 = Math.max(0, Math.min(image.height - 1, Math.floor(top)));
  const w = Math.max(1, Math.min(image.width - x0, Math.ceil(width)));
  const h = Math.max(1, Math.min(image.height - y0, Math.ceil(height)));
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y += 1) {
    const from = (y0 + y) * image.width + x0;
    out.set(image.data.subarray(from, from + w), y * w);
  }
  return { data: out, width: w, height: h };
}
