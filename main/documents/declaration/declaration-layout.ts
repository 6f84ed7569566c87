// The geometry the renderer and the template check share. The form must stay one page whatever
// the citizen typed, so every block has a bounded number of lines (values wrap up to their row's
// maxLines, then end with "…") and the check below adds up the worst case: a template passes only
// if the longest possible registration still fits above the bottom margin. The renderer uses the
// same numbers, so a template that passes cannot overflow at print time.
import {
  declarationFieldIds,
  guardianFieldIds,
  type DeclarationFieldId,
  type DeclarationTemplate,
} from './declaration-template-schema.ts';

/** A4 and A5 in PDF points. The layout is designed on A4; A5 is the same page scaled. */
export const pageSizes = {
  A4: { width: 595.28, height: 841.89 },
  A5: { width: 419.53, height: 595.28 },
} as const;
export type PaperSize = keyof typeof pageSizes;

export const layout = {
  /** The QR block is at least this wide, so that its caption (the code) has room. */
  qrBlockMinWidth: 110,
  /** The code under the symbol: one line, shrunk to fit (the full code is also in its row). */
  qrCaptionLines: 1,
  // Most of a quiet zone (four modules) between the symbol and its caption.
  qrCaptionGap: 10,
  /** Between the QR symbol and the centred national heading: a quiet zone. */
  headingGap: 12,
  /** Below the heading band, above the title. */
  headerBottomGap: 10,
  addresseeGap: 8,
  sectionHeadingGap: 3,
  /** Between the two cells of a two-cell row. */
  cellGap: 12,
  /** Between a label and its value inside a cell. */
  labelGap: 6,
  commitmentGap: 6,
  placeDateGap: 6,
  signatureNameMaxLines: 2,
  signatureGutter: 24,
  /** Text wider than this share of the label's box is shrunk rather than cut. */
  minimumShrink: 0.7,
} as const;

/** An average advance width, as a share of the font size, for estimating wrapped lines. */
const averageAdvance = 0.56;

export function lineHeight(template: DeclarationTemplate, fontSize: number): number {
  return fontSize * template.lineHeight;
}

export function contentWidth(template: DeclarationTemplate): number {
  const { left, right } = template.page.margin;
  return pageSizes.A4.width - left - right;
}

export function qrBlockWidth(template: DeclarationTemplate): number {
  return Math.max(template.qr.size, layout.qrBlockMinWidth);
}

/** The lines the commitment may take: an estimate with room to spare, enforced when drawing. */
export function commitmentMaxLines(template: DeclarationTemplate): number {
  const perLine = contentWidth(template) / (template.fontSize.body * averageAdvance);
  return Math.ceil(template.commitment.length / perLine) + 1;
}

/** Height of the band with the QR block, the form code and the national heading. */
export function headerBandHeight(template: DeclarationTemplate): number {
  const { fontSize } = template;
  const qrBlock =
    template.qr.size + layout.qrCaptionGap + layout.qrCaptionLines * lineHeight(template, fontSize.caption);
  const heading =
    lineHeight(template, fontSize.formCode) +
    lineHeight(template, fontSize.nation) +
    lineHeight(template, fontSize.motto) +
    4;
  return Math.max(qrBlock, heading) + layout.headerBottomGap;
}

/** Height of the title, the subtitle and the addressee line. */
export function titleBlockHeight(template: DeclarationTemplate): number {
  const { fontSize } = template;
  // One line each, shrunk to fit: the subtitle is the template's, the addressee an office name.
  const subtitle = template.subtitle.length > 0 ? lineHeight(template, fontSize.subtitle) : 0;
  const addressee = template.addressee.length > 0 ? lineHeight(template, fontSize.addressee) : 0;
  return (
    template.title.length * lineHeight(template, fontSize.title) + subtitle + addressee + layout.addresseeGap
  );
}

export function sectionHeight(
  template: DeclarationTemplate,
  section: DeclarationTemplate['sections'][number],
): number {
  const body = lineHeight(template, template.fontSize.body);
  const rows = section.rows.reduce((sum, row) => sum + row.maxLines * body + template.rowGap, 0);
  return (
    lineHeight(template, template.fontSize.section) + layout.sectionHeadingGap + rows + template.sectionGap
  );
}

