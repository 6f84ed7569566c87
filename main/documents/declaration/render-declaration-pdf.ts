// The declaration PDF of one registration (issue #9): page 1 the Vietnamese form 01/ĐK-GD the
// citizen signs, page 2, for a kiosk session in another language, a summary in that language, and
// for a kiosk submission a ticket slip (queue number, what to bring) as the last page.
// The output depends only on the input (CreationDate is printedAt, pdfkit derives the file ID
// from the metadata), so a reprint of the same registration is the same file.
import PDFDocument from 'pdfkit';
import { registrationSchema, type Registration } from '../../core/registration/registration.ts';
import { bhxhOffice } from './bhxh-office-directory.ts';
import { loadFont, type FontKey } from './declaration-fonts.ts';
import { pageSizes, type PaperSize } from './declaration-layout.ts';
import type { DeclarationTemplate, SummaryLanguage } from './declaration-template-schema.ts';
import { declarationValues, displayVietnamDateTime } from './declaration-values.ts';
import { drawDeclarationForm } from './draw-declaration-form.ts';
import { drawSummaryPage } from './draw-summary-page.ts';
import {
  drawTicketSlip,
  ticketSlipIssues,
  type TicketLanguage,
  type TicketSlip,
} from './draw-ticket-slip.ts';
import { drawTrainingBanner, drawTrainingWatermark } from './draw-training-mark.ts';
import { FormPen, type PenFonts } from './form-pen.ts';
import { sanitizeFieldText } from './sanitize-field-text.ts';

export interface DeclarationInput {
  /** Canonical JSON; validated with registrationSchema before anything is drawn. */
  registration: Registration;
  /** The receiving office. A null name is looked up in resources/domain/bhxh-offices.json. */
  office: { code: string; name: string | null; place?: string | null };
  printedAt: Date;
  /** A kiosk session in another language also gets a one-page summary in that language behind the form. */
  summaryLanguage: SummaryLanguage | null;
  /** Training mode: every page carries a clear "BẢN IN THỬ — CHẾ ĐỘ ĐÀO TẠO, KHÔNG CÓ GIÁ TRỊ" mark. */
  training: boolean;
  paperSize?: PaperSize;
  /** A kiosk submission: a ticket slip as the last page (queue number, what to bring). */
  ticket?: TicketSlip | null;
}

export type DeclarationRenderErrorCode = 'declaration-registration-invalid' | 'declaration-input-invalid';

/** A declaration that cannot be printed from this input; `issues` say which fields, in Vietnamese. */
export class DeclarationRenderError extends Error {
  readonly code: DeclarationRenderErrorCode;
  readonly issues: string[];

  constructor(code: DeclarationRenderErrorCode, message: string, issues: string[]) {
    super(`${message}${issues.length > 0 ? `: ${issues.join('; ')}` : ''}`);
    this.name = 'DeclarationRenderError';
    this.code = code;
    this.issues = issues;
  }
}

/** Knobs for the benchmark's baseline only: the same page with Helvetica and no QR symbol. */
export interface DeclarationRenderTuning {
  standardFonts?: boolean;
  drawQr?: boolean;
}

export interface RenderedDeclaration {
  pdf: Buffer;
  pages: number;
}

// The summary's languages are among the ticket's, so one table serves both pages.
const languageFonts: Record<TicketLanguage, FontKey | null> = {
  vi: null,
  en: null,
  zh: 'chinese',
  ja: 'japanese',
  ko: 'korean',
};

/** The faces of each page: the Vietnamese ones, and each CJK face the summary or the ticket needs. */
async function registerFonts(
  doc: InstanceType<typeof PDFDocument>,
  languages: readonly (TicketLanguage | null)[],
  standardFonts: boolean,
): Promise<{ form: PenFonts; forLanguage: (language: TicketLanguage) => PenFonts }> {
  const form: PenFonts = { vietnamese: 'vi', vietnameseBold: 'vi-bold', page: 'vi', pageBold: 'vi-bold' };
  if (standardFonts) {
    doc.registerFont('vi', 'Helvetica');
    doc.registerFont('vi-bold', 'Helvetica-Bold');
  } else {
    const [regular, bold] = await Promise.all([loadFont('vietnameseRegular'), loadFont('vietnameseBold')]);
    doc.registerFont('vi', regular);
    doc.registerFont('vi-bold', bold);
  }
  const faces = new Set<FontKey>();
  for (const language of languages) {
    const face = language === null ? null : languageFonts[language];
    if (face !== null && !standardFonts) faces.add(face);
  }
  // A Korean summary and a Korean ticket share one registration (and one embedded subset).
  for (const face of faces) doc.registerFont(face, await loadFont(face));
  // One weight of the CJK face is shipped: its headings are set larger rather than bolder.
  const forLanguage = (language: TicketLanguage): PenFonts => {
    const face = languageFonts[language];
    return face === null || !faces.has(face) ? form : { ...form, page: face, pageBold: face };
  };
  return { form, forLanguage };
}

