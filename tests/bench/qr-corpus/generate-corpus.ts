// Renders the corpus in worker threads (one per core, at most `workers`), frames in spec order.
// Each frame depends only on its spec, so the result is the same however the work is split.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  renderQrCorpusFrame,
  type FrameParameters,
  type QrCorpusFrame,
  type QrCorpusSpec,
} from './qr-corpus.ts';

export interface RenderedMessage {
  index: number;
  parameters: FrameParameters;
  width: number;
  height: number;
  data: ArrayBuffer;
}

export async function generateQrCorpus(
  specs: readonly QrCorpusSpec[],
  options: { workers?: number } = {},
): Promise<QrCorpusFrame[]> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), specs.length));
  if (workers === 1) return specs.map((spec) => renderQrCorpusFrame(spec));
  const frames = new Array<QrCorpusFrame>(specs.length);
  const shares = Array.from({ length: workers }, (_, worker) =>
    specs.map((_, index) => index).filter((index) => index % workers === worker),
  );
  await Promise.all(
    shares.map(
      (indices) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./qr-corpus-worker.ts', import.meta.url), {
            workerData: { specs: indices.map((index) => specs[index]), indices },
          });
          worker.on('message', (message: RenderedMessage) => {
            frames[message.index] = {
              spec: specs[message.index] as QrCorpusSpec,
              parameters: message.parameters,
              frame: {
                width: message.width,
                height: message.height,
                data: new Uint8ClampedArray(message.data),
              },
            };
          });
          worker.once('error', reject);
          worker.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`corpus worker exited with ${code}`)),
          );
        }),
    ),
  );
  return frames;
}
