// One subsetting thread of the font build (scripts/screen-fonts.ts): a job in, a WOFF2 file out.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import subsetFont from 'subset-font';
import type { SubsetJob } from './screen-fonts.ts';

interface Request {
  job: SubsetJob;
  options: Parameters<typeof subsetFont>[2];
}

parentPort?.on('message', ({ job, options }: Request) => {
  void (async () => {
    try {
      const source = await readFile(job.sourcePath);
      const made = await subsetFont(source, job.characters, {
        ...options,
        keepAllGlyphs: job.characters === null,
      });
      const bytes = new Uint8Array(made);
      parentPort?.postMessage({ bytes }, [bytes.buffer]);
    } catch (error) {
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
