// The declaration PDF of one registration (issue #9): page 1 the Vietnamese form 01/ĐK-GD the
// citizen signs, page 2, for a kiosk session in another language, a summary in that language.
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

const summaryFonts: Record<SummaryLanguage, FontKey | null> = {
  en: null,
  zh: 'chinese',
  ja: 'japanese',
  ko: 'korean',
};

async function registerFonts(
  doc: InstanceType<typeof PDFDocument>,
  language: SummaryLanguage | null,
  standardFonts: boolean,
): Promise<{ form: PenFonts; summary: PenFonts }> {
  const form: PenFonts = { vietnamese: 'vi', vietnameseBold: 'vi-bold', page: 'vi', pageBold: 'vi-bold' };
  if (standardFonts) {
    doc.registerFont('vi', 'Helvetica');
    doc.registerFont('vi-bold', 'Helvetica-Bold');
  } else {
    const [regular, bold] = await Promise.all([loadFont('vietnameseRegular'), loadFont('vietnameseBold')]);
    doc.registerFont('vi', regular);
    doc.registerFont('vi-bold', bold);
  }
  const cjk = language === null ? null : summaryFonts[language];
  if (cjk === null || standardFonts) return { form, summary: form };
  doc.registerFont('cjk', await loadFont(cjk));
  // One weight of the CJK face is shipped: its headings are set larger rather than bolder.
  return { form, summary: { ...form, page: 'cjk', pageBold: 'cjk' } };
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

/** The PDF and its page count (1, or 2 with a summary). Throws DeclarationRenderError on bad input. */
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

  const fonts = await registerFonts(doc, input.summaryLanguage, tuning.standardFonts === true);
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
    const summaryPen = new FormPen(doc, fonts.summary);
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
