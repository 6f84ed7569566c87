import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeQrImageFile } from '../../main/host/qr-image/decode-image-file.ts';
import { idFixture } from '../support/id-fixtures.ts';
import { rasterisePage, writePdf } from '../integration/support/declaration-poppler.ts';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { callFromPage } from './support/page-api.ts';
import { signInOnPage } from './support/sign-in-page.ts';
import {
  bhytPayloadFor,
  centralRecord,
  fileRegistrations,
  registrationForCard,
} from './support/training-central-data.ts';

// The officer's job, end to end in browser mode against the training central: a card is scanned at
// the counter, its registration opens side by side with the card, and the decision reaches the
// central service, which records the citizen's notification. Screenshots for the README land in
// test-results/screenshots/.

const shots = 'test-results/screenshots';
let app: BrowserModeApp;

test.beforeEach(async () => {
  // The wedge's timing is tested elsewhere (counter-scan.spec.ts); here a wide key interval keeps a
  // stall of a loaded CI machine from splitting a typed scan into a person's keys.
  app = await startBrowserModeApp({ scanner: { wedgeMaxKeyIntervalMs: 150, wedgeIdleEndMs: 1000 } });
});
test.afterEach(async () => {
  await app.stop();
});

/** A keyboard-wedge scanner: the payload typed at ~8 ms per key, then Enter. */
async function scan(page: Page, payload: string): Promise<void> {
  await page.keyboard.type(payload, { delay: 8 });
  await page.keyboard.press('Enter');
}

/** Starts a sync round; callers wait for its effect (the state line may already say "synced"). */
async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-state')).toContainText('Đã đồng bộ lúc');
}

/** Signs in and files `registrations` at the training central, then syncs them to this counter. */
async function openCounter(
  page: Page,
  registrations: Parameters<typeof fileRegistrations>[1],
): Promise<void> {
  await page.goto(app.launchUrl);
  await signInOnPage(page, 'cb-07921-1');
  fileRegistrations(app.dataDirectory, registrations);
  await syncNow(page);
  // "Synced at" was already on screen from the sign-in's sync: wait for this pull to bring them.
  for (const registration of registrations) {
    await expect
      .poll(async () => {
        const found = await callFromPage<Array<{ registration: { code: string } }>>(
          page,
          app.token,
          'registrations.search',
          { query: registration.code },
        );
        return found.ok && found.value.some((row) => row.registration.code === registration.code);
      })
      .toBe(true);
  }
}

async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
    label,
  ).toEqual([]);
}

test('a matching card: scan, compare, approve; the central records it and the citizen’s notice', async ({
  page,
}) => {
  const code = 'DK-07921-2026-900001';
  await openCounter(page, [registrationForCard('cccd-2021-0', code)]);
  await expect(page.getByTestId('my-day')).toHaveAttribute('data-approved', '0');
  // The sync button is at the bottom: the officer's view starts at the top of the home.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/workflow-1-counter-home.png` });
  await expectNoSeriousAxeViolations(page, 'counter home');

  await scan(page, idFixture('cccd-2021-0').payload);
  const screen = page.locator('[data-screen="verification"]');
  await expect(screen).toHaveAttribute('data-registration-code', code);
  for (const field of ['idNumber', 'fullName', 'dateOfBirth', 'sex'])
    await expect(screen.locator(`[data-field="${field}"][data-outcome]`).first()).toHaveAttribute(
      'data-outcome',
      'match',
    );
  await expect(screen.getByTestId('verdict')).toHaveAttribute('data-verdict', 'all-match');
  await page.screenshot({ path: `${shots}/workflow-2-verification-match.png`, fullPage: true });
  await expectNoSeriousAxeViolations(page, 'verification');

  await page.keyboard.press('F8');
  await expect(page.getByTestId('decision-confirm')).toBeVisible();
  await page.keyboard.press('Enter');
  const result = page.locator('[data-decision]').first();
  await expect(result).toHaveAttribute('data-decision', 'approved');
  // The card's data left the screen with the decision; the status says the decision is this counter's.
  await expect(screen.locator('[data-outcome]')).toHaveCount(0);
  await expect(screen.locator('[data-field="status"] dd')).toHaveText(/^đã duyệt \(/);
  await page.screenshot({ path: `${shots}/workflow-3-approved.png`, fullPage: true });
  await expectNoSeriousAxeViolations(page, 'result');

  await syncNow(page);
  await expect.poll(() => centralRecord(app.dataDirectory, code).status).toBe('approved');
  expect(centralRecord(app.dataDirectory, code).templates).toContain('account-approved');
  await page.locator('[data-action="home"]').first().click();
  await expect(page.getByTestId('my-day')).toHaveAttribute('data-approved', '1');
});

test('a name that differs only in diacritics is a mismatch; approving needs an override with a note', async ({
  page,
}) => {
  const code = 'DK-07921-2026-900002';
  const card = idFixture('cccd-2021-1');
  await openCounter(page, [registrationForCard('cccd-2021-1', code, { fullName: 'Vũ Thành Đat' })]);
  await scan(page, card.payload);
  const screen = page.locator('[data-screen="verification"]');
  await expect(screen).toHaveAttribute('data-registration-code', code);
  const nameRow = screen.locator('[data-field="fullName"][data-outcome]').first();
  await expect(nameRow).toHaveAttribute('data-outcome', 'mismatch');
  await expect(screen.getByTestId('diacritics-only')).toBeVisible();
  await expect(nameRow.locator('mark[data-diff]').first()).toBeVisible();
  await expect(screen.getByTestId('verdict')).toHaveAttribute('data-verdict', 'needs-override');
  await page.screenshot({ path: `${shots}/workflow-4-diacritics-mismatch.png`, fullPage: true });

  // Approve alone is refused (the key too), and says why; the override asks for a written note.
  await expect(page.locator('[data-action="approve"]').first()).toBeDisabled();
  await expect(screen.getByTestId('approve-blocked')).toBeVisible();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('decision-confirm')).toHaveCount(0);
  await page.locator('[data-action="override"]').first().click();
  const note = page.locator('textarea[name="note"]');
  await expect(note).toBeVisible();
  await note.fill('Thẻ in thiếu dấu; đối chiếu giấy khai sinh, đúng người.');
  await page.locator('[data-action="override"]').last().click();
  await page.locator('[data-action="confirm"]').click();
  await expect(page.locator('[data-decision]').first()).toHaveAttribute('data-decision', 'approved');
  await syncNow(page);
  await expect.poll(() => centralRecord(app.dataDirectory, code).status).toBe('approved');
});

