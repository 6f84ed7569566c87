import { expect, test, type Page } from '@playwright/test';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { idFixture } from '../support/id-fixtures.ts';
import { signInOnPage } from './support/sign-in-page.ts';

let app: BrowserModeApp;
test.beforeEach(async () => {
  app = await startBrowserModeApp();
});
test.afterEach(async () => {
  await app.stop();
});

/** A keyboard-wedge scanner: the payload typed at ~8 ms per key, then Enter. */
async function scanWithWedge(page: Page, payload: string, delayMs = 8): Promise<void> {
  await page.keyboard.type(payload, { delay: delayMs });
  await page.keyboard.press('Enter');
}

async function openCounter(page: Page): Promise<void> {
  await page.goto(app.launchUrl);
  await signInOnPage(page, 'cb-07921-1');
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await expect(page.getByTestId('status-backend')).toHaveText('Dịch vụ cục bộ: hoạt động');
}

test('a CCCD scanned through a keyboard wedge is shown field by field', async ({ page }) => {
  const card = idFixture('cccd-2021-0');
  await openCounter(page);
  await scanWithWedge(page, card.payload);

  await expect(page.getByTestId('card-format')).toHaveText('CCCD gắn chip (2021)');
  await expect(page.getByTestId('value-idNumber')).toHaveText(String(card.expect.fields?.idNumber));
  await expect(page.getByTestId('value-oldIdNumber')).toHaveText(String(card.expect.fields?.oldIdNumber));
  await expect(page.getByTestId('value-fullName')).toHaveText(String(card.expect.fields?.fullName));
  await expect(page.getByTestId('value-dateOfBirth')).toHaveText('26/06/1967');
  await expect(page.getByTestId('value-sex')).toHaveText('Nam');
  await expect(page.getByTestId('value-address')).toHaveText(String(card.expect.fields?.address));
  await expect(page.getByTestId('value-issueDate')).toHaveText('12/06/2021');
  await expect(page.getByTestId('no-warnings')).toBeVisible();
});

test('a damaged wedge scan shows the lost-diacritics warning', async ({ page }) => {
  const card = idFixture('cccd-2021-wedge-lost-diacritics-warns');
  await openCounter(page);
  await scanWithWedge(page, card.payload);

  await expect(page.getByTestId('value-fullName')).toHaveText('?? C?ng ??ng');
  await expect(page.getByTestId('warning-lost-diacritics')).toContainText('mất dấu');
});

test('a Căn cước 2024 child card shows the parents', async ({ page }) => {
  const card = idFixture('cancuoc-2024-child-with-parents');
  await openCounter(page);
  await scanWithWedge(page, card.payload);

  await expect(page.getByTestId('card-format')).toHaveText('Thẻ Căn cước (từ 01/07/2024)');
  await expect(page.getByTestId('value-fatherName')).toHaveText('Lý Quang Dũng');
  await expect(page.getByTestId('value-motherName')).toHaveText('Phan Thị Nhung');
});

test('a BHYT card is decoded from its hex fields', async ({ page }) => {
  const card = idFixture('bhyt-2021-0');
  await openCounter(page);
  await scanWithWedge(page, card.payload);

  await expect(page.getByTestId('card-kind')).toHaveText('Thẻ bảo hiểm y tế');
  await expect(page.getByTestId('value-fullName')).toHaveText('Tạ Kim Hồng');
  await expect(page.getByTestId('value-socialInsuranceNumber')).toHaveText('2002965140');
  await expect(page.getByTestId('value-validTo')).toHaveText('Không thời hạn');
});

test('something that is not a card gets a clear Vietnamese error', async ({ page }) => {
  await openCounter(page);
  await scanWithWedge(page, 'https://vssid.vn/install');
  await expect(page.getByTestId('scan-error')).toContainText('Không đọc được thẻ');
  await expect(page.getByTestId('scan-error')).toContainText('Đây không phải mã QR của thẻ CCCD/Căn cước');
});

test('a person typing slowly is not mistaken for a scanner', async ({ page }) => {
  const card = idFixture('cccd-2021-1');
  await openCounter(page);
  await scanWithWedge(page, card.payload.slice(0, 30), 150);
  await page.waitForTimeout(300);
  await expect(page.getByTestId('card-details')).toHaveCount(0);
  await expect(page.getByTestId('scan-error')).toHaveCount(0);
});

test('the status bar shows mode, office, counter and training mode; the token leaves the address bar', async ({
  page,
}) => {
  await openCounter(page);
  await expect(page.getByTestId('status-mode')).toHaveText('Quầy tiếp nhận');
  await expect(page.getByTestId('status-office')).toHaveText('Cơ quan 07921');
  await expect(page.getByTestId('status-counter')).toHaveText('Quầy Q01');
  await expect(page.getByTestId('status-training')).toBeVisible();
  expect(page.url()).not.toContain('token');
});

test('the page refuses to start without the launch token', async ({ page }) => {
  await page.goto(app.origin);
  await expect(page.locator('[data-screen="startup-failure"]')).toContainText('Thiếu mã truy cập');
});
