import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPayloadFrame } from '../bench/qr-corpus/qr-corpus.ts';
import { idFixture } from '../support/id-fixtures.ts';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { launchWithFakeCamera, writeY4m } from './support/fake-camera-video.ts';
import { signInOnPage } from './support/sign-in-page.ts';

// The webcam path end to end: Chromium's fake camera plays a video of a card's QR code (made from a
// fixture, a little tilted and soft as a webcam sees it), the page decodes the frames in its worker
// with the bundled zxing-wasm (no network), submits the text to the backend, and the card appears.

const card = idFixture('cancuoc-2024-child-with-parents');
const video = path.join(tmpdir(), `bhxh-fake-camera-${process.pid}.y4m`);
let app: BrowserModeApp | null = null;

test.afterEach(async () => {
  await app?.stop();
  app = null;
  rmSync(video, { force: true });
});

test('a card held up to the webcam is read and shown', async () => {
  writeY4m(
    video,
    [
      renderPayloadFrame(card.payload, 'perspective', 'e2e'),
      renderPayloadFrame(card.payload, 'defocus', 'e2e'),
    ],
    5,
  );
  const browser = await launchWithFakeCamera(video);
  try {
    app = await startBrowserModeApp();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(app!.origin)) outside.push(request.url());
    });
    await page.goto(app.launchUrl);
    await signInOnPage(page, 'cb-07921-1');
    await page.locator('[data-action="scanner-test"]').click();
    await expect(page.locator('[data-screen="scanner-test"]')).toBeVisible();
    await page.locator('[data-action="camera-start"]').click();
    const report = page.locator('.scan-report[data-source="camera"]').first();
    await expect(report).toBeVisible({ timeout: 20_000 });
    await expect(report.getByTestId('value-fullName')).toHaveText(String(card.expect.fields?.fullName));
    await expect(report.getByTestId('scan-raw')).toHaveText(card.payload);
    expect(outside).toEqual([]);
    // Leaving the page releases the camera.
    await page.locator('[data-action="home"]').click();
    await expect(page.getByTestId('camera-scanner')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});
