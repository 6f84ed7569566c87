import { expect, test, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { callFromPage } from './support/page-api.ts';
import { enrollmentCode, freePort, startCentralProcess, stopProcess } from './support/central-process.ts';
import { signInOnPage } from './support/sign-in-page.ts';

// Two counters of one office decide the same registration while the central service is out of
// reach. When it is back, one decision wins; the other counter's officer sees the conflict, with
// who decided what, and when.

let central: ChildProcess | null = null;
const apps: BrowserModeApp[] = [];
let folder: string;

test.afterEach(async () => {
  if (central) await stopProcess(central);
  for (const app of apps.splice(0)) await app.stop();
  rmSync(folder, { recursive: true, force: true });
});

function api<T>(page: Page, app: BrowserModeApp, name: string, args: unknown) {
  return callFromPage<T>(page, app.token, name, args);
}

test('the counter whose decision lost sees the conflict naming the winning decision', async ({ browser }) => {
  folder = mkdtempSync(path.join(tmpdir(), 'bhxh-e2e-conflict-'));
  const database = path.join(folder, 'central.sqlite');
  const port = await freePort();
  central = await startCentralProcess(database, port, 300);
  const config = { centralUrl: `http://127.0.0.1:${port}`, officeCode: '07921' };
  const counterA = await startBrowserModeApp({ ...config, counterId: 'Q01' });
  const counterB = await startBrowserModeApp({ ...config, counterId: 'Q02' });
  apps.push(counterA, counterB);
  const pageA = await browser.newPage();
  const pageB = await browser.newPage();
  await pageA.goto(counterA.launchUrl);
  await pageB.goto(counterB.launchUrl);
  for (const [page, app] of [
    [pageA, counterA],
    [pageB, counterB],
  ] as const) {
    const enrolled = await api<{ state: string }>(page, app, 'sync.enroll', {
      enrollmentCode: enrollmentCode(database, '07921'),
    });
    expect(enrolled.value.state).toBe('online');
  }
  await signInOnPage(pageA, 'cb-07921-1');
  await signInOnPage(pageB, 'cb-07921-2');
  const found = await api<{ registration: { code: string; status: string } }[]>(
    pageA,
    counterA,
    'registrations.search',
    {
      query: 'tran',
    },
  );
  const code = found.value.find((row) => row.registration.status === 'pending')!.registration.code;

  // The network is down; both counters decide the same registration.
  await stopProcess(central);
  central = null;
  const approve = {
    registrationCode: code,
    outcome: 'approved',
    reasonCode: null,
    note: null,
    override: false,
  };
  expect((await api(pageA, counterA, 'registrations.decide', approve)).ok).toBe(true);
  const reject = { ...approve, outcome: 'rejected', reasonCode: 'identity-mismatch', note: 'Ảnh không khớp' };
  expect((await api(pageB, counterB, 'registrations.decide', reject)).ok).toBe(true);

  // The network is back: A syncs first and wins.
  central = await startCentralProcess(database, port, 300);
  await pageA.getByTestId('sync-now').click();
  await expect(pageA.getByTestId('sync-state')).toContainText('Đã đồng bộ lúc');
  await pageB.getByTestId('sync-now').click();
  await expect(pageB.getByTestId('sync-conflicts')).toHaveText('1 hồ sơ xung đột');
  const conflict = pageB.getByTestId(`conflict-${code}`);
  await expect(conflict).toContainText('Quầy này: Từ chối bởi cb-07921-2');
  await expect(conflict.getByTestId('conflict-winner')).toContainText(
    'Có hiệu lực: Duyệt bởi cb-07921-1 (quầy Q01)',
  );
  await expect(pageA.getByTestId('conflicts')).toHaveCount(0);
});
