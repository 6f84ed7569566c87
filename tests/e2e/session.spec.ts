import { expect, test } from '@playwright/test';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { callFromPage } from './support/page-api.ts';
import { signInOnPage } from './support/sign-in-page.ts';
import { testPin, trainingPassword } from '../support/staff-session.ts';

// Who is calling: sign-in against the training central's staff directory, the idle lock and its
// PIN, another officer taking over, a kiosk page that cannot reach officer operations, and the
// screens a failed start shows instead of a blank window.

const apps: BrowserModeApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.stop();
});

async function start(config: Record<string, unknown> = {}, options: { dataDirectory?: string } = {}) {
  const app = await startBrowserModeApp(config, options);
  apps.push(app);
  return app;
}

test('an officer signs in, the idle lock hides the screen, the PIN unlocks it', async ({ page }) => {
  // 0.1 minute = 6 s without input locks the screen (5 minutes in the product).
  const app = await start({ security: { idleLockMinutes: 0.1 } });
  await page.goto(app.launchUrl);
  await signInOnPage(page, 'cb-07921-1');
  await expect(page.getByTestId('signed-in-user')).toContainText('Huỳnh Thị Ngọc Hân');
  await page.locator('input[name="query"]').fill('nguyen');
  await page.locator('[data-action="search"]').click();
  await expect(page.getByTestId('registration-list')).toBeVisible();

  // Nobody touches anything: the lock screen replaces the personal data.
  await expect(page.locator('[data-screen="lock"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-screen="counter-home"]')).toHaveCount(0);
  await expect(page.getByTestId('registration-list')).toHaveCount(0);
  const locked = await callFromPage(page, app.token, 'registrations.search', { query: 'nguyen' });
  expect(locked.error?.code).toBe('session-locked');

  await page.locator('input[name="pin"]').fill('0000');
  await page.locator('[data-action="unlock"]').click();
  await expect(page.getByTestId('error-message')).toHaveText('Mã PIN không đúng. Còn 4 lần thử.');
  await page.locator('input[name="pin"]').fill(testPin);
  await page.locator('[data-action="unlock"]').click();
  await expect(page.locator('[data-screen="counter-home"]')).toBeVisible();
});

test('wrong passwords and inactive staff are told apart; another officer may take over a locked screen', async ({
  page,
}) => {
  const app = await start();
  await page.goto(app.launchUrl);
  await expect(page.locator('[data-screen="sign-in"]')).toBeVisible();
  await page.locator('input[name="username"]').fill('cb-07921-1');
  await page.locator('input[name="password"]').fill('sai-mat-khau');
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.getByTestId('error-message')).toHaveText('Sai mã cán bộ hoặc mật khẩu. Còn 4 lần thử.');
  await page.locator('input[name="username"]').fill('cb-07921-9');
  await page.locator('input[name="password"]').fill(trainingPassword('cb-07921-9'));
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'staff-inactive');

  await signInOnPage(page, 'cb-07921-1');
  await page.locator('[data-action="lock"]').click();
  await expect(page.locator('[data-screen="lock"]')).toBeVisible();
  await page.locator('[data-action="sign-in-other"]').click();
  await signInOnPage(page, 'cb-07921-2');
  await expect(page.getByTestId('signed-in-user')).toContainText('Võ Minh Tuấn');
});

test('an officer working in English reads every message in English', async ({ page }) => {
  const app = await start();
  await page.goto(app.launchUrl);
  await page.locator('[data-action="language-en"]').click();
  await expect(page.locator('h1')).toHaveText('Sign in');
  await page.locator('input[name="username"]').fill('cb-07921-1');
  await page.locator('input[name="password"]').fill('wrong');
  await page.locator('[data-action="sign-in"]').click();
  await expect(page.getByTestId('error-message')).toHaveText('Wrong staff id or password. Attempts left: 4.');
});

test('a kiosk page cannot call officer operations through the HTTP API', async ({ page }) => {
  const app = await start({ mode: 'kiosk' });
  await page.goto(app.launchUrl);
  await expect(page.locator('[data-screen="kiosk-attract"]')).toBeVisible();
  for (const [name, args] of [
    [
      'registrations.decide',
      {
        registrationCode: 'DK-07921-2026-000001',
        outcome: 'approved',
        reasonCode: null,
        note: null,
        override: false,
      },
    ],
    ['registrations.search', { query: 'nguyen' }],
    ['session.signIn', { username: 'qt-07921', password: trainingPassword('qt-07921') }],
    ['settings.set', { patch: { mode: 'counter' } }],
  ] as const) {
    const answer = await callFromPage(page, app.token, name, args);
    expect(answer, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
  expect((await callFromPage(page, app.token, 'health', {})).ok).toBe(true);
});

test('a broken configuration file shows what to fix instead of a blank window', async ({ page }) => {
  const app = await start({ officeCode: '79', scanner: { wedgeMinLength: 'twelve' } });
  await page.goto(app.launchUrl);
  const failure = page.locator('[data-screen="startup-failure"]');
  await expect(failure).toBeVisible();
  await expect(failure).toHaveAttribute('data-code', 'config-invalid');
  await expect(failure).toContainText('config.json');
  await expect(failure).toContainText('officeCode');
  await expect(failure).toContainText('scanner.wedgeMinLength');
  await page.locator('[data-action="language-en"]').click();
  await expect(failure).toContainText('Open the configuration file');
});

test('a second app on the same data folder says which one holds it', async ({ page }) => {
  const first = await start();
  const second = await start({}, { dataDirectory: first.dataDirectory });
  await page.goto(second.launchUrl);
  const failure = page.locator('[data-screen="startup-failure"]');
  await expect(failure).toHaveAttribute('data-code', 'data-directory-locked');
  await expect(failure).toContainText('bhxh-kiosk.lock');
});
