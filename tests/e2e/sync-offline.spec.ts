import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { callFromPage } from './support/page-api.ts';
import { enrollmentCode, freePort, startCentralProcess, stopProcess } from './support/central-process.ts';
import { signInOnPage } from './support/sign-in-page.ts';

// "Pulling the network cable": the central service is stopped while the counter works, then
// started again. The counter keeps working, says what is happening, and loses nothing.

let central: ChildProcess | null = null;
let app: BrowserModeApp | null = null;
let folder: string;

test.afterEach(async () => {
  if (central) await stopProcess(central);
  await app?.stop();
  rmSync(folder, { recursive: true, force: true });
});

function api<T>(page: Page, name: string, args: unknown) {
  return callFromPage<T>(page, app!.token, name, args);
}

test('the status bar follows the central service going away and coming back; the decision is kept and sent', async ({
  page,
}) => {
  folder = mkdtempSync(path.join(tmpdir(), 'bhxh-e2e-central-'));
  const database = path.join(folder, 'central.sqlite');
  const port = await freePort();
  central = await startCentralProcess(database, port, 300);
  app = await startBrowserModeApp({
    centralUrl: `http://127.0.0.1:${port}`,
    officeCode: '07921',
    counterId: 'Q02',
  });

  await page.goto(app.launchUrl);
  // Not enrolled yet: the first set-up screen takes a one-time code, nothing else is possible.
  await expect(page.locator('[data-screen="setup"]')).toBeVisible();
  const enrolled = await api<{ state: string }>(page, 'sync.enroll', {
    enrollmentCode: enrollmentCode(database, '07921'),
  });
  expect(enrolled.value.state).toBe('online');
  await signInOnPage(page, 'cb-07921-1');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-state')).toContainText('Đã đồng bộ lúc');
  await expect(page.getByTestId('status-training')).toHaveCount(0);

  // The cable is pulled.
  await stopProcess(central);
  central = null;
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-state')).toContainText('Mất kết nối máy chủ trung tâm');
  await expect(page.getByTestId('sync-error')).toContainText('Không kết nối được máy chủ BHXH trung tâm');

  // The officer keeps working: a decision is recorded locally and waits.
  const found = await api<{ registration: { code: string; status: string } }[]>(
    page,
    'registrations.search',
    { query: 'nguyen' },
  );
  const pending = found.value.find((row) => row.registration.status === 'pending');
  expect(pending).toBeDefined();
  const decided = await api<{ localState: string }>(page, 'registrations.decide', {
    registrationCode: pending!.registration.code,
    outcome: 'approved',
    reasonCode: null,
    note: null,
    override: false,
  });
  expect(decided.value.localState).toBe('decided-locally');
  await expect(page.getByTestId('sync-backlog')).toHaveText('1 thao tác chờ gửi');

  // The cable is back.
  central = await startCentralProcess(database, port, 300);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-state')).toContainText('Đã đồng bộ lúc');
  await expect(page.getByTestId('sync-backlog')).toHaveCount(0);
  const after = await api<{ registration: { status: string }; localState: string }[]>(
    page,
    'registrations.search',
    {
      query: pending!.registration.code,
    },
  );
  expect(after.value[0]).toMatchObject({ registration: { status: 'approved' }, localState: 'synced' });
});
