import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Registration } from '../../main/core/registration/registration.ts';
import { idFixture } from '../support/id-fixtures.ts';
import { missingGlyphs, type ScreenLanguage } from '../support/glyph-coverage.ts';
import { cupsServerMissing, startCupsServer, type CupsServer } from '../support/cups-server.ts';
import { readPrintedForm } from '../support/printed-form.ts';
import { startBrowserModeApp, type BrowserModeApp } from './support/browser-mode-app.ts';
import { enrollmentCode, freePort, startCentralProcess, stopProcess } from './support/central-process.ts';
import { callFromPage } from './support/page-api.ts';
import { bhytPayloadFor, centralRecord } from './support/training-central-data.ts';

// A walk-in citizen at the self-service kiosk, end to end in browser mode, in each of the five
// languages: attract → language → the ID card and the health-insurance card scanned (keyboard
// wedge) → the form filled from them → phone and e-mail typed → consent → submit → the done screen
// with the code; the registration is at the central with the cards' fields and channel `kiosk`,
// and the printed PDF (a private CUPS with a cups-pdf queue) carries it. Every step the citizen
// takes is counted: two scans, the phone, the e-mail, one consent, one submit — nothing typed that
// a card holds. Each language's screens are photographed and their text checked against the
// bundled fonts (no tofu) and for untranslated keys.

const shots = 'test-results/screenshots';
const languages = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
type Language = (typeof languages)[number];
const people: Record<Language, string> = {
  vi: 'cccd-2021-0',
  en: 'cccd-2021-1',
  zh: 'cancuoc-2024-adult-0',
  ko: 'cancuoc-2024-adult-3',
  ja: 'cccd-2021-4',
};
const cupsMissing = cupsServerMissing();
// The wedge's timing is tested elsewhere: a wide key interval keeps a loaded CI machine's stall
// from splitting a typed scan into a person's keys.
const scanner = { wedgeMaxKeyIntervalMs: 150, wedgeIdleEndMs: 1000 };

let app: BrowserModeApp | null = null;
let cups: CupsServer | null = null;
let central: ChildProcess | null = null;
let folder: string | null = null;

test.afterEach(async () => {
  await app?.stop();
  await cups?.stop();
  if (central) await stopProcess(central);
  if (folder) rmSync(folder, { recursive: true, force: true });
  app = null;
  cups = null;
  central = null;
  folder = null;
});

/** What the citizen does, step by step, so the test can count it. */
class Citizen {
  readonly steps: string[] = [];
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async tap(action: string): Promise<void> {
    this.steps.push(`tap ${action}`);
    await this.page.locator(`[data-action="${action}"]`).click();
  }

  async scan(card: string, payload: string): Promise<void> {
    this.steps.push(`scan ${card}`);
    await this.page.keyboard.type(payload, { delay: 8 });
    await this.page.keyboard.press('Enter');
  }

  async type(field: string, value: string): Promise<void> {
    this.steps.push(`type ${field}`);
    const input = this.page.locator(`[name="${field}"]`);
    await input.click();
    await this.page.keyboard.type(value, { delay: 20 });
    // Fast typing may be held by the scanner capture until its burst ends, then given to the field.
    const compact = value.replace(/\s/g, '');
    await expect
      .poll(async () => (await input.inputValue()).replace(/\s/g, ''), { timeout: 5000 })
      .toBe(compact);
  }

  async tick(field: string): Promise<void> {
    this.steps.push(`tick ${field}`);
    await this.page.locator(`input[name="${field}"]`).check();
  }
}

function person(language: Language) {
  const card = idFixture(people[language]);
  const fields = card.expect.fields as Record<string, string>;
  // A social-insurance number per test person, so no two tests share one.
  const socialInsuranceNumber = `79${fields.idNumber?.slice(-8)}`;
  return {
    idPayload: card.payload,
    fullName: fields.fullName as string,
    idNumber: fields.idNumber as string,
    dateOfBirth: fields.dateOfBirth as string,
    sex: fields.sex as 'male' | 'female',
    socialInsuranceNumber,
    healthPayload: bhytPayloadFor({
      socialInsuranceNumber,
      fullName: fields.fullName as string,
      dateOfBirth: fields.dateOfBirth as string,
      sex: fields.sex as 'male' | 'female',
    }),
  };
}

