// Page 1: the Vietnamese declaration (form 01/ĐK-GD for an individual), laid out from the
// template in A4 points, top to bottom. Every block has a bounded height (declaration-layout.ts
// proves the worst case fits), so the blocks simply follow each other.
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import {
  commitmentMaxLines,
  contentWidth,
  layout,
  lineHeight,
  pageSizes,
  qrBlockWidth,
} from './declaration-layout.ts';
import type { DeclarationTemplate, DeclarationTemplateRow } from './declaration-template-schema.ts';
import type { DeclarationValues } from './declaration-values.ts';
import type { FormPen, TextStyle } from './form-pen.ts';
import { drawQrSymbol } from './qr-symbol.ts';

export interface FormPageInput {
  template: DeclarationTemplate;
  values: DeclarationValues;
  hasGuardian: boolean;
  /** The receiving office as the addressee line names it (its name, or its code when unknown). */
  officeLabel: string;
  /** The locality for the date line; null prints the template's blank. */
  place: string | null;
  printedAt: Date;
  /** "dd/MM/yyyy HH:mm" of printedAt, for the footer. */
  printedAtText: string;
  /** False only for the benchmark's baseline. */
  drawQr: boolean;
}

const romanNumerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const boldFields = new Set(['fullName', 'registrationCode', 'guardianFullName']);

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function drawDeclarationForm(pen: FormPen, input: FormPageInput): void {
  const { template } = input;
  const { doc, fonts } = pen;
  const { fontSize, page } = template;
  const left = page.margin.left;
  const width = contentWidth(template);
  const right = left + width;
  const style = (size: number, bold = false): TextStyle => ({
    font: bold ? fonts.pageBold : fonts.page,
    size,
    lineHeight: lineHeight(template, size),
  });
  const body = style(fontSize.body);
  const bodyBold = style(fontSize.body, true);
  let y = page.margin.top;

  // The heading band: the QR symbol in one corner, its code under it, the form code in the other
  // corner and the national heading centred between them.
  const qrWidth = qrBlockWidth(template);
  const onLeft = template.qr.position === 'top-left';
  const qrLeft = onLeft ? left : right - template.qr.size;
  if (input.drawQr) drawQrSymbol(doc, input.values.registrationCode.text, qrLeft, y, template.qr.size);
  const caption = style(fontSize.caption, true);
  const captionLeft = onLeft ? left : right - qrWidth;
  pen.drawFitted(
    input.values.registrationCode.text,
    caption,
    captionLeft,
    y + template.qr.size + layout.qrCaptionGap,
    qrWidth,
    0.7,
    onLeft ? 'left' : 'right',
  );
  const formCodeStyle = style(fontSize.formCode, true);
  // The heading lines sit beside the symbol (its caption is lower down), a quiet zone away.
  const freeLeft = onLeft ? left + template.qr.size + layout.headingGap : left;
  const freeRight = onLeft ? right : right - template.qr.size - layout.headingGap;
  pen.drawFitted(
    template.heading.formCode,
    formCodeStyle,
    freeLeft,
    y,
    freeRight - freeLeft,
    0.8,
    onLeft ? 'right' : 'left',
  );
  const headingLines = [
    { text: template.heading.nation, style: style(fontSize.nation, true), underline: false },
    { text: template.heading.motto, style: style(fontSize.motto, true), underline: true },
  ].map((line) => {
    const size = pen.fittingSize(
      line.text,
      line.style.font,
      line.style.size,
      freeRight - freeLeft,
      line.style.size * 0.6,
    );
    return { ...line, style: { ...line.style, size }, width: pen.width(line.text, line.style.font, size) };
  });
  // One axis for both lines: the page's centre, as on the printed form, unless a line centred
  // there would run into the QR symbol; then the centre of the room beside it.
  const pageAxis = pageSizes.A4.width / 2;
  const fitsOnPageAxis = headingLines.every(
    (line) => pageAxis - line.width / 2 >= freeLeft && pageAxis + line.width / 2 <= freeRight,
  );
  const axis = fitsOnPageAxis ? pageAxis : (freeLeft + freeRight) / 2;
  let headingY = y + formCodeStyle.lineHeight;
  for (const line of headingLines) {
    const x = axis - line.width / 2;
    pen.drawLines([line.text], line.style, x, headingY, line.width);
    headingY += line.style.lineHeight;
    if (line.underline) {
      // The motto is underlined edge to edge, like the printed heading.
      const underline = headingY - line.style.lineHeight * 0.08;
      doc
        .save()
        .lineWidth(0.7)
        .moveTo(x, underline)
        .lineTo(x + line.width, underline)
        .stroke()
        .restore();
    }
  }
  y = Math.max(
    headingY + 4,
    y + template.qr.size + layout.qrCaptionGap + layout.qrCaptionLines * caption.lineHeight,
  );
  y += layout.headerBottomGap;

  // Title, subtitle, addressee.
  for (const line of template.title) {
    y += pen.drawFitted(line, style(fontSize.title, true), left, y, width, 0.6, 'center');
  }
  if (template.subtitle.length > 0) {
    y += pen.drawFitted(template.subtitle, style(fontSize.subtitle), left, y, width, 0.7, 'center');
  }
  if (template.addressee.length > 0) {
    const addressee = fill(template.addressee, { office: input.officeLabel });
    const addresseeStyle = style(fontSize.addressee);
    const picked = pen.choose(addressee, [fonts.page, fonts.vietnamese]);
    y += pen.drawFitted(picked.text, { ...addresseeStyle, font: picked.font }, left, y, width, 0.7, 'center');
  }
  y += layout.addresseeGap;

  // The sections, numbered as printed (the guardian's is skipped for an adult).
  let sectionNumber = 0;
  let rowNumber = 0;
  for (const section of template.sections) {
    if (section.showWhen === 'guardian' && !input.hasGuardian) continue;
    sectionNumber += 1;
    const heading = template.numbered
      ? `${romanNumerals[sectionNumber - 1]}. ${section.heading}`
      : section.heading;
    y += pen.drawFitted(heading, style(fontSize.section, true), left, y, width, 0.7);
    y += layout.sectionHeadingGap;
    for (const row of section.rows) {
      const labels = row.cells.map(() => {
        rowNumber += 1;
        return rowNumber;
      });
      y += drawRow(pen, input, row, labels, { left, width, top: y, body, bodyBold });
      y += template.rowGap;
    }
    y += template.sectionGap;
  }

  // Commitment, date line, signatures.
  y += pen.drawText(template.commitment, body, left, y, width, commitmentMaxLines(template));
  y += layout.commitmentGap;
  const [year, month, day] = vietnamDay(input.printedAt).split('-') as [string, string, string];
  const place = template.placeDate.place ?? input.place ?? template.placeDate.unknownPlace;
  const dateLine = fill(template.placeDate.text, { place, day, month, year });
  // Two signature columns with a gutter, so that two long names never run into each other.
  const column = (width - layout.signatureGutter) / 2;
  const rightColumn = left + width - column;
  y += pen.drawFitted(dateLine, body, rightColumn, y, column, 0.8, 'center');
  y += layout.placeDateGap;
  const signatures: { x: number; title: string; name: string }[] = [
    { x: rightColumn, title: template.signature.title, name: input.values.fullName.text },
  ];
  if (input.hasGuardian) {
    signatures.push({
      x: left,
      title: template.signature.guardianTitle,
      name: input.values.guardianFullName.text,
    });
  }
  for (const signature of signatures) {
    let top = y;
    top += pen.drawFitted(signature.title, bodyBold, signature.x, top, column, 0.7, 'center');
    top += pen.drawFitted(template.signature.hint, body, signature.x, top, column, 0.7, 'center');
    top += template.signature.space;
    const picked = pen.choose(signature.name, [fonts.vietnameseBold, fonts.pageBold]);
    pen.drawText(
      picked.text,
      { ...bodyBold, font: picked.font },
      signature.x,
      top,
      column,
      layout.signatureNameMaxLines,
      'center',
    );
  }

  if (template.footer.length > 0) {
    const footerStyle = style(fontSize.footer);
    const footer = fill(template.footer, {
      templateId: template.templateId,
      revision: template.revision,
      printedAt: input.printedAtText,
    });
    doc.save().fillColor('#555555');
    pen.drawFitted(
      footer,
      footerStyle,
      left,
      pageSizes.A4.height - page.margin.bottom - footerStyle.lineHeight,
      width,
      0.7,
    );
    doc.restore();
  }
}

