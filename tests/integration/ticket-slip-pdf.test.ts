// The kiosk's ticket slip as the counter and the citizen will read it: the last page of the print
// job, its text as a viewer extracts it (pdftotext), its QR symbol read back by the app's own
// decoder from a 150 dpi raster, and its ink kept above the cut line (pdftoppm).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Registration } from '../../main/core/registration/registration.ts';
import {
  ticketLanguages,
  type TicketLanguage,
  type TicketSlip,
} from '../../main/documents/declaration/draw-ticket-slip.ts';
import { loadDeclarationTemplate } from '../../main/documents/declaration/load-declaration-template.ts';
import {
  renderDeclarationDocument,
  type DeclarationInput,
} from '../../main/documents/declaration/render-declaration-pdf.ts';
import { ticketTexts } from '../../main/documents/declaration/ticket-slip-texts.ts';
import { decodeQrImageFile } from '../../main/host/qr-image/decode-image-file.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';
import {
  grayPixels,
  pdfInfo,
  pdfText,
  popplerMissing,
  rasterisePage,
  writePdf,
} from './support/declaration-poppler.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const registration = (name: string): Registration =>
  JSON.parse(
    readFileSync(path.join(here, '..', 'fixtures', 'registrations', `${name}.json`), 'utf8'),
  ) as Registration;
const adult = registration('adult-cccd');
const child = registration('child-with-guardian');

const ticket = (language: TicketLanguage, extra: Partial<TicketSlip> = {}): TicketSlip => ({
  ticketNumber: 'K1-007',
  language,
  formCode: adult.code,
  officeName: 'BHXH khu vực Ba Đình, Hà Nội',
  submittedAt: adult.submittedAt,
  hasGuardian: false,
  copyEmail: adult.email,
  ...extra,
});

/** What the kiosk prints: the form, the summary in the citizen's language, the slip. */
const kioskPrint = (value: Registration, slip: TicketSlip, extra: Partial<DeclarationInput> = {}) => ({
  registration: value,
  office: { code: value.officeCode, name: null },
  printedAt: new Date('2026-11-21T02:30:00Z'),
  summaryLanguage: slip.language === 'vi' ? null : slip.language,
  training: false,
  ticket: slip,
  ...extra,
});

const directory = makeTemporaryDirectory('ticket-slip-pdf');
afterAll(() => directory.remove());
const { template } = await loadDeclarationTemplate(null);
let counter = 0;

async function render(input: DeclarationInput): Promise<{ file: string; pages: number }> {
  counter += 1;
  const rendered = await renderDeclarationDocument(input, template);
  return { file: await writePdf(directory.path, `slip-${counter}.pdf`, rendered.pdf), pages: rendered.pages };
}

/** pdftotext output without whitespace: CJK text and wrapped lines compare regardless of spacing. */
const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * One page's text in the order it was drawn (pdftotext -raw): -layout interleaves the slip's two
 * columns line by line, which splits a wrapped item of one column with lines of the other.
 */
async function drawnText(file: string, page: number): Promise<string> {
  const { stdout } = await promisify(execFile)('pdftotext', [
    '-raw',
    '-enc',
    'UTF-8',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    '-',
  ]);
  return compact(stdout.normalize('NFC'));
}

