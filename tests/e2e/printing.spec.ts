import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { signInOnPage } from './support/sign-in-page.ts';
import { cupsServerMissing, startCupsServer, type CupsServer } from '../support/cups-server.ts';
import { readPrintedForm } from '../support/printed-form.ts';
import { pdfText } from '../integration/support/declaration-poppler.ts';

// Printing as people do it, through a real spooler (a private CUPS whose cups-pdf queue writes each
// job as a PDF): the administrator chooses the counter's printer and prints a test page; the officer
// previews a citizen's form, prints it, and reads the printer's reason when the queue is stopped;
// the job waits in the print queue and prints once on retry. A PC without a printer offers the PDF.

const missing = cupsServerMissing();
const shots = 'test-results/screenshots';

let cups: CupsServer | null = null;
let app: BrowserModeApp;

test.afterEach(async () => {
  await app?.stop();
  await cups?.stop();
  cups = null;
});

async function openFirstRegistration(page: Page): Promise<{ code: string; name: string }> {
  await page.locator('input[name="query"]').fill('nguyen');
  await page.locator('[data-action="search"]').click();
  const row = page.locator('[data-action="open-registration"]').first();
  await expect(row).toBeVisible();
  await row.click();
  const screen = page.locator('[data-screen="verification"]');
  await expect(screen).toBeVisible();
  const code = (await screen.getAttribute('data-registration-code')) ?? '';
  const name = (await page.locator('[data-field="fullName"] dd').textContent()) ?? '';
  return { code, name: name.normalize('NFC') };
}

test.describe('with a printer', () => {
  test.skip(missing !== null, `needs CUPS: ${missing ?? ''}`);

  test('the administrator chooses the printer and prints a test page', async ({ page }) => {
    cups = await startCupsServer();
    const second = await cups.addQueue();
    app = await startBrowserModeApp({}, { env: cups.env });
    await page.goto(app.launchUrl);
    await signInOnPage(page, 'qt-07921', undefined, 'admin');

    const form = page.getByTestId('printer-settings');
    const choice = form.locator('select[name="printerName"]');
    await expect(choice.locator('option')).toHaveCount(3);
    await choice.selectOption(second);
    await form.locator('[data-action="save-printer-settings"]').click();
    await expect(page.getByTestId('printer-settings-saved')).toBeVisible();
    await form.locator('[data-action="print-test-page"]').click();
    await expect(page.getByTestId('test-page-result')).toHaveAttribute('data-state', 'done', {
      timeout: 20_000,
    });
    await expect(page.getByTestId('test-page-result')).toContainText(second);
    await page.screenshot({ path: `${shots}/printing-admin-printer.png`, fullPage: true });
    const files = await cups.printedFiles();
    expect(files).toHaveLength(1);
    const printed = await readPrintedForm(cups, files[0] as string);
    expect(printed.text).toContain('TỜ KHAI');
    expect(printed.qr).toBe('IN-THU-0000');
  });

  test('the officer previews and prints a form; a stopped printer fails with its reason and the queue retries it once', async ({
    page,
  }) => {
    cups = await startCupsServer();
    app = await startBrowserModeApp({}, { env: cups.env });
    await page.goto(app.launchUrl);
    await signInOnPage(page, 'cb-07921-1');
    const citizen = await openFirstRegistration(page);

    await page.locator('[data-action="preview-form"]').click();
    const dialog = page.locator('[data-screen="print-preview"]');
    await expect(dialog).toBeVisible();
    const pageImage = dialog.getByTestId('print-page').first();
    await expect(pageImage).toBeVisible({ timeout: 20_000 });
    // The page image is really drawn (pdf.js ran): a blank or broken image has no natural size.
    const drawn = await pageImage.evaluate((image: HTMLImageElement) => image.naturalWidth);
    expect(drawn).toBeGreaterThan(500);
    await expect(dialog.getByTestId('printer-line')).toHaveAttribute('data-state', 'ready');
    await page.screenshot({ path: `${shots}/printing-preview.png` });

    await dialog.locator('[data-action="print-form"]').click();
    await expect(dialog.getByTestId('print-result')).toHaveAttribute('data-state', 'done', {
      timeout: 20_000,
    });
    let files = await cups.printedFiles();
    expect(files).toHaveLength(1);
    const printed = await readPrintedForm(cups, files[0] as string);
    expect(printed.text).toContain(citizen.name);
    expect(printed.qr).toBe(citizen.code);
    await dialog.locator('[data-action="close-preview"]').click();
    await expect(dialog).toBeHidden();

    // Out of paper: the reprint says so in the printer's words and keeps the job.
    await cups.disable('Hết giấy khay 1');
    await page.locator('[data-action="reprint"]').click();
    const result = page.getByTestId('print-result');
    await expect(result).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
    await expect(result).toContainText('Máy in đang dừng');
    await expect(result).toContainText('Hết giấy khay 1');
    await page.screenshot({ path: `${shots}/printing-stopped.png` });
    await expect(page.getByTestId('print-failed-count')).toHaveText('1 lỗi');
    expect(await cups.queuedJobs()).toEqual([]);

    await page.locator('[data-action="print-queue"]').first().click();
    const queue = page.locator('[data-screen="print-queue"]');
    await expect(queue).toBeVisible();
    const failedJob = queue.locator('[data-testid="print-job"][data-state="failed"]');
    await expect(failedJob).toHaveCount(1);
    await expect(failedJob).toContainText('Hết giấy khay 1');
    await page.screenshot({ path: `${shots}/printing-queue-failed.png`, fullPage: true });

    await cups.enable();
    await failedJob.locator('[data-action="retry-print-job"]').click();
    await expect(queue.getByTestId('print-queue-empty')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('print-failed-count')).toHaveCount(0);
    files = await cups.printedFiles();
    expect(files).toHaveLength(2);
    const reprinted = await readPrintedForm(cups, files[1] as string);
    expect(reprinted.text).toContain(citizen.name);
    expect(reprinted.qr).toBe(citizen.code);
    await page.screenshot({ path: `${shots}/printing-queue-done.png`, fullPage: true });
  });
});

test('without a printer the form is offered as a download', async ({ page }) => {
  app = await startBrowserModeApp();
  await page.goto(app.launchUrl);
  await signInOnPage(page, 'cb-07921-1');
  const citizen = await openFirstRegistration(page);
  await page.locator('[data-action="preview-form"]').click();
  const dialog = page.locator('[data-screen="print-preview"]');
  await expect(dialog.getByTestId('printer-line')).toHaveAttribute('data-state', 'none');
  await expect(dialog.locator('[data-action="print-form"]')).toBeDisabled();
  await page.screenshot({ path: `${shots}/printing-no-printer.png` });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.locator('[data-action="download-form"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`to-khai-${citizen.code}.pdf`);
  const saved = await download.path();
  const bytes = await readFile(saved);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await pdfText(saved)).toContain(citizen.name);
});
