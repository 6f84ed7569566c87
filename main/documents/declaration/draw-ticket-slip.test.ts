import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { loadFont, type FontKey } from './declaration-fonts.ts';
import { contentWidth, pageSizes } from './declaration-layout.ts';
import {
  drawTicketSlip,
  maxTicketFormCodeLength,
  ticketLanguages,
  ticketLayout,
  ticketSlipIssues,
  type TicketLanguage,
  type TicketSlip,
} from './draw-ticket-slip.ts';
import { FormPen } from './form-pen.ts';
import { defaultDeclarationTemplate as template } from './load-declaration-template.ts';
import { renderDeclarationDocument, type DeclarationInput } from './render-declaration-pdf.ts';
import { ticketTexts } from './ticket-slip-texts.ts';

const ticket: TicketSlip = {
  ticketNumber: 'K1-007',
  language: 'vi',
  formCode: 'DK-07921-2026-000123',
  officeName: 'BHXH khu vực Quận 1, Thành phố Hồ Chí Minh',
  submittedAt: '2026-11-20T08:15:00Z',
  hasGuardian: false,
  copyEmail: 'vinh.trinh@example.vn',
};

const longEmail = `${'a'.repeat(243)}@example.vn`;
const hostile = (language: TicketLanguage): TicketSlip => ({
  ...ticket,
  language,
  ticketNumber: 'K12-00001234567',
  formCode: 'KS-7Q2M-4XK9-P3TD',
  // 400 characters, with controls and a bidi override that must not reach the page.
  officeName:
    `\u202eBảo hiểm xã hội\u0000 khu vực ${'Điểm tiếp nhận số 1, Thành phố Hà Nội — '.repeat(10)}`.slice(
      0,
      400,
    ),
  hasGuardian: true,
  copyEmail: longEmail,
});

const cjkFaces: Partial<Record<TicketLanguage, FontKey>> = { zh: 'chinese', ja: 'japanese', ko: 'korean' };

interface DrawnText {
  text: string;
  x: number;
  baseline: number;
  width: number;
}

/** The slip drawn on its own A4 page, with every line of text pdfkit was given and where. */
async function drawAlone(slip: TicketSlip) {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  doc.registerFont('vi', await loadFont('vietnameseRegular'));
  doc.registerFont('vi-bold', await loadFont('vietnameseBold'));
  const cjk = cjkFaces[slip.language];
  if (cjk) doc.registerFont('cjk', await loadFont(cjk));
  let pages = 0;
  doc.on('pageAdded', () => (pages += 1));
  doc.addPage({ size: 'A4', margin: 0 });
  const drawn: DrawnText[] = [];
  type Text = (text: string, x: number, y: number, options: object) => typeof doc;
  const text = doc.text.bind(doc) as Text;
  (doc as unknown as { text: Text }).text = (value, x, y, options) => {
    drawn.push({ text: value, x, baseline: y, width: doc.widthOfString(value) });
    return text(value, x, y, options);
  };
  const pen = new FormPen(doc, {
    vietnamese: 'vi',
    vietnameseBold: 'vi-bold',
    page: cjk ? 'cjk' : 'vi',
    pageBold: cjk ? 'cjk' : 'vi-bold',
  });
  const { cutLine } = drawTicketSlip(pen, { template, ticket: slip, drawQr: true });
  doc.end();
  return { cutLine, drawn, pages, all: drawn.map((line) => line.text).join('\n') };
}

const input = (extra: Partial<DeclarationInput>): DeclarationInput => ({
  registration: documentedRegistration,
  office: { code: '07921', name: null },
  printedAt: new Date('2026-11-21T02:30:00Z'),
  summaryLanguage: null,
  training: false,
  ...extra,
});

/** The page count the PDF itself declares, and the embedded faces (one subset each). */
function pdfFacts(pdf: Buffer): { pages: number; faces: string[] } {
  const text = pdf.toString('latin1');
  const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(text)?.[1]);
  const faces = new Set(
    Array.from(text.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g), (match) => match[1] as string),
  );
  return { pages, faces: [...faces].sort() };
}

const compact = (text: string) => text.replace(/\s+/g, '');