test('rejecting with a reason sends notice 01/TB-GDĐT from the central', async ({ page }) => {
  const code = 'DK-07921-2026-900003';
  await openCounter(page, [registrationForCard('cccd-2021-2', code)]);
  await scan(page, idFixture('cccd-2021-2').payload);
  await expect(page.locator('[data-screen="verification"]')).toHaveAttribute('data-registration-code', code);
  await page.keyboard.press('F9');
  await page.locator('select[name="reasonCode"]').selectOption('declaration-missing');
  await page.locator('[data-action="reject"]').last().click();
  await page.locator('[data-action="confirm"]').click();
  await expect(page.locator('[data-decision]').first()).toHaveAttribute('data-decision', 'rejected');
  await page.screenshot({ path: `${shots}/workflow-5-rejected.png`, fullPage: true });
  await syncNow(page);
  await expect.poll(() => centralRecord(app.dataDirectory, code).status).toBe('rejected');
  expect(centralRecord(app.dataDirectory, code).templates).toContain('01/TB-GDĐT');
});

test('a BHYT card scanned after the CCCD adds the social-insurance number comparison', async ({ page }) => {
  const code = 'DK-07921-2026-900004';
  const registration = registrationForCard('cccd-2021-3', code, { socialInsuranceNumber: '8712345678' });
  await openCounter(page, [registration]);
  await scan(page, idFixture('cccd-2021-3').payload);
  const screen = page.locator('[data-screen="verification"]');
  await expect(screen).toHaveAttribute('data-registration-code', code);
  await expect(screen.locator('[data-field="socialInsuranceNumber"][data-source="healthCard"]')).toHaveCount(
    0,
  );
  await scan(page, bhytPayloadFor(registration));
  const row = screen.locator('[data-field="socialInsuranceNumber"][data-source="healthCard"]');
  await expect(row).toHaveAttribute('data-outcome', 'match');
  await expect(screen).toHaveAttribute('data-registration-code', code);
  await page.screenshot({ path: `${shots}/workflow-6-cccd-and-bhyt.png`, fullPage: true });
});

test('the QR code of the printed declaration, read from the rendered PDF, opens its registration', async ({
  page,
}) => {
  const code = 'DK-07921-2026-900005';
  await openCounter(page, [registrationForCard('cccd-2021-4', code)]);
  const preview = await callFromPage<{ pdfBase64: string }>(page, app.token, 'forms.preview', {
    registrationCode: code,
  });
  expect(preview.ok).toBe(true);
  const folder = mkdtempSync(path.join(tmpdir(), 'bhxh-e2e-form-'));
  try {
    const file = await writePdf(folder, 'form.pdf', Buffer.from(preview.value.pdfBase64, 'base64'));
    const decoded = await decodeQrImageFile(await rasterisePage(file, 1, 150));
    expect(decoded.ok && decoded.text).toBe(code);
    await scan(page, decoded.ok ? decoded.text : '');
    await expect(page.locator('[data-screen="verification"]')).toHaveAttribute(
      'data-registration-code',
      code,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