/** Commitment, place and date, signature block. */
export function closingBlockHeight(template: DeclarationTemplate): number {
  const body = lineHeight(template, template.fontSize.body);
  return (
    commitmentMaxLines(template) * body +
    layout.commitmentGap +
    body +
    layout.placeDateGap +
    2 * body +
    template.signature.space +
    layout.signatureNameMaxLines * body
  );
}

export function footerHeight(template: DeclarationTemplate): number {
  return template.footer.length > 0 ? lineHeight(template, template.fontSize.footer) + 4 : 0;
}

/** The worst-case height of page 1: every section shown, every value at its maximum lines. */
export function worstCaseHeight(template: DeclarationTemplate): number {
  return (
    headerBandHeight(template) +
    titleBlockHeight(template) +
    template.sections.reduce((sum, section) => sum + sectionHeight(template, section), 0) +
    closingBlockHeight(template) +
    footerHeight(template)
  );
}

const points = (value: number) => `${Math.round(value)} pt`;

/**
 * What is wrong with a template that its schema cannot see, in Vietnamese for the administrator
 * who edited it: the layout must fit A4 in the worst case, every field must be printed once, and
 * the guardian's fields only in a guardian section. Empty when the template is sound.
 */
export function checkTemplateLayout(template: DeclarationTemplate): string[] {
  const issues: string[] = [];
  const { top, bottom } = template.page.margin;
  const available = pageSizes.A4.height - top - bottom;
  const needed = worstCaseHeight(template);
  if (needed > available) {
    issues.push(
      `Bố cục không vừa một trang A4: trường hợp dài nhất cần ${points(needed)}, trang chỉ có ${points(available)} ` +
        '(giảm cỡ chữ, số dòng tối đa, khoảng cách hoặc lề).',
    );
  }
  const width = contentWidth(template);
  if (width < 360)
    issues.push(`Lề trái và phải quá rộng: vùng in chỉ còn ${points(width)} (cần ít nhất 360 pt).`);
  if (template.labelWidth > width - 150) {
    issues.push(
      `Cột nhãn (labelWidth ${points(template.labelWidth)}) quá rộng: cột giá trị phải còn ít nhất 150 pt.`,
    );
  }
  if (template.secondCellStart < template.labelWidth + 100 || template.secondCellStart > width - 140) {
    issues.push(
      `secondCellStart (${points(template.secondCellStart)}) phải để ít nhất 100 pt cho giá trị của ô đầu ` +
        'và 140 pt cho ô thứ hai.',
    );
  }
  if (template.qr.size + layout.headingGap + 260 > width) {
    issues.push('Mã QR quá lớn so với vùng in: không còn chỗ cho quốc hiệu bên cạnh.');
  }
  const seen = new Map<DeclarationFieldId, number>();
  for (const section of template.sections) {
    for (const row of section.rows) {
      for (const cell of row.cells) {
        seen.set(cell.field, (seen.get(cell.field) ?? 0) + 1);
        const isGuardianField = guardianFieldIds.includes(cell.field);
        if (isGuardianField && section.showWhen !== 'guardian') {
          issues.push(
            `Trường "${cell.field}" của người giám hộ phải nằm trong mục có "showWhen": "guardian".`,
          );
        }
        if (!isGuardianField && section.showWhen === 'guardian') {
          issues.push(
            `Trường "${cell.field}" nằm trong mục người giám hộ nên sẽ không được in cho người lớn.`,
          );
        }
      }
    }
  }
  for (const field of declarationFieldIds) {
    const count = seen.get(field) ?? 0;
    if (count === 0) issues.push(`Thiếu trường "${field}": tờ khai phải in mọi thông tin đăng ký.`);
    if (count > 1) issues.push(`Trường "${field}" xuất hiện ${count} lần; mỗi trường chỉ in một lần.`);
  }
  return issues;
}
