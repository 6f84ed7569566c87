import { expect, test, type Download, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vietnamDay, vietnamToday } from '../../main/core/time/vietnam-time.ts';
import {
  readReportXlsx,
  reportDay,
  reportDayExpectedAfterPull as expected,
  reportMetrics,
  reportDayPendingSubmittedAt,
  seedReportDayCentral,
} from '../fixtures/report-day.ts';
import { trainingStaff } from '../support/staff-session.ts';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { enrollmentCode, freePort, startCentralProcess, stopProcess } from './support/central-process.ts';
import { callFromPage } from './support/page-api.ts';
import { signInOnPage } from './support/sign-in-page.ts';

// The supervisor's reports, end to end: a central service seeded with a day of known decisions
// (tests/fixtures/report-day.ts), a counter PC that enrolls and pulls it, and the figures on the
// screen and in each exported file are exactly the ones counted by hand. An officer gets neither
// the screen nor the API. Screenshots for the documentation land in docs/screenshots/reports-*.png.

const shots = 'docs/screenshots';

// A Vietnamese PC's clock and language. (Chromium draws a date input in its own UI language,
// which headless Chromium keeps in en-US whatever --lang says: the inputs read mm/dd/yyyy here.)
test.use({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

let folder: string;
let database: string;
let central: ChildProcess | null = null;
let app: BrowserModeApp | null = null;

test.beforeEach(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'bhxh-e2e-reports-'));
  database = path.join(folder, 'central.sqlite');
  await seedReportDayCentral(database);
  const port = await freePort();
  central = await startCentralProcess(database, port, 0);
  app = await startBrowserModeApp({
    centralUrl: `http://127.0.0.1:${port}`,
    officeCode: reportDay.officeCode,
    counterId: reportDay.counterId,
  });
});

test.afterEach(async () => {
  if (app) await app.stop();
  if (central) await stopProcess(central);
  app = null;
  central = null;
  rmSync(folder, { recursive: true, force: true });
});

function running(): BrowserModeApp {
  if (!app) throw new Error('the app did not start');
  return app;
}

/** Enrolls the PC with the seeded central (its first sync brings the staff and the day). */
async function enroll(page: Page): Promise<void> {
  await page.goto(running().launchUrl);
  const code = enrollmentCode(database, reportDay.officeCode);
  const enrolled = await callFromPage<{ state: string }>(page, running().token, 'sync.enroll', {
    enrollmentCode: code,
  });
  expect(enrolled.value.state).toBe('online');
  await page.reload();
}

/** Opens the reports from the signed-in home and shows the seeded day. */
async function openSeededDay(page: Page): Promise<void> {
  await page.locator('[data-action="reports"]').first().click();
  const screen = page.locator('[data-screen="reports"]');
  await expect(screen).toBeVisible();
  await screen.locator('input[name="from"]').fill(reportDay.date);
  await screen.locator('input[name="to"]').fill(reportDay.date);
  const report = screen.getByTestId('report');
  await expect(report).toHaveAttribute('data-report-from', reportDay.date);
  await expect(report).toHaveAttribute('data-report-to', reportDay.date);
  await expect(report).toHaveAttribute('aria-busy', 'false');
  await screen.locator('input[name="to"]').blur();
}

/** Whole days since the oldest pending registration, at either end of the check (a day may turn). */
function oldestPendingDays(before: number, after: number): number[] {
  const oldest = Math.min(...reportDayPendingSubmittedAt.map((iso) => Date.parse(iso)));
  const day = 24 * 60 * 60 * 1000;
  return [...new Set([Math.floor((before - oldest) / day), Math.floor((after - oldest) / day)])];
}

/** The figures every format must carry: the fixture's, counted by hand. */
const figures = reportMetrics(expected);