function validRegistration(value: unknown): Registration {
  const parsed = registrationSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (issue) =>
      `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(registration)'}: ${issue.message}`,
  );
  throw new DeclarationRenderError('declaration-registration-invalid', 'Hồ sơ đăng ký không hợp lệ', issues);
}

/** The PDF and its page count (form, summary, slip). Throws DeclarationRenderError on bad input. */
export async function renderDeclarationDocument(
  input: DeclarationInput,
  template: DeclarationTemplate,
  tuning: DeclarationRenderTuning = {},
): Promise<RenderedDeclaration> {
  const registration = validRegistration(input.registration);
  if (!(input.printedAt instanceof Date) || Number.isNaN(input.printedAt.getTime())) {
    throw new DeclarationRenderError('declaration-input-invalid', 'Thời điểm in không hợp lệ', ['printedAt']);
  }
  if (typeof input.office?.code !== 'string' || input.office.code.length === 0) {
    throw new DeclarationRenderError('declaration-input-invalid', 'Thiếu mã cơ quan BHXH tiếp nhận', [
      'office.code',
    ]);
  }
  const ticket = input.ticket ?? null;
  if (ticket !== null) {
    const issues = ticketSlipIssues(ticket);
    if (issues.length > 0) {
      throw new DeclarationRenderError('declaration-input-invalid', 'Phiếu số thứ tự không hợp lệ', issues);
    }
  }
  const paper = pageSizes[input.paperSize ?? 'A4'];
  // The layout is drawn in A4 points; A5 is the same drawing scaled down (√2 between the two).
  const scale = Math.min(paper.width / pageSizes.A4.width, paper.height / pageSizes.A4.height);
  const known = bhxhOffice(input.office.code);
  const office = { code: input.office.code, name: input.office.name ?? known.name };
  const place = input.office.place ?? known.place;
  const printedAtIso = input.printedAt.toISOString();

  const doc = new PDFDocument({
    size: [paper.width, paper.height],
    margin: 0,
    autoFirstPage: false,
    lang: 'vi-VN',
    info: {
      Title: `${template.heading.formCode} – ${sanitizeFieldText(registration.code)}`,
      Author: 'BHXH kiosk',
      Subject: template.title.join(' '),
      Keywords: `${template.templateId} ${template.revision}`,
      CreationDate: input.printedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const fonts = await registerFonts(
    doc,
    [input.summaryLanguage, ticket?.language ?? null],
    tuning.standardFonts === true,
  );
  const drawQr = tuning.drawQr !== false;
  const startPage = (pen: FormPen) => {
    doc.addPage({ size: [paper.width, paper.height], margin: 0 });
    if (scale !== 1) doc.scale(scale);
    if (input.training) drawTrainingWatermark(pen, template);
  };

  const formPen = new FormPen(doc, fonts.form);
  startPage(formPen);
  drawDeclarationForm(formPen, {
    template,
    values: declarationValues(registration, office, {
      words: template.values,
      officeFormat: template.values.office,
      empty: template.values.empty,
    }),
    hasGuardian: registration.guardian !== null,
    officeLabel: office.name === null ? sanitizeFieldText(office.code) : sanitizeFieldText(office.name),
    place: place === null ? null : sanitizeFieldText(place),
    printedAt: input.printedAt,
    printedAtText: displayVietnamDateTime(printedAtIso),
    drawQr,
  });
  if (input.training) drawTrainingBanner(formPen, template);
  let pages = 1;

  if (input.summaryLanguage !== null) {
    const page = template.summary[input.summaryLanguage];
    const summaryPen = new FormPen(doc, fonts.forLanguage(input.summaryLanguage));
    startPage(summaryPen);
    drawSummaryPage(summaryPen, {
      template,
      page,
      values: declarationValues(registration, office, {
        words: page.values,
        officeFormat: '{name} ({code})',
        empty: template.values.empty,
      }),
      hasGuardian: registration.guardian !== null,
      training: input.training,
      drawQr,
    });
    if (input.training) drawTrainingBanner(summaryPen, template);
    pages += 1;
  }

  if (ticket !== null) {
    const ticketPen = new FormPen(doc, fonts.forLanguage(ticket.language));
    startPage(ticketPen);
    drawTicketSlip(ticketPen, { template, ticket, drawQr });
    if (input.training) drawTrainingBanner(ticketPen, template);
    pages += 1;
  }
  doc.end();
  await finished;
  return { pdf: Buffer.concat(chunks), pages };
}

/** The declaration PDF of `input.registration`. Throws DeclarationRenderError on bad input. */
export async function renderDeclarationPdf(
  input: DeclarationInput,
  template: DeclarationTemplate,
  tuning: DeclarationRenderTuning = {},
): Promise<Buffer> {
  return (await renderDeclarationDocument(input, template, tuning)).pdf;
}
