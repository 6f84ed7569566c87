// The mark of a print made in training mode, on every page: a framed line in the top margin (read
// first, and found by text extraction) and a large diagonal watermark behind the content, so that
// no part of the sheet can pass for a real declaration, even cut out.
import { pageSizes } from './declaration-layout.ts';
import type { DeclarationTemplate } from './declaration-template-schema.ts';
import type { FormPen } from './form-pen.ts';

const markColour = '#c62828';

/** Drawn first on the page, so the form's text stays readable on top of the watermark. */
export function drawTrainingWatermark(pen: FormPen, template: DeclarationTemplate): void {
  const { doc, fonts } = pen;
  const { width, height } = pageSizes.A4;
  const length = Math.hypot(width, height) * 0.78;
  const size = pen.fittingSize(template.training.mark, fonts.vietnameseBold, 34, length, 12);
  const textWidth = pen.width(template.training.mark, fonts.vietnameseBold, size);
  const angle = (-Math.atan2(height, width) * 180) / Math.PI;
  doc.save();
  doc.rotate(angle, { origin: [width / 2, height / 2] });
  doc.fillColor(markColour).fillOpacity(0.12);
  pen.drawLines(
    [template.training.mark],
    { font: fonts.vietnameseBold, size, lineHeight: size * 1.3 },
    width / 2 - textWidth / 2,
    height / 2 - size * 0.65,
    textWidth,
  );
  doc.restore();
}

/** The framed line in the top margin. */
export function drawTrainingBanner(pen: FormPen, template: DeclarationTemplate): void {
  const { doc, fonts } = pen;
  const { left, right, top } = template.page.margin;
  const width = pageSizes.A4.width - left - right;
  const bannerHeight = 14;
  // Clear of the QR symbol's quiet zone below it, and inside what printers can reach above.
  const bannerTop = Math.max(3, top - bannerHeight - 12);
  doc.save().lineWidth(0.9).strokeColor(markColour).rect(left, bannerTop, width, bannerHeight).stroke();
  doc.fillColor(markColour);
  pen.drawFitted(
    template.training.mark,
    { font: fonts.vietnameseBold, size: 8.5, lineHeight: bannerHeight },
    left,
    bannerTop,
    width,
    0.7,
    'center',
  );
  doc.restore();
}
