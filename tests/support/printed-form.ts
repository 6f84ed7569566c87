import { decodeQrImageFile } from '../../main/host/qr-image/decode-image-file.ts';
import { pdfText, rasterisePage } from '../integration/support/declaration-poppler.ts';
import type { CupsServer } from './cups-server.ts';

/**
 * What reached the printer: the text of the newest document the spooler received, and the QR code
 * read back (with the app's own decoder) from the page cups-pdf printed. cups-pdf re-distils text
 * into glyphs without a Unicode map, so the printed file's own text cannot be extracted; its QR code
 * proves the printed page is that registration's form.
 */
export async function readPrintedForm(
  cups: CupsServer,
  printed: string,
): Promise<{ text: string; qr: string | null }> {
  const spooled = (await cups.spooledDocuments()).at(-1);
  if (spooled === undefined) throw new Error('the spooler received no document');
  const decoded = await decodeQrImageFile(await rasterisePage(printed, 1, 150));
  return { text: await pdfText(spooled), qr: decoded.ok ? decoded.text : null };
}
