// The summary behind the form for a kiosk session in English, Chinese, Korean or Japanese: the
// same values with labels in that language, the registration code and its QR symbol, and what to
// do next. It is not the declaration (the citizen signs the Vietnamese page), so it says so first.
// Labels are drawn in the language's font; the values the citizen typed are Vietnamese and are
// drawn in Be Vietnam Pro, which the Noto CJK faces cannot replace for every Vietnamese letter.
import { contentWidth, layout, lineHeight, pageSizes } from './declaration-layout.ts';
import {
  declarationFieldIds,
  guardianFieldIds,
  type DeclarationFieldId,
  type DeclarationTemplate,
  type SummaryPageTemplate,
} from './declaration-template-schema.ts';
import type { DeclarationValues } from './declaration-values.ts';
import type { FormPen, TextStyle } from './form-pen.ts';
import { drawQrSymbol } from './qr-symbol.ts';

export interface SummaryPageInput {
  template: DeclarationTemplate;
  page: SummaryPageTemplate;
  /** The values worded in the summary's language (sex, document type, channel). */
  values: DeclarationValues;
  hasGuardian: boolean;
  training: boolean;
  drawQr: boolean;
}

/** How many lines each field may take: the same bound as on the form. */
function maxLinesByField(template: DeclarationTemplate): Map<DeclarationFieldId, number> {
  const lines = new Map<DeclarationFieldId, number>();
  for (const section of template.sections) {
    for (const row of section.rows) for (const cell of row.cells) lines.set(cell.field, row.maxLines);
  }
  return lines;
}

/** The fields in the order the form prints them. */
function fieldOrder(template: DeclarationTemplate): DeclarationFieldId[] {
  const order = template.sections.flatMap((section) =>
    section.rows.flatMap((row) => row.cells.map((cell) => cell.field)),
  );
  return order.length > 0 ? order : [...declarationFieldIds];
}

export function drawSummaryPage(pen: FormPen, input: SummaryPageInput): void {
  const { template, page } = input;
  const { fonts, doc } = pen;
  const { fontSize } = template;
  const left = template.page.margin.left;
  const width = contentWidth(template);
  const bottom = pageSizes.A4.height - template.page.margin.bottom;
  const style = (font: string, size: number): TextStyle => ({
    font,
    size,
    lineHeight: lineHeight(template, size),
  });
  const body = style(fonts.page, fontSize.body);
  let y = template.page.margin.top;

  y += pen.drawFitted(page.title, style(fonts.pageBold, fontSize.title), left, y, width, 0.6, 'center');
  y += 6;
  // The notice in a box: the first thing to read on this page.
  const noticeLines = pen.wrap(page.notice, body, width - 16, 4);
  const noticeHeight = noticeLines.length * body.lineHeight + 10;
  doc.save().lineWidth(0.8).strokeColor('#444444').rect(left, y, width, noticeHeight).stroke().restore();
  pen.drawLines(noticeLines, body, left + 8, y + 5, width - 16);
  y += noticeHeight + 12;
  if (input.training) {
    doc.save().fillColor('#b71c1c');
    y += pen.drawFitted(page.trainingNote, body, left, y, width, 0.7, 'center');
    doc.restore();
    y += 4;
  }

  // The registration code, large, beside its QR symbol.
  const qrSize = template.qr.size;
  if (input.drawQr) drawQrSymbol(doc, input.values.registrationCode.text, left, y, qrSize);
  const textLeft = left + qrSize + 18;
  const textWidth = width - qrSize - 18;
  let codeY = y + 4;
  codeY += pen.drawFitted(page.labels.registrationCode, body, textLeft, codeY, textWidth, 0.7);
  const code = pen.choose(input.values.registrationCode.text, [fonts.vietnameseBold, fonts.pageBold]);
  codeY += pen.drawText(code.text, style(code.font, fontSize.title + 2), textLeft, codeY, textWidth, 2);
  pen.drawText(page.qrCaption, style(fonts.page, fontSize.caption + 1), textLeft, codeY + 2, textWidth, 2);
  y += qrSize + 14;

  // The fields, label and value, as on the form.
  const maxLines = maxLinesByField(template);
  const labelWidth = Math.min(template.labelWidth, width * 0.4);
  for (const field of fieldOrder(template)) {
    if (field === 'registrationCode') continue;
    if (guardianFieldIds.includes(field) && !input.hasGuardian) continue;
    const value = input.values[field];
    const candidates =
      value.origin === 'data' ? [fonts.vietnamese, fonts.page] : [fonts.page, fonts.vietnamese];
    const picked = pen.choose(value.text, candidates);
    const valueStyle = { ...body, font: picked.font };
    const lines = pen.wrap(picked.text, valueStyle, width - labelWidth, maxLines.get(field) ?? 2);
    if (y + lines.length * body.lineHeight > bottom) break;
    pen.drawFitted(page.labels[field], body, left, y, labelWidth - layout.labelGap, layout.minimumShrink);
    y += pen.drawLines(lines, valueStyle, left + labelWidth, y, width - labelWidth);
    y += template.rowGap;
  }

  // What to do next; whatever a long translation would push past the margin is cut.
  y += 10;
  if (y + 2 * body.lineHeight <= bottom) {
    y += pen.drawFitted(page.nextStepsTitle, style(fonts.pageBold, fontSize.section), left, y, width, 0.7);
    y += 2;
    page.nextSteps.forEach((step, index) => {
      const room = Math.floor((bottom - y) / body.lineHeight);
      if (room < 1) return;
      const number = `${index + 1}.`;
      pen.drawLines([number], body, left, y, 18);
      y += pen.drawText(step, body, left + 18, y, width - 18, Math.min(3, room));
      y += 2;
    });
  }
}
