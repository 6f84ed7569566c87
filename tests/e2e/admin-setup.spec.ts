import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { enrollmentCode, freePort, startCentralProcess, stopProcess } from './support/central-process.ts';
import { signInOnPage } from './support/sign-in-page.ts';
import { verifyAuditChain } from '../../main/store/audit-chain.ts';

// The office's IT person sets a PC up from the administration screen: a PC fresh from the box runs
// in training mode; the administrator points it at the central service and enrolls it with a
// one-time code (a mistyped code and another office's code each get their own answer, and the other
// office's code is not used up), changes the counter (applied without a restart), and backs up and
// restores the database, the page coming back by itself. Screenshots go to docs/screenshots/.

const shots = 'docs/screenshots';
const adminId = 'qt-07921';

let central: ChildProcess | null = null;
let app: BrowserModeApp | null = null;
let folder: string | null = null;

test.afterEach(async () => {
  if (central) await stopProcess(central);
  central = null;
  await app?.stop();
  app = null;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

async function openAdministration(page: Page): Promise<Locator> {
  await page.goto(app!.launchUrl);
  await signInOnPage(page, adminId, undefined, 'admin');
  // The administrator's home is the administration itself; the header link leads there too.
  await page.locator('.app-nav [data-action="admin"]').click();
  const screen = page.locator('[data-screen="admin"]');
  await expect(screen).toBeVisible();
  await expect(page.locator('.app-nav [data-action="admin"]')).toHaveAttribute('aria-current', 'page');
  return screen;
}

/** A code as the central prints it, with one character changed: its check character no longer fits. */
function mistype(code: string): string {
  const first = code[0] === '7' ? '8' : '7';
  return first + code.slice(1);
}

/** The viewport (1280 × 800) with `section` at its top; the first section with the header above it. */
async function shoot(page: Page, section: Locator, name: string): Promise<void> {
  const first = (await section.getAttribute('data-testid')) === 'admin-section-this-pc';
  await section.evaluate((element, top) => {
    if (top) window.scrollTo(0, 0);
    else element.scrollIntoView({ block: 'start' });
  }, first);
  await page.screenshot({ path: `${shots}/${name}.png` });
}

test('the administrator enrolls this PC with a one-time code; wrong codes are told apart', async ({
  page,
}) => {
  folder = mkdtempSync(path.join(tmpdir(), 'bhxh-e2e-admin-'));
  const database = path.join(folder, 'central.sqlite');
  const port = await freePort();
  const centralUrl = `http://127.0.0.1:${port}`;
  central = await startCentralProcess(database, port, 300);
  app = await startBrowserModeApp();

  const screen = await openAdministration(page);
  const thisPc = screen.getByTestId('admin-section-this-pc');
  await expect(thisPc.getByTestId('enrollment-state')).toHaveAttribute('data-state', 'training');
  await expect(page.getByTestId('status-training')).toBeVisible();
  const form = thisPc.getByTestId('admin-enrollment');
  await form.locator('input[name="centralUrl"]').fill(centralUrl);

  // A character typed wrong: caught by the check character, before anything is used up.
  await form.locator('input[name="enrollmentCode"]').fill(mistype(enrollmentCode(database, '07921')));
  await form.locator('[data-action="enroll"]').click();
  await expect(form.locator('[data-code="enrollment-code-mistyped"]')).toContainText(
    'Mã đăng ký máy không đúng',
  );

  // Another office's code: refused with its own message, and still good for that office.
  const otherOffice = enrollmentCode(database, '01001');
  await form.locator('input[name="enrollmentCode"]').fill(otherOffice);
  await form.locator('[data-action="enroll"]').click();
  const refused = form.locator('[data-code="enrollment-code-other-office"]');
  await expect(refused).toContainText('Mã này cấp cho cơ quan BHXH 01001');
  await expect(refused).toContainText('Mã chưa bị dùng');
  await shoot(page, thisPc, 'admin-1-enroll-other-office');
  await expect(thisPc.getByTestId('enrollment-state')).toHaveAttribute('data-state', 'training');

  // The right code for this office.
  await form.locator('input[name="enrollmentCode"]').fill(enrollmentCode(database, '07921'));
  await form.locator('[data-action="enroll"]').click();
  await expect(form.getByTestId('enroll-saved')).toBeVisible({ timeout: 20_000 });
  await expect(thisPc.getByTestId('enrollment-state')).toHaveAttribute('data-state', 'enrolled');
  await expect(page.getByTestId('status-training')).toHaveCount(0);
  const sync = screen.getByTestId('admin-section-sync');
  await sync.locator('[data-action="sync-now"]').click();
  await expect(sync.getByTestId('admin-sync-status')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online');
  await shoot(page, thisPc, 'admin-2-enrolled');
  await shoot(page, sync, 'admin-6-sync-outbox');

  // The other office's code was not used up by the refusal: that office's PC enrolls with it.
  const elsewhere = await fetch(`${centralUrl}/v1/enrollments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      enrollmentCode: otherOffice,
      deviceName: 'PC of office 01001',
      officeCode: '01001',
    }),
  });
  expect(elsewhere.status).toBe(200);
  expect(await elsewhere.json()).toMatchObject({ officeCode: '01001' });
});

test('the counter changes without a restart; a backup restored brings the page back on it', async ({
  page,
}) => {
  app = await startBrowserModeApp();
  const screen = await openAdministration(page);
  await shoot(page, screen.getByTestId('admin-section-devices'), 'admin-7-devices');
  await shoot(page, screen.getByTestId('admin-section-retention'), 'admin-8-retention');

  // The counter: saved in its own section, and every screen shows it at once.
  const office = screen.getByTestId('admin-office');
  await office.locator('input[name="counterId"]').fill('Q09');
  await office.locator('[data-action="save-office"]').click();
  await expect(office.getByTestId('office-saved')).toBeVisible();
  await expect(page.getByTestId('status-counter')).toHaveText('Quầy Q09');

  // Something to see come back: the rejection reasons as they are at the backup.
  const reasons = screen.getByTestId('admin-reasons');
  await reasons.locator('[data-action="add-reason"]').click();
  await reasons.locator('input[name="code"]').fill('anh-khong-ro');
  await reasons.locator('input[name="labelVi"]').last().fill('Ảnh chân dung trên giấy tờ không rõ');
  await reasons.locator('input[name="noteRequired"]').last().check();
  await reasons.locator('[data-action="save-reasons"]').click();
  await expect(reasons.getByTestId('reasons-saved')).toBeVisible();
  await shoot(page, screen.getByTestId('admin-section-reasons'), 'admin-3-reasons');

  const backups = screen.getByTestId('admin-section-backups');
  await backups.locator('[data-action="backup-now"]').click();
  await expect(backups.getByTestId('backup-saved')).toBeVisible();
  await expect(backups.locator('tr[data-backup]')).toHaveCount(1);

  // After the backup the reason is removed again…
  await reasons.locator('tr[data-reason-code="anh-khong-ro"] [data-action="remove-reason"]').click();
  await reasons.locator('[data-action="save-reasons"]').click();
  await expect(reasons.getByTestId('reasons-saved')).toBeVisible();
  await expect(reasons.locator('tr[data-reason-code="anh-khong-ro"]')).toHaveCount(0);

  // …and the backup is restored, after the screen has said what will happen.
  await backups.locator('tr[data-backup] [data-action="restore"]').click();
  const confirm = backups.getByRole('alertdialog');
  await expect(confirm).toContainText('không bị xoá');
  // Unsent changes would be refused first; nothing waits here (training mode sends at once).
  await expect(confirm.getByRole('listitem').first()).toContainText('Đồng bộ ngay');
  await expect(confirm).toContainText('Nhật ký kiểm toán được giữ trọn');
  await expect(confirm.getByTestId('restore-pending')).toHaveCount(0);
  await shoot(page, backups, 'admin-5-restore-confirm');
  await confirm.locator('[data-action="confirm-restore"]').click();
  await expect(backups.getByTestId('restore-restarting')).toBeVisible();

  // The app restarts on the backup: everyone signs in again, and the reason is back.
  await signInOnPage(page, adminId, undefined, 'admin');
  const after = page.locator('[data-screen="admin"]');
  await expect(after.locator('tr[data-reason-code="anh-khong-ro"]')).toHaveCount(1);
  await expect(after.locator('tr[data-backup]')).toHaveCount(1);
  // The counter lives in config.json, not in the database: the restore leaves it.
  await expect(page.getByTestId('status-counter')).toHaveText('Quầy Q09');
  await shoot(page, after.getByTestId('admin-section-backups'), 'admin-4-backups');

  // The restored database kept the whole audit trail: the entries written after the backup (the
  // reason removed, the restore asked for) are there, then the restore, and the chain verifies.
  const db = new Database(path.join(app!.dataDirectory, 'bhxh-kiosk.sqlite'), { readonly: true });
  try {
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
    const actions = db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];
    const backedUp = actions.lastIndexOf('backup.created');
    expect(actions.slice(backedUp)).toEqual(
      expect.arrayContaining(['settings.changed', 'backup.restore-requested', 'backup.restored']),
    );
    expect(actions.indexOf('backup.restored')).toBeGreaterThan(actions.indexOf('backup.restore-requested'));
  } finally {
    db.close();
  }
});
