// Page images of a PDF the backend rendered, for the print preview: pdf.js in a module worker,
// bundled with the app (kiosks are offline), drawing each page on a canvas. The fonts are embedded
// in our PDFs, so pdf.js needs neither its CMaps nor its standard fonts, and no wasm image decoder
// (the form has no JPEG 2000 or JBIG2 images).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export interface PageImage {
  /** An object URL of the page as PNG; revoke it with `releasePageImages`. */
  url: string;
  width: number;
  height: number;
}

/** Draws every page at `cssWidth` CSS pixels wide (sharp on high-DPI screens). */
export async function renderPdfPages(pdf: Uint8Array, cssWidth: number): Promise<PageImage[]> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({
    data: pdf,
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: true,
  });
  const images: PageImage[] = [];
  try {
    const document = await task.promise;
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const unscaled = page.getViewport({ scale: 1 });
      const scale = (cssWidth / unscaled.width) * Math.min(2, globalThis.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale });
      const canvas = globalThis.document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport, background: '#ffffff' }).promise;
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (made) => (made ? resolve(made) : reject(new Error('canvas.toBlob failed'))),
          'image/png',
        ),
      );
      images.push({ url: URL.createObjectURL(blob), width: canvas.width, height: canvas.height });
      page.cleanup();
    }
    return images;
  } catch (error) {
    // The pages drawn before the failure are of no use alone.
    releasePageImages(images);
    throw error;
  } finally {
    // Ends the document and its worker.
    await task.destroy();
  }
}

export function releasePageImages(images: readonly PageImage[]): void {
  for (const image of images) URL.revokeObjectURL(image.url);
}