function centralRegistrations(dataDirectory: string, idNumber: string): Registration[] {
  const db = new Database(path.join(dataDirectory, 'training-central.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT json FROM registrations').all() as Array<{ json: string }>)
      .map((row) => JSON.parse(row.json) as Registration)
      .filter((registration) => registration.idDocument.number === idNumber);
  } finally {
    db.close();
  }
}

const cjkFace: Partial<Record<ScreenLanguage, string>> = {
  zh: 'BHXH Noto Sans SC',
  ja: 'BHXH Noto Sans JP',
  ko: 'BHXH Noto Sans KR',
};

/**
 * The screen's visible text: no glyph the bundled fonts cannot draw, no key left untranslated, and
 * the language's own face really loaded in the page (not only declared).
 */
async function expectReadable(page: Page, language: ScreenLanguage, label: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(missingGlyphs(text, language), `${label}: characters without a glyph`).toEqual([]);
  const face = cjkFace[language];
  if (face !== undefined) {
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
    });
    expect(
      loaded.map((family) => family.replace(/["']/g, '')),
      `${label}: ${face} loaded`,
    ).toContain(face);
  }
  expect(text, `${label}: untranslated keys`).not.toMatch(
    /\b(kiosk|apiError|cardError|cardWarning|scanDamage|printFailure|field|registrationStatus)\.[A-Za-z]/,
  );
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

async function walkToConsent(page: Page, citizen: Citizen, language: Language, who = person(language)) {
  await expect(page.locator('[data-screen="kiosk-attract"]')).toBeVisible();
  await citizen.tap('start');
  await expect(page.locator('[data-screen="kiosk-language"]')).toBeVisible();
  await citizen.tap(`language-${language}`);
  await expect(page.locator('[data-screen="kiosk-scan"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await citizen.scan('id-card', who.idPayload);
  await expect(page.getByTestId('id-card-status')).toHaveAttribute('data-state', 'read');
  await citizen.scan('health-card', who.healthPayload);
  await expect(page.getByTestId('health-card-status')).toHaveAttribute('data-state', 'read');
  await citizen.tap('next');
  const form = page.locator('[data-screen="kiosk-form"]');
  await expect(form).toBeVisible();
  // Filled from the cards, and it says from which.
  await expect(form.locator('[data-field="fullName"]')).toContainText(who.fullName);
  await expect(form.locator('[data-field="fullName"]')).toHaveAttribute('data-source', 'id-card');
  await expect(form.locator('[data-field="socialInsuranceNumber"]')).toHaveAttribute(
    'data-source',
    'health-card',
  );
  return who;
}

test.describe('a citizen registers at the kiosk', () => {
  test.skip(cupsMissing !== null, `needs CUPS: ${cupsMissing ?? ''}`);

  for (const language of languages) {
    test(`in ${language}: scan, complete, consent, submit; the central has it and the printer printed it`, async ({
      page,
    }) => {
      cups = await startCupsServer();
      app = await startBrowserModeApp({ mode: 'kiosk', counterId: 'K1', scanner }, { env: cups.env });
      await page.goto(app.launchUrl);
      const citizen = new Citizen(page);
      await page.screenshot({ path: `${shots}/kiosk-${language}-1-attract.png` });
      const who = await walkToConsent(page, citizen, language);
      await citizen.type('phone', '0912 345 678');
      await citizen.type('email', 'cong.dan@example.vn');
      // One citizen also asks for a copy of the form by e-mail.
      const wantsCopy = language === 'en';
      if (wantsCopy) await citizen.tick('sendDeclarationCopy');
      await expectReadable(page, language, 'form');
      await page.screenshot({ path: `${shots}/kiosk-${language}-2-form.png` });
      await citizen.tap('next');
      await expect(page.locator('[data-screen="kiosk-consent"]')).toBeVisible();
      await expectReadable(page, language, 'consent');
      await citizen.tick('consent');
      await citizen.tap('submit');

      const done = page.locator('[data-screen="kiosk-done"]');
      await expect(done).toBeVisible();
      const code = done.locator('[data-registration-code]');
      // The training central answers at once: the code replaces the kiosk reference.
      await expect(code).toHaveAttribute('data-registration-code', /^DK-07921-\d{4}-\d{6}$/, {
        timeout: 20_000,
      });
      const registrationCode = (await code.getAttribute('data-registration-code')) as string;
      await expect(page.getByTestId('print-result')).toHaveAttribute('data-state', 'done', {
        timeout: 30_000,
      });
      await expectReadable(page, language, 'done');
      await page.screenshot({ path: `${shots}/kiosk-${language}-3-done.png` });
      if (language === 'vi') await expectNoSeriousAxeViolations(page, 'done');

      // What the citizen did: two scans, the phone, the e-mail, one consent, one submit.
      expect(citizen.steps).toEqual([
        'tap start',
        `tap language-${language}`,
        'scan id-card',
        'scan health-card',
        'tap next',
        'type phone',
        'type email',
        ...(wantsCopy ? ['tick sendDeclarationCopy'] : []),
        'tap next',
        'tick consent',
        'tap submit',
      ]);

      const atCentral = centralRegistrations(app.dataDirectory, who.idNumber);
      expect(atCentral).toHaveLength(1);
      expect(atCentral[0]).toMatchObject({
        code: registrationCode,
        channel: 'kiosk',
        status: 'pending',
        fullName: who.fullName,
        dateOfBirth: who.dateOfBirth,
        sex: who.sex,
        socialInsuranceNumber: who.socialInsuranceNumber,
        idDocument: { type: 'cccd', number: who.idNumber },
        phone: '0912345678',
        email: 'cong.dan@example.vn',
        officeCode: '07921',
      });

      const files = await cups.printedFiles();
      expect(files).toHaveLength(1);
      const printed = await readPrintedForm(cups, files[0] as string);
      expect(printed.qr).toBe(registrationCode);
      expect(printed.text).toContain(who.fullName);
      expect(printed.text).toContain('K1-001');
      // The copy by e-mail is a notification at the central, like the approval and rejection notices.
      expect(centralRecord(app.dataDirectory, registrationCode).templates.includes('declaration-copy')).toBe(
        wantsCopy,
      );

      if (language === 'vi') {
        // The next person looks up their status: the card finds the registration, in words.
        await page.locator('[data-action="start-over"]').click();
        await expect(page.locator('[data-screen="kiosk-attract"]')).toBeVisible();
        await page.locator('[data-action="status"]').click();
        await expect(page.locator('[data-screen="kiosk-status"]')).toBeVisible();
        await page.keyboard.type(who.idPayload, { delay: 8 });
        await page.keyboard.press('Enter');
        const entry = page.getByTestId('status-entry').first();
        await expect(entry).toHaveAttribute('data-registration-code', registrationCode);
        await expect(entry).toHaveAttribute('data-status', 'pending');
        await expect(entry.getByTestId('masked-name')).not.toContainText(who.fullName);
        await page.screenshot({ path: `${shots}/kiosk-vi-4-status.png` });
      }
    });
  }

  test('a double tap on submit makes one registration, and the language can change without losing input', async ({
    page,
  }) => {
    cups = await startCupsServer();
    app = await startBrowserModeApp({ mode: 'kiosk', counterId: 'K1', scanner }, { env: cups.env });
    await page.goto(app.launchUrl);
    const citizen = new Citizen(page);
    const who = await walkToConsent(page, citizen, 'en');
    await citizen.type('phone', '0987654321');
    // Another language mid-form: what was typed and scanned stays.
    await page.locator('[data-action="language-ko"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.locator('input[name="phone"]')).toHaveValue(/0987\s?654\s?321|0987654321/);
    await expect(page.locator('[data-field="fullName"]')).toContainText(who.fullName);
    await citizen.tap('next');
    await citizen.tick('consent');
    await page.locator('[data-action="submit"]').dblclick();
    await expect(page.locator('[data-screen="kiosk-done"] [data-registration-code]')).toHaveAttribute(
      'data-registration-code',
      /^DK-/,
      { timeout: 20_000 },
    );
    expect(centralRegistrations(app.dataDirectory, who.idNumber)).toHaveLength(1);
  });

  test('a kiosk page cannot call the officers’ operations through the HTTP API', async ({ page }) => {
    app = await startBrowserModeApp({ mode: 'kiosk', counterId: 'K1', scanner });
    await page.goto(app.launchUrl);
    await expect(page.locator('[data-screen="kiosk-attract"]')).toBeVisible();
    for (const [name, args] of [
      ['registrations.search', { query: 'nguyen' }],
      ['registrations.list', {}],
      ['settings.set', { patch: { counterId: 'Q99' } }],
      ['print.jobs', {}],
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
    ] as const) {
      const answer = await callFromPage(page, app.token, name, args);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

test('the idle timeout warns, then wipes the visit and returns to the attract screen', async ({ page }) => {
  app = await startBrowserModeApp({
    mode: 'kiosk',
    counterId: 'K1',
    scanner,
    kiosk: { idleTimeoutSeconds: 6, idleWarningSeconds: 3 },
  });
  await page.goto(app.launchUrl);
  const citizen = new Citizen(page);
  await citizen.tap('start');
  await citizen.tap('language-ja');
  const who = person('ja');
  await citizen.scan('id-card', who.idPayload);
  await expect(page.getByTestId('id-card-status')).toHaveAttribute('data-state', 'read');
  await expect(page.locator('[data-action="continue"]')).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: `${shots}/kiosk-idle-warning.png` });
  await expect(page.locator('[data-screen="kiosk-attract"]')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  // Nothing of the citizen is left on any screen, and the backend forgot the visit too.
  await expect(page.locator('body')).not.toContainText(who.fullName);
  expect(await callFromPage(page, app.token, 'kiosk.receipt', {})).toMatchObject({
    ok: false,
    error: { code: 'kiosk-visit-required' },
  });
  await citizen.tap('start');
  await citizen.tap('language-vi');
  await expect(page.getByTestId('id-card-status')).toHaveAttribute('data-state', 'waiting');
});

test('offline: the form is kept and printed with the kiosk reference; the central receives it exactly once when it comes back', async ({
  page,
}) => {
  folder = mkdtempSync(path.join(tmpdir(), 'bhxh-e2e-kiosk-central-'));
  const database = path.join(folder, 'central.sqlite');
  const port = await freePort();
  central = await startCentralProcess(database, port, 50);
  test.skip(cupsMissing !== null, `needs CUPS: ${cupsMissing ?? ''}`);
  cups = await startCupsServer();
  app = await startBrowserModeApp(
    {
      mode: 'kiosk',
      counterId: 'K2',
      officeCode: '07921',
      centralUrl: `http://127.0.0.1:${port}`,
      scanner,
    },
    { env: cups.env },
  );
  await page.goto(app.launchUrl);
  const enrolled = await callFromPage<{ state: string }>(page, app.token, 'sync.enroll', {
    enrollmentCode: enrollmentCode(database, '07921'),
  });
  expect(enrolled.value.state).toBe('online');
  await page.reload();

  // The cable is pulled.
  await stopProcess(central);
  central = null;
  const citizen = new Citizen(page);
  const who = await walkToConsent(page, citizen, 'vi');
  await citizen.type('phone', '0912345678');
  await citizen.tap('next');
  await citizen.tick('consent');
  await citizen.tap('submit');
  const code = page.locator('[data-screen="kiosk-done"] [data-registration-code]');
  await expect(code).toHaveAttribute('data-registration-code', /^KS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const reference = (await code.getAttribute('data-registration-code')) as string;
  // Printed while offline: the form's QR carries the kiosk reference the counter will find it by.
  await expect(page.getByTestId('print-result')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const files = await cups.printedFiles();
  expect(files).toHaveLength(1);
  expect((await readPrintedForm(cups, files[0] as string)).qr).toBe(reference);
  await page.screenshot({ path: `${shots}/kiosk-offline-done.png` });

  // The cable is back: the next round pushes it, once.
  central = await startCentralProcess(database, port, 50);
  await expect(code).toHaveAttribute('data-registration-code', /^DK-07921-/, { timeout: 30_000 });
  const db = new Database(database, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT code, json, kiosk_reference FROM registrations WHERE json_extract(json, '$.idDocument.number') = ?`,
      )
      .all(who.idNumber) as Array<{ code: string; kiosk_reference: string }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kiosk_reference).toBe(reference);
  } finally {
    db.close();
  }
  // Delivered and printed: the kiosk holds nothing of the citizen any more.
  const kioskDb = new Database(path.join(app.dataDirectory, 'bhxh-kiosk.sqlite'), { readonly: true });
  try {
    expect(
      kioskDb.prepare('SELECT payload FROM kiosk_registrations WHERE local_ref = ?').get(reference),
    ).toEqual({ payload: null });
    expect(kioskDb.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 0 });
  } finally {
    kioskDb.close();
  }
});
