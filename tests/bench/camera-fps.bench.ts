// The renderer while the webcam decoder works: frames per second of the page (requestAnimationFrame
// callbacks) on the scanner test page with the camera reading, on this 2-core machine, against the
// same page with the camera off in the same run; and how many frames a second the worker decodes.
// Two camera scenes: no code in view (the worker's worst case: every fallback up to its budget on
// every frame) and a card held up (the usual case). Debian's Chromium, headless, fake webcam.
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserModeApp } from '../e2e/support/browser-mode-app.ts';
import { launchWithFakeCamera, writeY4m } from '../e2e/support/fake-camera-video.ts';
import { signInOnPage } from '../e2e/support/sign-in-page.ts';
import { idFixture } from '../support/id-fixtures.ts';
import { renderPayloadFrame } from './qr-corpus/qr-corpus.ts';
import { median, result, type Benchmark } from './bench-result.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const windowMs = 1000;
const windows = 8;

/** A webcam picture with no code in it: a desk-grey gradient with sensor noise. */
function emptyScene(seed: number) {
  const width = 1280;
  const height = 720;
  const data = new Uint8ClampedArray(width * height * 4);
  let state = seed;
  for (let index = 0; index < width * height; index += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const value = 90 + ((index % width) / width) * 80 + ((state >> 16) % 24) - 12;
    data.set([value, value, value * 0.95, 255], index * 4);
  }
  return { width, height, data };
}

/** Animation frames per second of the page, one figure per second for `windows` seconds. */
async function pageFps(page: Page): Promise<number[]> {
  return page.evaluate(
    ({ windowMs, windows }) =>
      new Promise<number[]>((resolve) => {
        const figures: number[] = [];
        let frames = 0;
        let start = performance.now();
        const tick = (now: number) => {
          frames += 1;
          if (now - start >= windowMs) {
            figures.push((frames * 1000) / (now - start));
            frames = 0;
            start = now;
          }
          if (figures.length < windows) requestAnimationFrame(tick);
          else resolve(figures);
        };
        requestAnimationFrame(tick);
      }),
    { windowMs, windows },
  );
}

async function measureScene(video: string, withCamera: boolean) {
  const browser = await launchWithFakeCamera(video);
  const app = await startBrowserModeApp();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.launchUrl);
    await signInOnPage(page, 'cb-07921-1');
    await page.locator('[data-action="scanner-test"]').click();
    let decodeRate: number | null = null;
    if (withCamera) {
      await page.locator('[data-action="camera-start"]').click();
      await page.getByTestId('camera-rate').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(2000);
    }
    const fps = median(await pageFps(page));
    if (withCamera) decodeRate = Number(await page.getByTestId('camera-rate').getAttribute('data-rate'));
    return { fps, decodeRate };
  } finally {
    await browser.close();
    await app.stop();
  }
}

const benchmark: Benchmark = {
  title: 'renderer frames per second with the webcam decoder busy',
  run: async () => {
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.ts'), 'renderer'], { stdio: 'ignore' });
    const empty = path.join(tmpdir(), `bhxh-bench-empty-${process.pid}.y4m`);
    const card = path.join(tmpdir(), `bhxh-bench-card-${process.pid}.y4m`);
    writeY4m(empty, [emptyScene(1), emptyScene(2), emptyScene(3)], 10);
    const payload = idFixture('cancuoc-2024-child-with-parents').payload;
    writeY4m(
      card,
      [renderPayloadFrame(payload, 'perspective', 'bench'), renderPayloadFrame(payload, 'noise', 'bench')],
      10,
    );
    try {
      const idle = await measureScene(empty, false);
      const busy = await measureScene(empty, true);
      const reading = await measureScene(card, true);
      const baselineName = 'same page, camera off';
      return [
        result({
          name: 'page fps, camera on, no code in view (worker busiest)',
          unit: 'fps',
          value: busy.fps,
          baseline: idle.fps,
          baselineName,
          target: null,
        }),
        result({
          name: 'page fps, camera on, a card held up',
          unit: 'fps',
          value: reading.fps,
          baseline: idle.fps,
          baselineName,
          target: null,
        }),
        result({
          name: 'frames decoded per second, no code in view',
          unit: 'fps',
          value: busy.decodeRate ?? 0,
          target: null,
        }),
        result({
          name: 'frames decoded per second, a card held up',
          unit: 'fps',
          value: reading.decodeRate ?? 0,
          target: null,
        }),
      ];
    } finally {
      rmSync(empty, { force: true });
      rmSync(card, { force: true });
    }
  },
};

export default benchmark;