interface RowBox {
  left: number;
  width: number;
  top: number;
  body: TextStyle;
  bodyBold: TextStyle;
}

/** One row of one or two cells; returns its height. */
function drawRow(
  pen: FormPen,
  input: FormPageInput,
  row: DeclarationTemplateRow,
  numbers: number[],
  box: RowBox,
): number {
  const { template } = input;
  const { fonts } = pen;
  // First cells line up with the rows of one cell, second cells with each other.
  const secondStart = box.left + template.secondCellStart;
  let height = box.body.lineHeight;
  row.cells.forEach((cell, index) => {
    const cellLeft = index === 0 ? box.left : secondStart;
    const cellRight =
      index === 0 && row.cells.length === 2 ? secondStart - layout.cellGap : box.left + box.width;
    const label = `${template.numbered ? `${numbers[index]}. ` : ''}${cell.label}:`;
    let labelWidth: number;
    if (index === 0) {
      labelWidth = template.labelWidth - layout.labelGap;
    } else {
      labelWidth = Math.min(pen.width(label, box.body.font, box.body.size), (cellRight - cellLeft) * 0.55);
    }
    pen.drawFitted(label, box.body, cellLeft, box.top, labelWidth, layout.minimumShrink);
    const valueLeft = cellLeft + labelWidth + layout.labelGap;
    const value = input.values[cell.field];
    const bold = boldFields.has(cell.field);
    const picked = pen.choose(
      value.text,
      bold ? [fonts.vietnameseBold, fonts.pageBold] : [fonts.vietnamese, fonts.page],
    );
    const valueStyle = { ...(bold ? box.bodyBold : box.body), font: picked.font };
    const used = pen.drawText(
      picked.text,
      valueStyle,
      valueLeft,
      box.top,
      cellRight - valueLeft,
      row.maxLines,
    );
    height = Math.max(height, used);
  });
  return height;
}
