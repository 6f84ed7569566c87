// The last page of a kiosk submission's print job: a ticket the citizen cuts off and holds while
// waiting, with the queue number called at the counter, the form code (text and QR symbol, so the
// officer can scan the ticket when the form is folded away) and what to bring. Every text is in
// Vietnamese for the officer and, under it, in the citizen's language. The ticket takes the top of
// the A4 sheet, framed, with a dashed line to cut along under it; its height follows what it holds
// (a Vietnamese adult's ticket is shorter than a Korean child's), but every block has a bounded
// number of lines, so no office name or e-mail address can push it past half the page.
import { contentWidth, lineHeight, pageSizes } from './declaration-layout.ts';
import type { DeclarationTemplate } from './declaration-template-schema.ts';
import { displayVietnamDateTime } from './declaration-values.ts';
import type { FormPen, TextStyle } from './form-pen.ts';
import { drawQrSymbol } from './qr-symbol.ts';
import { sanitizeFieldText } from './sanitize-field-text.ts';
import { ticketLanguages, ticketTexts, type TicketLanguage, type TicketTexts } from './ticket-slip-texts.ts';

export { ticketLanguages, type TicketLanguage };

export interface TicketSlip {
  /** e.g. "K1-007": the kiosk's id and the day's number. */
  ticketNumber: string;
  /** The citizen's language. */
  language: TicketLanguage;
  /** The registration code, or the kiosk reference "KS-XXXX-XXXX-XXXX" while offline: also the QR's text. */
  formCode: string;
  /** The receiving office. */
  officeName: string;
  /** ISO timestamp; shown dd/MM/yyyy HH:mm Vietnam time. */
  submittedAt: string;
  /** A child's registration: bring the guardian's ID card and the birth certificate / proof of guardianship. */
  hasGuardian: boolean;
  /** "A copy of your declaration will be sent to …" when not null. */
  copyEmail: string | null;
}

export interface TicketSlipInput {
  template: DeclarationTemplate;
  ticket: TicketSlip;
  /** False only for the benchmark's baseline. */
  drawQr: boolean;
}

/** Longer codes would shrink the QR symbol's modules below what a counter scanner reads off paper. */
export const maxTicketFormCodeLength = 100;

/** What makes `ticket` unprintable, in Vietnamese, by field; empty when it can be printed. */
export function ticketSlipIssues(ticket: TicketSlip): string[] {
  const issues: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? sanitizeFieldText(value) : '');
  if (!(ticketLanguages as readonly unknown[]).includes(ticket.language)) {
    issues.push(`ticket.language: ngôn ngữ không được hỗ trợ (${String(ticket.language)})`);
  }
  if (text(ticket.ticketNumber).length === 0) issues.push('ticket.ticketNumber: thiếu số thứ tự');
  const code = text(ticket.formCode);
  if (code.length === 0) issues.push('ticket.formCode: thiếu mã hồ sơ');
  if (code.length > maxTicketFormCodeLength) {
    issues.push(`ticket.formCode: dài quá ${maxTicketFormCodeLength} ký tự`);
  }
  if (typeof ticket.officeName !== 'string') issues.push('ticket.officeName: không phải chuỗi ký tự');
  if (typeof ticket.submittedAt !== 'string' || Number.isNaN(Date.parse(ticket.submittedAt))) {
    issues.push('ticket.submittedAt: thời điểm nộp không hợp lệ');
  }
  if (typeof ticket.hasGuardian !== 'boolean') issues.push('ticket.hasGuardian: phải là true hoặc false');
  if (ticket.copyEmail !== null && typeof ticket.copyEmail !== 'string') {
    issues.push('ticket.copyEmail: phải là địa chỉ e-mail hoặc null');
  }
  return issues;
}

/** The geometry of the ticket, in A4 points. */
export const ticketLayout = {
  /** Also the QR symbol's quiet zone on its left. */
  padding: 16,
  /** The number, the QR symbol and the code; the list of what to bring takes the rest. */
  leftColumnWidth: 184,
  columnGap: 18,
  numberSize: 58,
  /** A long ticket number shrinks to this, then takes two lines: it is what the counter calls, never cut. */
  numberMinimumSize: 20,
  qrSide: 84,
  /** A quiet zone between the symbol and its caption: four modules of the coarsest (21-module) symbol. */
  qrCaptionGap: 17,
  officeLines: 2,
  /** Enough for the longest address (254 characters) in bold. */
  emailLines: 4,
  /** Between the frame and the dashed line. */
  cutGap: 16,
  /** The dashed line runs across the sheet, inside what printers reach. */
  cutInset: 18,
} as const;

