import { expect, type Page } from '@playwright/test';
import { testPin, trainingPassword } from '../../support/staff-session.ts';

/**
 * Signs in through the sign-in form (of the sign-in screen, or of the lock screen when another
 * officer takes over) as a person does, choosing the PIN when this is the first sign-in on the PC,
 * and waits for the caller's home screen (the counter home; an administrator's is `admin`).
 */
export async function signInOnPage(
  page: Page,
  staffId: string,
  pin = testPin,
  homeScreen = 'counter-home',
): Promise<void> {
  await expect(page.locator('input[name="username"]')).toBeVisible();
  await page.locator('input[name="username"]').fill(staffId);
  await page.locator('input[name="password"]').fill(trainingPassword(staffId));
  await page.locator('[data-action="sign-in"]').click();
  const setPin = page.locator('[data-screen="set-pin"]');
  const home = page.locator(`[data-screen="${homeScreen}"]`);
  await expect(setPin.or(home)).toBeVisible();
  if (await setPin.isVisible()) {
    await page.locator('input[name="pin"]').fill(pin);
    await page.locator('input[name="pinConfirm"]').fill(pin);
    await page.locator('[data-action="set-pin"]').click();
  }
  await expect(home).toBeVisible();
}
