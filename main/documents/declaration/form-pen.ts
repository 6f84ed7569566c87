// Drawing text on the form with pdfkit, one line at a time, on baselines this module computes, so
// that a Vietnamese value and a Chinese label on the same row sit on the same line whatever the
// two fonts' ascenders are, and nothing is ever placed by pdfkit's own flow (which adds pages).
import type PDFDocument from 'pdfkit';
import { wrapText } from './wrap-text.ts';

type Doc = InstanceType<typeof PDFDocument>;

/** The faces a page draws with, by the names registered on the document. */
export interface PenFonts {
  /** Be Vietnam Pro: every value the citizen typed, on every page. */
  vietnamese: string;
  vietnameseBold: string;
  /** The page's own language (the Vietnamese faces on the form and the English summary). */
  page: string;
  pageBold: string;
}

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  font: string;
  size: number;
  /** Line height in points. */
  lineHeight: number;
}

/** The fontkit face behind a registered pdfkit font, for its character map (not in pdfkit's types). */
interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const graphemeSegmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
// Joiners and variation selectors carry no glyph of their own: they do not make a cluster undrawable.
const invisible = (codePoint: number) =>
  codePoint === 0x200c || codePoint === 0x200d || (codePoint >= 0xfe00 && codePoint <= 0xfe0f);

export class FormPen {
  readonly doc: Doc;
  readonly fonts: PenFonts;
  readonly #coverage = new Map<string, Map<number, boolean>>();

  constructor(doc: Doc, fonts: PenFonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  width(text: string, font: string, size: number): number {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  /** Whether `font` has a glyph for every visible character of `text`; true for built-in fonts. */
  covers(font: string, text: string): boolean {
    for (const character of text) {
      if (!this.#hasGlyph(font, character)) return false;
    }
    return true;
  }

  #hasGlyph(font: string, character: string): boolean {
    const codePoint = character.codePointAt(0) as number;
    if (codePoint < 0x80 || invisible(codePoint)) return true;
    let known = this.#coverage.get(font);
    if (!known) {
      known = new Map();
      this.#coverage.set(font, known);
    }
    let has = known.get(codePoint);
    if (has === undefined) {
      this.doc.font(font);
      const face = (this.doc as unknown as { _font?: { font?: Partial<GlyphCoverage> } })._font?.font;
      has = typeof face?.hasGlyphForCodePoint === 'function' ? face.hasGlyphForCodePoint(codePoint) : true;
      known.set(codePoint, has);
    }
    return has;
  }

  /**
   * The first of `candidates` that can draw all of `text`; when none can (an emoji in a name),
   * the first one, with each character cluster it cannot draw printed as "?" rather than as an
   * empty box that hides that something was there.
   */
  choose(text: string, candidates: readonly string[]): { font: string; text: string } {
    for (const font of candidates) if (this.covers(font, text)) return { font, text };
    const font = candidates[0] as string;
    let printable = '';
    for (const { segment } of graphemeSegmenter.segment(text)) {
      printable += this.covers(font, segment) ? segment : '?';
    }
    return { font, text: printable };
  }

  /** Lines of `text` in `style` for a box `width` wide, at most `maxLines`, "…" when cut. */
  wrap(text: string, style: TextStyle, width: number, maxLines: number): string[] {
    const doc = this.doc.font(style.font).fontSize(style.size);
    return wrapText(text, width, maxLines, (part) => doc.widthOfString(part));
  }

  /** The largest size not below `minimum` at which `text` fits `width` on one line. */
  fittingSize(text: string, font: string, size: number, width: number, minimum: number): number {
    const natural = this.width(text, font, size);
    if (natural <= width) return size;
    return Math.max(minimum, (size * width) / natural);
  }

  /** Draws prepared lines in a box whose top is `top`; returns the height used. */
  drawLines(
    lines: readonly string[],
    style: TextStyle,
    x: number,
    top: number,
    width: number,
    align: Align = 'left',
  ): number {
    const doc = this.doc.font(style.font).fontSize(style.size);
    // Centre the font's em box (ascender 1.0, descender 0.265 for Be Vietnam Pro) in the line.
    const baselineOffset = (style.lineHeight + style.size * 0.735) / 2;
    lines.forEach((line, index) => {
      const lineWidth = doc.widthOfString(line);
      const left =
        align === 'left' ? x : align === 'center' ? x + (width - lineWidth) / 2 : x + width - lineWidth;
      doc.text(line, left, top + index * style.lineHeight + baselineOffset, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
    });
    return lines.length * style.lineHeight;
  }

  /** Wraps and draws; returns the height used. */
  drawText(
    text: string,
    style: TextStyle,
    x: number,
    top: number,
    width: number,
    maxLines: number,
    align: Align = 'left',
  ): number {
    return this.drawLines(this.wrap(text, style, width, maxLines), style, x, top, width, align);
  }

  /** One line, shrunk down to `minimumShrink` of its size to fit, cut with "…" below that. */
  drawFitted(
    text: string,
    style: TextStyle,
    x: number,
    top: number,
    width: number,
    minimumShrink: number,
    align: Align = 'left',
  ): number {
    const size = this.fittingSize(text, style.font, style.size, width, style.size * minimumShrink);
    const fitted = { ...style, size };
    this.drawLines(
      this.wrap(text, fitted, width, 1),
      { ...fitted, lineHeight: style.lineHeight },
      x,
      top,
      width,
      align,
    );
    return style.lineHeight;
  }
}
