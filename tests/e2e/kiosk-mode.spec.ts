import { expect, test } from '@playwright/test';
import { startBrowserModeApp } from './support/browser-mode-app.ts';

test('kiosk mode routes to the kiosk welcome screen', async ({ page }) => {
  const app = await startBrowserModeApp({ mode: 'kiosk', officeCode: '01001', counterId: 'K1' });
  try {
    await page.goto(app.launchUrl);
    await expect(page.getByTestId('kiosk-welcome')).toBeVisible();
    await expect(page.getByTestId('status-mode')).toHaveText('Ki-ốt tự phục vụ');
    await expect(page.getByTestId('status-office')).toHaveText('Cơ quan 01001');
  } finally {
    await app.stop();
  }
});
