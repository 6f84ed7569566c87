import { expect, test, type Page } from '@playwright/test';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { idFixture } from '../support/id-fixtures.ts';
import { signInOnPage } from './support/sign-in-page.ts';
import {
  inputMethodSetups,
  typeThroughInputMethod,
  typeThroughLayout,
} from '../../main/core/scan/wedge-damage-test-helpers.ts';

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

test('a wedge scan typed with realistic timing (8–20 ms between keys, some late) is read', async ({
  page,
}) => {
  const card = idFixture('cccd-2021-1');
  await openCounter(page);
  // Irregular gaps as a real scanner on a busy PC: runs of keys 8–20 ms apart, every 17th key late
  // (60 ms). Each run is one typed string: a separate Playwright call per key added its own round
  // trip to every gap, which on a loaded CI machine pushed the median past the wedge's window.
  const runs = card.payload.match(/.{1,16}/gsu) ?? [];
  for (const [index, run] of runs.entries()) {
    await page.keyboard.type(run, { delay: 8 + (index % 13) });
    await page.waitForTimeout(60);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('value-idNumber')).toHaveText(String(card.expect.fields?.idNumber));
});

test('a scan while the search field has the focus does not land in the field; typing there still works', async ({
  page,
}) => {
  const card = idFixture('cccd-2021-2');
  await openCounter(page);
  const search = page.locator('input[name="query"]');
  await search.click();
  await search.pressSequentially('ngu', { delay: 120 });
  await scanWithWedge(page, card.payload);
  await expect(page.getByTestId('value-idNumber')).toHaveText(String(card.expect.fields?.idNumber));
  // None of the payload's keys reached the field: the card has no registration here, so the search
  // is prefilled with its ID number for a manual search (replacing what was typed), nothing else.
  await expect(page.getByTestId('card-no-match')).toBeVisible();
  await expect(search).toHaveValue(String(card.expect.fields?.idNumber));
  // A person types in the field again.
  await search.click();
  await search.press('Control+A');
  await search.pressSequentially('nguyen', { delay: 120 });
  await expect(search).toHaveValue('nguyen');
});

test('a damaged wedge scan shows the lost-diacritics warning', async ({ page }) => {
  const card = idFixture('cccd-2021-wedge-lost-diacritics-warns');
  await openCounter(page);
  await scanWithWedge(page, card.payload);

  await expect(page.getByTestId('value-fullName')).toHaveText('?? C?ng ??ng');
  await expect(page.getByTestId('warning-lost-diacritics')).toContainText('mất dấu');
  // And what to change, so the officer fixes the cause rather than use the damaged name.
  await expect(page.getByTestId('scan-damage')).toHaveAttribute('data-kind', 'lost-characters');
  await expect(page.getByTestId('scan-fix')).toContainText('HID-POS');
});

test('a scan typed through a French keyboard layout says to switch the layout', async ({ page }) => {
  const card = idFixture('bhyt-2021-0');
  await openCounter(page);
  await scanWithWedge(page, typeThroughLayout(card.payload, 'fr-azerty', 'lost'));
  await expect(page.getByTestId('scan-damage')).toHaveAttribute('data-kind', 'keyboard-layout');
  await expect(page.getByTestId('scan-damage')).toContainText('AZERTY');
  await expect(page.getByTestId('scan-fix')).toContainText('English (US)');
});

test('a BHYT scan rewritten by a Telex input method says to turn the input method off', async ({ page }) => {
  const card = idFixture('bhyt-2021-0');
  const setup = inputMethodSetups.find((candidate) => candidate.name === 'Telex on letter runs')!;
  await openCounter(page);
  await scanWithWedge(page, typeThroughInputMethod(card.payload, setup.options));
  await expect(page.getByTestId('scan-damage')).toHaveAttribute('data-kind', /input-method-(telex|vni)/);
  await expect(page.getByTestId('scan-fix')).toContainText('bộ gõ tiếng Việt');
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