const sizes = {
  office: 12,
  heading: 11,
  label: 9,
  value: 11,
  item: 10,
  caption: 8,
  cut: 8,
} as const;

/** Draws the ticket at the top of the page; returns the y of the dashed line under it. */
export function drawTicketSlip(pen: FormPen, input: TicketSlipInput): { cutLine: number } {
  const { template, ticket } = input;
  const { doc, fonts } = pen;
  const language = ticket.language;
  const own: TicketTexts | null = language === 'vi' ? null : ticketTexts[language];
  const vi = ticketTexts.vi;
  // The CJK faces come in one weight: their headings are set a point larger instead of bolder.
  const cjk = language === 'zh' || language === 'ja' || language === 'ko';
  const style = (font: string, size: number): TextStyle => ({
    font,
    size,
    lineHeight: lineHeight(template, size),
  });
  const viStyle = (size: number, bold = false) => style(bold ? fonts.vietnameseBold : fonts.vietnamese, size);
  const ownStyle = (size: number, bold = false) =>
    style(bold ? fonts.pageBold : fonts.page, bold && cjk ? size + 1 : size);

  /** The Vietnamese text and, under it, the citizen's; returns the height used. */
  const pair = (
    pick: (texts: TicketTexts) => string,
    size: number,
    bold: boolean,
    x: number,
    top: number,
    width: number,
    maxLines: number,
  ): number => {
    let height = pen.drawText(pick(vi), viStyle(size, bold), x, top, width, maxLines);
    if (own !== null)
      height += pen.drawText(pick(own), ownStyle(size, bold), x, top + height, width, maxLines);
    return height;
  };

  const { padding } = ticketLayout;
  const frameLeft = template.page.margin.left;
  const frameWidth = contentWidth(template);
  const frameTop = template.page.margin.top;
  const innerLeft = frameLeft + padding;
  const innerWidth = frameWidth - 2 * padding;
  let y = frameTop + padding;

  // The office, centred across the ticket: which building this number is called in.
  const office = pen.choose(sanitizeFieldText(ticket.officeName), [fonts.vietnameseBold, fonts.pageBold]);
  if (office.text.length > 0) {
    y += pen.drawText(
      office.text,
      style(office.font, sizes.office),
      innerLeft,
      y,
      innerWidth,
      ticketLayout.officeLines,
      'center',
    );
    y += 5;
    rule(pen, innerLeft, y, innerLeft + innerWidth);
    y += 8;
  }
  const columnsTop = y;

  // Left column: the queue number, large enough to compare with the display from across the room.
  const leftX = innerLeft;
  const leftWidth = ticketLayout.leftColumnWidth;
  let left = columnsTop;
  left += pair((texts) => texts.queueNumber, sizes.heading, true, leftX, left, leftWidth, 1);
  const number = pen.choose(sanitizeFieldText(ticket.ticketNumber), [fonts.vietnameseBold, fonts.pageBold]);
  const numberSize = pen.fittingSize(
    number.text,
    number.font,
    ticketLayout.numberSize,
    leftWidth,
    ticketLayout.numberMinimumSize,
  );
  const numberLines = pen.wrap(
    number.text,
    { font: number.font, size: numberSize, lineHeight: 0 },
    leftWidth,
    2,
  );
  // The block keeps the full-size number's height, so the rest of the ticket does not move.
  const numberStyle = {
    font: number.font,
    size: numberSize,
    lineHeight: Math.max(numberSize * 1.15, (ticketLayout.numberSize * 1.15) / numberLines.length),
  };
  left += pen.drawLines(numberLines, numberStyle, leftX, left, leftWidth);
  left += 6;

  // The QR symbol with its caption beside it, then the code as text for whoever types it.
  const code = sanitizeFieldText(ticket.formCode);
  const qrSide = ticketLayout.qrSide;
  if (input.drawQr) drawQrSymbol(doc, code, leftX, left, qrSide);
  const captionX = leftX + qrSide + ticketLayout.qrCaptionGap;
  const captionWidth = leftWidth - qrSide - ticketLayout.qrCaptionGap;
  pair((texts) => texts.qrCaption, sizes.caption, false, captionX, left, captionWidth, own === null ? 6 : 4);
  left += qrSide + 12;
  left += pair((texts) => texts.formCode, sizes.label, false, leftX, left, leftWidth, 1);
  const codeText = pen.choose(code, [fonts.vietnameseBold, fonts.pageBold]);
  left += pen.drawText(codeText.text, style(codeText.font, sizes.value), leftX, left, leftWidth, 2);
  left += 6;
  left += pair((texts) => texts.submittedAt, sizes.label, false, leftX, left, leftWidth, 1);
  left += pen.drawText(
    displayVietnamDateTime(ticket.submittedAt),
    viStyle(sizes.value, true),
    leftX,
    left,
    leftWidth,
    1,
  );

  // Right column: what to bring, numbered as the officer will ask for it, then what happens next.
  const rightX = leftX + leftWidth + ticketLayout.columnGap;
  const rightWidth = innerLeft + innerWidth - rightX;
  let right = columnsTop;
  right += pair((texts) => texts.bringTitle, sizes.heading, true, rightX, right, rightWidth, 2);
  right += 4;
  const items: ((texts: TicketTexts) => string)[] = [
    (texts) => texts.bring.form,
    (texts) => texts.bring.idCard,
    (texts) => texts.bring.healthCard,
  ];
  if (ticket.hasGuardian) items.push((texts) => texts.bring.guardian);
  const indent = 16;
  items.forEach((item, index) => {
    pen.drawLines([`${index + 1}.`], viStyle(sizes.item, true), rightX, right, indent);
    right += pair(item, sizes.item, false, rightX + indent, right, rightWidth - indent, 3);
    right += 4;
  });
  right += 6;
  right += pair((texts) => texts.wait, sizes.item, true, rightX, right, rightWidth, 2);
  right += 4;
  right += pair((texts) => texts.vssid, sizes.item, false, rightX, right, rightWidth, 3);

  const columnsBottom = Math.max(left, right);
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#888888')
    .moveTo(rightX - ticketLayout.columnGap / 2, columnsTop)
    .lineTo(rightX - ticketLayout.columnGap / 2, columnsBottom)
    .stroke()
    .restore();
  y = columnsBottom;

  if (ticket.copyEmail !== null) {
    const email = pen.choose(sanitizeFieldText(ticket.copyEmail), [fonts.vietnameseBold, fonts.pageBold]);
    if (email.text.length > 0) {
      y += 8;
      rule(pen, innerLeft, y, innerLeft + innerWidth);
      y += 6;
      y += pair((texts) => texts.copyEmail, sizes.item, false, innerLeft, y, innerWidth, 1);
      y += pen.drawText(
        email.text,
        style(email.font, sizes.item),
        innerLeft,
        y,
        innerWidth,
        ticketLayout.emailLines,
      );
    }
  }

  const frameBottom = y + padding;
  doc
    .save()
    .lineWidth(1.4)
    .strokeColor('#000000')
    .roundedRect(frameLeft, frameTop, frameWidth, frameBottom - frameTop, 6)
    .stroke()
    .restore();

  const cutLine = frameBottom + ticketLayout.cutGap;
  drawCutLine(pen, cutLine, own, style);
  return { cutLine };
}