describe.skipIf(popplerMissing !== null)('ticket slip PDF (poppler)', () => {
  if (popplerMissing !== null) console.warn(popplerMissing);

  for (const language of ticketLanguages) {
    it(`${language}: the last page, with the number, the code, what to bring and a QR that scans`, async () => {
      const { file, pages } = await render(kioskPrint(adult, ticket(language)));
      const expectedPages = language === 'vi' ? 2 : 3;
      expect(pages).toBe(expectedPages);
      expect((await pdfInfo(file)).pages).toBe(expectedPages);
      const text = await drawnText(file, expectedPages);
      for (const expected of [
        'K1-007',
        adult.code,
        ticketTexts.vi.bringTitle,
        ticketTexts[language].bringTitle,
        ticketTexts[language].queueNumber,
        ticketTexts[language].bring.idCard,
        ticketTexts[language].cutHere,
        'BHXH khu vực Ba Đình, Hà Nội',
        // 17:05 UTC on the 30th is 00:05 on 1 December in Hà Nội.
        '01/12/2026 00:05',
        adult.email as string,
      ]) {
        expect(text, expected).toContain(compact(expected));
      }
      // An adult brings no guardian's papers, in either language.
      expect(text).not.toContain(compact(ticketTexts.vi.bring.guardian).slice(0, 12));
      expect(text).not.toContain(compact(ticketTexts[language].bring.guardian).slice(0, 8));
      // The form is still page 1, and the slip is not on it.
      const first = await pdfText(file, 1);
      expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(compact(first)).not.toContain(compact(ticketTexts.vi.bringTitle));
      const decoded = await decodeQrImageFile(await rasterisePage(file, expectedPages, 150));
      expect(decoded.ok && decoded.text).toBe(adult.code);
    });
  }

  it("lists the guardian's documents for a child, in Vietnamese and the citizen's language", async () => {
    const slip = ticket('ko', { formCode: child.code, hasGuardian: true, copyEmail: null });
    const { file, pages } = await render(kioskPrint(child, slip));
    const text = await drawnText(file, pages);
    expect(text).toContain(compact(ticketTexts.vi.bring.guardian));
    expect(text).toContain(compact(ticketTexts.ko.bring.guardian));
    // No e-mail, no line about a copy.
    expect(text).not.toContain(compact(ticketTexts.vi.copyEmail));
  });

  it('scans to the kiosk reference of an offline submission, and marks a training print', async () => {
    const reference = 'KS-7Q2M-4XK9-P3TD';
    const { file, pages } = await render(
      kioskPrint(adult, ticket('ja', { formCode: reference }), { training: true }),
    );
    expect(pages).toBe(3);
    const text = await pdfText(file, pages);
    expect(text).toContain('BẢN IN THỬ — CHẾ ĐỘ ĐÀO TẠO, KHÔNG CÓ GIÁ TRỊ');
    expect(text).toContain(reference);
    const decoded = await decodeQrImageFile(await rasterisePage(file, pages, 150));
    expect(decoded.ok && decoded.text).toBe(reference);
  });

  it('keeps a hostile office name and a 254-character e-mail on the ticket, above the cut line', async () => {
    const email = `${'a'.repeat(243)}@example.vn`;
    const slip = ticket('en', {
      officeName: `\u202e${'Bảo hiểm xã hội khu vực Ba Đình, Thành phố Hà Nội — '.repeat(8)}`,
      copyEmail: email,
      hasGuardian: true,
    });
    const { file, pages } = await render(kioskPrint(adult, slip));
    expect(pages).toBe(3);
    expect((await pdfInfo(file)).pages).toBe(3);
    const text = await drawnText(file, pages);
    expect(text).not.toContain('\u202e');
    expect(text).toContain('…');
    expect(text).toContain(email);
    expect(text).toContain('K1-007');
    // Reading order: the office, the number, the e-mail, then the cut line under all of it.
    const order = ['BảohiểmxãhộikhuvựcBaĐình', 'K1-007', '@example.vn', compact(ticketTexts.vi.cutHere)].map(
      (marker) => text.indexOf(marker),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // No ink in the lower third of the sheet: the slip did not spill down the page.
    const page = await grayPixels(await rasterisePage(file, pages, 50, { gray: true }));
    let lastInked = 0;
    for (let row = 0; row < page.height; row += 1) {
      for (let column = 0; column < page.width; column += 1) {
        if ((page.gray[row * page.width + column] as number) < 128) lastInked = row;
      }
    }
    expect(lastInked / page.height).toBeGreaterThan(0.4);
    expect(lastInked / page.height).toBeLessThan(2 / 3);
  });
});