describe('drawTicketSlip', () => {
  const frameLeft = template.page.margin.left;
  const frameRight = frameLeft + contentWidth(template);

  for (const language of ticketLanguages) {
    it(`${language}: a long office name and a 254-character e-mail stay inside the ticket, on one page`, async () => {
      const plain = await drawAlone({ ...ticket, language });
      const long = await drawAlone(hostile(language));
      for (const result of [plain, long]) {
        expect(result.pages).toBe(1);
        const frameBottom = result.cutLine - ticketLayout.cutGap;
        for (const line of result.drawn) {
          expect(line.x, line.text).toBeGreaterThanOrEqual(frameLeft);
          expect(line.x + line.width, line.text).toBeLessThanOrEqual(frameRight + 0.01);
          // Below the frame, only the label on the dashed line.
          if (line.baseline > frameBottom) {
            expect([ticketTexts.vi.cutHere, ' / ', ticketTexts[language].cutHere]).toContain(line.text);
            expect(line.baseline, line.text).toBeLessThan(result.cutLine + 8);
          }
        }
        for (const forbidden of ['\u202e', '\u0000']) expect(result.all).not.toContain(forbidden);
      }
      // The long values took their room (the layout measures them), within a bound: the ticket
      // stays in the top two thirds of the sheet (an ordinary one takes about half).
      expect(long.cutLine).toBeGreaterThan(plain.cutLine);
      expect(plain.cutLine).toBeLessThan(pageSizes.A4.height * 0.55);
      expect(long.cutLine).toBeLessThan((pageSizes.A4.height * 2) / 3);
      // The office name is cut after two lines; the e-mail and the number are printed whole.
      expect(long.all).toContain('…');
      expect(compact(long.all)).toContain(longEmail);
      expect(compact(long.all)).toContain('K12-00001234567');
      expect(long.all).toContain('KS-7Q2M-4XK9-P3TD');
    });
  }

  it('prints only Vietnamese on a Vietnamese ticket, and both languages on the others', async () => {
    const vietnamese = await drawAlone(ticket);
    expect(vietnamese.all).toContain(ticketTexts.vi.bringTitle);
    expect(vietnamese.all).not.toContain(ticketTexts.en.bringTitle);
    const korean = await drawAlone({ ...ticket, language: 'ko' });
    for (const text of [ticketTexts.vi.bringTitle, ticketTexts.ko.bringTitle, ticketTexts.ko.queueNumber]) {
      expect(korean.all).toContain(text);
    }
    expect(korean.all).toContain('20/11/2026 15:15');
    expect(korean.all).toContain(ticket.copyEmail);
    // No copy to send, no line about it.
    const noCopy = await drawAlone({ ...ticket, language: 'ko', copyEmail: null });
    expect(noCopy.all).not.toContain(ticketTexts.ko.copyEmail);
    expect(noCopy.cutLine).toBeLessThan(korean.cutLine);
  });

  it("lists the guardian's documents only for a child", async () => {
    const firstWords = (text: string) => text.split(' ').slice(0, 3).join(' ');
    const adult = await drawAlone({ ...ticket, language: 'en' });
    expect(adult.all).not.toContain(firstWords(ticketTexts.vi.bring.guardian));
    expect(adult.all).not.toContain(firstWords(ticketTexts.en.bring.guardian));
    expect(adult.all).not.toMatch(/^4\.$/m);
    const child = await drawAlone({ ...ticket, language: 'en', hasGuardian: true });
    expect(child.all).toContain(firstWords(ticketTexts.vi.bring.guardian));
    expect(child.all).toContain(firstWords(ticketTexts.en.bring.guardian));
    expect(child.all).toMatch(/^4\.$/m);
  });
});

describe('ticketSlipIssues', () => {
  it('accepts a sound ticket and names each unprintable field', () => {
    expect(ticketSlipIssues(ticket)).toEqual([]);
    const issues = ticketSlipIssues({
      ...ticket,
      language: 'fr' as TicketLanguage,
      ticketNumber: ' \u0000 ',
      formCode: 'K'.repeat(maxTicketFormCodeLength + 1),
      submittedAt: 'yesterday',
    });
    expect(issues.map((issue) => issue.split(':')[0])).toEqual([
      'ticket.language',
      'ticket.ticketNumber',
      'ticket.formCode',
      'ticket.submittedAt',
    ]);
    expect(ticketSlipIssues({ ...ticket, formCode: '' })).toEqual(['ticket.formCode: thiếu mã hồ sơ']);
  });
});

describe('renderDeclarationDocument with a ticket', () => {
  it('counts the slip as the last page', async () => {
    for (const [summaryLanguage, expected] of [
      [null, 2],
      ['en', 3],
    ] as const) {
      const rendered = await renderDeclarationDocument(
        input({ summaryLanguage, ticket: hostile(summaryLanguage ?? 'vi') }),
        template,
      );
      expect(rendered.pages).toBe(expected);
      expect(pdfFacts(rendered.pdf).pages).toBe(expected);
    }
    for (const none of [null, undefined]) {
      expect((await renderDeclarationDocument(input({ ticket: none }), template)).pages).toBe(1);
    }
  });

  it('refuses an unprintable ticket before drawing anything', async () => {
    await expect(
      renderDeclarationDocument(input({ ticket: { ...ticket, formCode: '\u202e' } }), template),
    ).rejects.toMatchObject({
      code: 'declaration-input-invalid',
      issues: ['ticket.formCode: thiếu mã hồ sơ'],
    });
  });

  it('loads the CJK face of the ticket without a summary, and each face once', async () => {
    const korean = await renderDeclarationDocument(
      input({ ticket: { ...ticket, language: 'ko' } }),
      template,
    );
    expect(pdfFacts(korean.pdf).faces.filter((name) => name.includes('NotoSans'))).toEqual([
      expect.stringContaining('NotoSansKR'),
    ]);

    const same = await renderDeclarationDocument(
      input({ summaryLanguage: 'ko', ticket: { ...ticket, language: 'ko' } }),
      template,
    );
    expect(pdfFacts(same.pdf).faces.filter((name) => name.includes('NotoSans'))).toHaveLength(1);

    const mixed = await renderDeclarationDocument(
      input({ summaryLanguage: 'ja', ticket: { ...ticket, language: 'ko' } }),
      template,
    );
    const faces = pdfFacts(mixed.pdf).faces;
    expect(faces.some((name) => name.includes('NotoSansJP'))).toBe(true);
    expect(faces.some((name) => name.includes('NotoSansKR'))).toBe(true);
  });

  it('gives the same bytes for the same ticket, and different ones for another number', async () => {
    const first = await renderDeclarationDocument(input({ ticket }), template);
    const second = await renderDeclarationDocument(input({ ticket }), template);
    expect(first.pdf.equals(second.pdf)).toBe(true);
    const other = await renderDeclarationDocument(
      input({ ticket: { ...ticket, ticketNumber: 'K1-008' } }),
      template,
    );
    expect(other.pdf.equals(first.pdf)).toBe(false);
  });
});
