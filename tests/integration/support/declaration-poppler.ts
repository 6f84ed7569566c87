// poppler-utils for the declaration tests: text as a reader would copy it (pdftotext), the page
// count as a viewer sees it (pdfinfo), and the pages as pixels (pdftoppm), all run on the real PDF
// bytes through execFile. Installed by .ci/ensure-tools.sh in CI and present on the dev machines.
import { execFile, execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** Null when poppler is installed, else why the tests that need it are skipped. */
export const popplerMissing: string | null = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'pdftotext (poppler-utils) is not installed: install it (apt-get install poppler-utils) to run the declaration PDF tests';
  }
})();

export async function writePdf(directory: string, name: string, pdf: Buffer): Promise<string> {
  const file = path.join(directory, name);
  await writeFile(file, pdf);
  return file;
}

/** pdftotext -layout, NFC; `page` limits it to one page. */
export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'], {
    maxBuffer: 1 << 24,
  });
  return stdout.normalize('NFC');
}

/** pdfinfo's view of the file; rejects when pdfinfo cannot parse it. */
export async function pdfInfo(file: string): Promise<{ pages: number; fields: Record<string, string> }> {
  const { stdout } = await run('pdfinfo', [file]);
  const fields: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1] as string] = match[2] as string;
  }
  return { pages: Number(fields.Pages), fields };
}

/** One page as a PNG file (pdftoppm), colour or grayscale. */
export async function rasterisePage(
  file: string,
  page: number,
  dpi: number,
  options: { gray?: boolean } = {},
): Promise<string> {
  const prefix = `${file}-p${page}-${dpi}${options.gray ? '-gray' : ''}`;
  await run('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    ...(options.gray ? ['-gray'] : []),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ]);
  return `${prefix}.png`;
}

/** Gray levels (0–255) of a PNG, one per pixel. */
export async function grayPixels(file: string): Promise<{ width: number; height: number; gray: Uint8Array }> {
  const png = PNG.sync.read(await readFile(file));
  const gray = new Uint8Array(png.width * png.height);
  for (let index = 0; index < gray.length; index += 1) {
    const offset = index * 4;
    gray[index] = Math.round(
      0.299 * (png.data[offset] as number) +
        0.587 * (png.data[offset + 1] as number) +
        0.114 * (png.data[offset + 2] as number),
    );
  }
  return { width: png.width, height: png.height, gray };
}

/** The share of pixels whose gray levels differ by more than `threshold`; 1 when the sizes differ. */
export function differingShare(
  a: { width: number; height: number; gray: Uint8Array },
  b: { width: number; height: number; gray: Uint8Array },
  threshold = 64,
): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let index = 0; index < a.gray.length; index += 1) {
    if (Math.abs((a.gray[index] as number) - (b.gray[index] as number)) > threshold) differing += 1;
  }
  return differing / a.gray.length;
}