async function download(page: Page, action: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-action="${action}"]`).click(),
  ]);
  const saved = path.join(folder, file.suggestedFilename());
  await file.saveAs(saved);
  await expect(page.getByTestId('export-done')).toHaveText(`Đã xuất tệp ${file.suggestedFilename()}`);
  return { file, bytes: readFileSync(saved) };
}

/** RFC 4180 with every field quoted, as the export writes it. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!.replaceAll('""', '"')));
}

/** The value of the first row with `item` (the summary section comes before the kiosk's). */
function figureOf(rows: ReadonlyArray<ReadonlyArray<unknown>>, item: string, section?: unknown): unknown {
  return rows.find((row) => row[1] === item && (section === undefined || row[0] === section))?.[3];
}

test('a supervisor opens the reports from the home; the seeded day and every export show exactly its figures', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await enroll(page);
  await signInOnPage(page, trainingStaff.supervisor);
  const before = Date.now();
  await openSeededDay(page);
  const after = Date.now();

  for (const [name, value] of Object.entries(figures))
    await expect(page.locator(`[data-metric="${name}"]`), name).toHaveText(String(value));
  expect(oldestPendingDays(before, after)).toContain(
    Number(await page.locator('[data-metric="pending-oldest-days"]').textContent()),
  );
  // After a pull this PC knows no scan times: no median, said as such.
  await expect(page.locator('[data-metric="median-scan-to-decision"]')).toHaveText('—');
  await expect(page.locator('[data-metric="median-scan-to-decision"]')).toHaveAttribute('data-value', '');
  await expect(page.getByTestId('report-as-of')).toHaveAttribute('data-freshness', 'fresh');
  await expect(page.getByTestId('report-as-of')).toHaveText(
    /^Số liệu tính đến lần đồng bộ lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/,
  );
  for (const officer of expected.byOfficer) {
    const row = page.locator(`[data-testid="report-by-officer"] [data-officer-id="${officer.officerId}"]`);
    await expect(row.locator('[data-column="approved"]')).toHaveText(String(officer.approved));
    await expect(row.locator('[data-column="rejected"]')).toHaveText(String(officer.rejected));
    await expect(row.locator('[data-column="overrides"]')).toHaveText(String(officer.overrides));
  }
  for (const counter of expected.byCounter) {
    const row = page.locator(`[data-testid="report-by-counter"] [data-counter-id="${counter.counterId}"]`);
    await expect(row.locator('[data-column="approved"]')).toHaveText(String(counter.approved));
    await expect(row.locator('[data-column="rejected"]')).toHaveText(String(counter.rejected));
  }
  for (const reason of expected.rejectedByReason)
    await expect(
      page.locator(
        `[data-testid="report-by-reason"] [data-reason-code="${reason.reasonCode}"] [data-column="count"]`,
      ),
    ).toHaveText(String(reason.count));
  for (const hour of expected.byHour.filter((entry) => entry.received + entry.decided > 0)) {
    const row = page.locator(`[data-testid="report-by-hour"] [data-hour="${hour.hour}"]`);
    await expect(row.locator('[data-column="received"]')).toHaveText(String(hour.received));
    await expect(row.locator('[data-column="decided"]')).toHaveText(String(hour.decided));
  }
  // The charts are drawn (SVG) and each says what it shows.
  for (const chart of ['per-hour', 'per-officer', 'by-reason'])
    await expect(page.locator(`[data-chart="${chart}"] svg`).first()).toBeVisible();

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/reports-1-day.png` });
  await page.locator('#report-per-hour').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${shots}/reports-2-breakdowns.png` });

  // CSV: one table of figures (section, item, figure, value).
  const csv = await download(page, 'export-csv');
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const rows = parseCsv(csv.bytes.toString('utf8'));
  const csvFigure = (item: string, section?: string) => Number(figureOf(rows, item, section));
  expect(csvFigure('received')).toBe(expected.received.total);
  expect(csvFigure('approved')).toBe(expected.approved);
  expect(csvFigure('rejected')).toBe(expected.rejected);
  expect(csvFigure('overrides')).toBe(expected.overrides);
  expect(csvFigure('pending')).toBe(expected.pending.count);
  expect(csvFigure('portal')).toBe(expected.received.byChannel.portal);
  expect(csvFigure('kiosk')).toBe(expected.received.byChannel.kiosk);
  for (const reason of expected.rejectedByReason) expect(csvFigure(reason.reasonCode)).toBe(reason.count);

  // XLSX: the same table on its first sheet, as number cells.
  const xlsx = await download(page, 'export-xlsx');
  expect(xlsx.file.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheets = await readReportXlsx(xlsx.bytes);
  const table = sheets[0]!.data;
  expect(figureOf(table, 'received')).toBe(expected.received.total);
  expect(figureOf(table, 'approved')).toBe(expected.approved);
  expect(figureOf(table, 'rejected')).toBe(expected.rejected);
  expect(figureOf(table, 'pending')).toBe(expected.pending.count);
  for (const reason of expected.rejectedByReason)
    expect(figureOf(table, reason.reasonCode)).toBe(reason.count);

  // PDF: its text (pdftotext) names the office, the day and the figures.
  const pdf = await download(page, 'export-pdf');
  expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfFile = path.join(folder, pdf.file.suggestedFilename());
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('30/11/2026');
  expect(text).toContain(reportDay.officeCode);
  expect(pdfFigure(text, 'Hồ sơ tiếp nhận')).toBe(expected.received.total);
  expect(pdfFigure(text, 'Đã duyệt')).toBe(expected.approved);
  expect(pdfFigure(text, 'Từ chối')).toBe(expected.rejected);
  expect(pdfFigure(text, 'Đang chờ duyệt')).toBe(expected.pending.count);
  for (const reason of expected.rejectedByReason)
    expect(pdfFigure(text, reason.labelVi!), reason.reasonCode).toBe(reason.count);

  // Every export is in the audit trail, with the supervisor as the actor.
  const audit = await callFromPage<{
    entries: Array<{ action: string; actor: string; details: { format: string } }>;
  }>(page, running().token, 'audit.list', {
    from: vietnamDay(before),
    to: vietnamToday(),
    beforeId: null,
    limit: 500,
  });
  const exports = audit.value.entries.filter((entry) => entry.action === 'report.exported');
  expect(exports.map((entry) => [entry.actor, entry.details.format]).sort()).toEqual([
    [trainingStaff.supervisor, 'csv'],
    [trainingStaff.supervisor, 'pdf'],
    [trainingStaff.supervisor, 'xlsx'],
  ]);
});

/**
 * The figures of the PDF's text by their Vietnamese labels: in `pdftotext -layout` a figure is its
 * label, a run of spaces, and the number at the end of the line. The summary comes first, so the
 * first line with a label is the summary's (the kiosk's section repeats some labels later).
 */
function pdfFigure(text: string, label: string): number | undefined {
  const line = text.split('\n').find((one) => one.startsWith(`${label}  `));
  const match = line?.match(/\s(\d+)\s*$/);
  return match ? Number(match[1]) : undefined;
}

test('an officer has no reports: no button on the home, and the API answers forbidden', async ({ page }) => {
  await enroll(page);
  await signInOnPage(page, trainingStaff.officer);
  await expect(page.locator('[data-action="home"]').first()).toBeVisible();
  await expect(page.locator('[data-action="reports"]')).toHaveCount(0);
  const today = reportDay.date;
  for (const [name, args] of [
    ['reports.daily', { from: today, to: today }],
    ['reports.export', { filter: { from: today, to: today }, format: 'csv' }],
    ['audit.verify', {}],
  ] as const) {
    const answer = await callFromPage(page, running().token, name, args);
    expect(answer.ok, name).toBe(false);
    expect(answer.error?.code, name).toBe('forbidden');
  }
});

test('the audit trail verifies as intact from the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await enroll(page);
  await signInOnPage(page, trainingStaff.supervisor);
  await openSeededDay(page);
  await page.locator('[data-action="verify-audit"]').click();
  const result = page.getByTestId('audit-verification');
  await expect(result).toHaveAttribute('data-intact', 'true');
  await expect(result).toContainText('Nhật ký toàn vẹn');
  await expect(page.getByTestId('audit-head-hash')).toHaveText(/^[0-9a-f]{12}…$/);
  // Today's entries: this PC's enrollment and the supervisor's sign-in, in words.
  const today = vietnamToday();
  await page.locator('input[name="to"]').fill(today);
  await page.locator('input[name="from"]').fill(today);
  const entries = page.getByTestId('audit-entries');
  await expect(entries.locator('[data-audit-action="session.signed-in"]').first()).toContainText('Đăng nhập');
  await page.locator('#report-audit-title').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${shots}/reports-3-audit.png` });
});
