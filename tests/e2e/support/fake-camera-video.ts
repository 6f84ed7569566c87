import { chromium, type Browser } from '@playwright/test';
import { writeFileSync } from 'node:fs';

// Chromium's fake webcam plays a Y4M file (`--use-file-for-fake-video-capture`). Y4M is a header
// and raw YUV 4:2:0 frames: written here straight from RGBA pixels, so no ffmpeg is needed.

export interface RgbaPixels {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Writes `frames` (all the same size, even width and height) as a Y4M video at `fps`. */
export function writeY4m(file: string, frames: readonly RgbaPixels[], fps = 10): void {
  const first = frames[0];
  if (!first) throw new Error('no frames');
  const { width, height } = first;
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const planeSize = width * height;
  const chromaSize = (width / 2) * (height / 2);
  const parts: Buffer[] = [header];
  for (const frame of frames) {
    const yuv = Buffer.alloc(planeSize + 2 * chromaSize);
    const rgba = frame.data;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        // BT.601 full range, as C420jpeg means.
        yuv[y * width + x] = clamp(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
      }
    }
    for (let y = 0; y < height / 2; y += 1) {
      for (let x = 0; x < width / 2; x += 1) {
        const i = (2 * y * width + 2 * x) * 4;
        const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
        yuv[planeSize + y * (width / 2) + x] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        yuv[planeSize + chromaSize + y * (width / 2) + x] = clamp(
          128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
        );
      }
    }
    parts.push(frameHeader, yuv);
  }
  writeFileSync(file, Buffer.concat(parts));
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

/** Debian's Chromium with `video` (a .y4m file) as its webcam, the permission prompt accepted. */
export function launchWithFakeCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
      '--use-fake-ui-for-media-stream',
    ],
  });
}
