import { describe, expect, it } from 'vitest';
import {
  boxMean,
  crop,
  meanThreshold,
  rescale,
  smooth,
  toGray,
  toRgba,
  unsharp,
  type GrayImage,
} from './gray-image.ts';

const image = (width: number, height: number, at: (x: number, y: number) => number): GrayImage => {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = at(x, y);
  return { data, width, height };
};

describe('gray images', () => {
  it('converts RGBA to luma with zxing-cpp’s weights and back to gray RGBA', () => {
    const frame = {
      width: 3,
      height: 1,
      data: new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 10, 20, 30, 0]),
    };
    const gray = toGray(frame);
    expect(Array.from(gray.data)).toEqual([
      (306 * 255) / 1024,
      (601 * 255) / 1024,
      (306 * 10 + 601 * 20 + 117 * 30) / 1024,
    ]);
    const rgba = toRgba({ data: new Float32Array([-5, 100.4, 300]), width: 3, height: 1 });
    expect(Array.from(rgba.data)).toEqual([0, 0, 0, 255, 100, 100, 100, 255, 255, 255, 255, 255]);
  });

  it('box-averages with clamped edges', () => {
    const flat = boxMean(
      image(7, 5, () => 42),
      2,
    );
    for (const value of flat.data) expect(value).toBeCloseTo(42, 4);
    const step = boxMean(
      image(5, 1, (x) => (x < 2 ? 0 : 100)),
      1,
    );
    expect(Array.from(step.data).map((value) => Math.round(value))).toEqual([0, 33, 67, 100, 100]);
    expect(
      smooth(
        image(9, 9, () => 7),
        2,
      ).data.every((value) => Math.abs(value - 7) < 1e-4),
    ).toBe(true);
  });

  it('sharpens an edge and leaves flat areas alone', () => {
    const edge = unsharp(
      image(12, 1, (x) => (x < 6 ? 50 : 150)),
      2,
      1,
    );
    expect(edge.data[0]).toBeCloseTo(50, 4);
    expect(edge.data[5]!).toBeLessThan(50);
    expect(edge.data[6]!).toBeGreaterThan(150);
  });

  it('binarizes against the local mean, so a gradient does not swallow a dark line', () => {
    // A dark line on a background that brightens from 40 to 240: no global threshold separates it.
    const source = image(64, 8, (x) => (x % 16 === 8 ? 0.6 : 1) * (40 + (200 * x) / 63));
    const binary = meanThreshold(source, 4);
    const row = Array.from(binary.data.subarray(3 * 64, 4 * 64));
    for (const x of [8, 24, 40, 56]) expect(row[x]).toBe(0);
    // A global threshold cannot do it: the last line is brighter than the background left of the first.
    expect(source.data[56]!).toBeGreaterThan(source.data[4]!);
    // Away from the lines and the edges, the background stays light.
    for (const x of [12, 20, 28, 36, 44, 52]) expect(row[x]).toBe(255);
  });

  it('rescales (also one axis only) and crops within bounds', () => {
    const source = image(4, 2, (x, y) => x + 10 * y);
    const twice = rescale(source, 2);
    expect([twice.width, twice.height]).toEqual([8, 4]);
    const wide = rescale(source, 1.5, 1);
    expect([wide.width, wide.height]).toEqual([6, 2]);
    expect(wide.data[0]).toBeCloseTo(0, 4);
    expect(wide.data[5]).toBeCloseTo(3, 4);
    const part = crop(source, 2, 1, 5, 5);
    expect([part.width, part.height, Array.from(part.data)]).toEqual([2, 1, [12, 13]]);
  });
});
