// The registration code as a QR symbol drawn in the PDF as vector squares: sharp at any printer
// resolution and a few hundred bytes, where an embedded PNG would be blurry or large. The content
// is exactly the registration code, so the counter's scanner reads the same string as the text.
// Level M survives a fold or a smudge on paper; qrcode picks the smallest version that fits.
import type PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

type Doc = InstanceType<typeof PDFDocument>;

/** The dark modules of the symbol for `text`, as runs per row (fewer, wider rectangles). */
export function qrModuleRuns(text: string): {
  size: number;
  runs: { row: number; column: number; length: number }[];
} {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: { row: number; column: number; length: number }[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let start = -1;
    for (let column = 0; column <= modules.size; column += 1) {
      const dark = column < modules.size && modules.get(row, column) !== 0;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/**
 * Draws the symbol in the square at (x, y) of side `side`, the modules filling it; the caller
 * keeps a quiet zone of four modules around it clear (the page margins and layout gaps do).
 */
export function drawQrSymbol(doc: Doc, text: string, x: number, y: number, side: number): void {
  const { size, runs } = qrModuleRuns(text);
  const module = side / size;
  doc.save().fillColor('#000000');
  for (const run of runs) {
    // A hair of overlap between neighbouring rows so that no white seam shows when rasterised.
    doc.rect(x + run.column * module, y + run.row * module, run.length * module, module + 0.01);
  }
  doc.fill().restore();
}