function rule(pen: FormPen, from: number, y: number, to: number): void {
  pen.doc.save().lineWidth(0.5).strokeColor('#888888').moveTo(from, y).lineTo(to, y).stroke().restore();
}

/** The dashed line across the sheet, broken in the middle by "Cắt theo đường này / Cut here". */
function drawCutLine(
  pen: FormPen,
  y: number,
  own: TicketTexts | null,
  style: (font: string, size: number) => TextStyle,
): void {
  const { doc, fonts } = pen;
  // Vietnamese and the citizen's words on one line, each in its own face.
  const parts = [{ text: ticketTexts.vi.cutHere, font: fonts.vietnamese }];
  if (own !== null)
    parts.push({ text: ' / ', font: fonts.vietnamese }, { text: own.cutHere, font: fonts.page });
  const widths = parts.map((part) => pen.width(part.text, part.font, sizes.cut));
  const labelWidth = widths.reduce((sum, width) => sum + width, 0);
  const pageWidth = pageSizes.A4.width;
  const labelLeft = (pageWidth - labelWidth) / 2;
  const gap = 8;
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor('#000000')
    .dash(6, { space: 4 })
    .moveTo(ticketLayout.cutInset, y)
    .lineTo(labelLeft - gap, y)
    .moveTo(labelLeft + labelWidth + gap, y)
    .lineTo(pageWidth - ticketLayout.cutInset, y)
    .stroke()
    .undash()
    .restore();
  let x = labelLeft;
  parts.forEach((part, index) => {
    const partStyle = style(part.font, sizes.cut);
    const width = widths[index] as number;
    pen.drawLines([part.text], partStyle, x, y - partStyle.lineHeight / 2, width);
    x += width;
  });
}
