// Renders the corpus in worker threads (one per core, at most `workers`), frames in spec order.
// Each frame depends only on its spec, so the result is the same however the work is split.
// `generateQrCorpus` hands the frames back; `writeQrCorpus` has each worker write its frames to
// files (frame-codec.ts) and hands back only their parameters, for the on-disk cache.
import { renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { encodeFrame } from './frame-codec.ts';
import {
  renderQrCorpusFrame,
  type FrameParameters,
  type QrCorpusFrame,
  type QrCorpusSpec,
} from './qr-corpus.ts';

export interface RenderedMessage {
  index: number;
  parameters: FrameParameters;
  /** The pixels, unless the worker wrote them to a file. */
  pixels: { width: number; height: number; data: ArrayBuffer } | null;
}

export interface RenderWork {
  specs: QrCorpusSpec[];
  indices: number[];
  /** Where to write each frame (null: post the pixels back). */
  files: string[] | null;
}

/** Renders a spec and writes it to `file` (through a temporary name: a reader never sees half a frame). */
export function renderToFile(spec: QrCorpusSpec, file: string): FrameParameters {
  const { parameters, frame } = renderQrCorpusFrame(spec);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, encodeFrame(frame));
  renameSync(temporary, file);
  return parameters;
}

function renderInWorkers(
  specs: readonly QrCorpusSpec[],
  files: readonly string[] | null,
  workers: number,
  onMessage: (message: RenderedMessage) => void,
): Promise<void> {
  const shares = Array.from({ length: workers }, (_, worker) =>
    specs.map((_, index) => index).filter((index) => index % workers === worker),
  );
  return Promise.all(
    shares.map(
      (indices) =>
        new Promise<void>((resolve, reject) => {
          const workerData: RenderWork = {
            specs: indices.map((index) => specs[index] as QrCorpusSpec),
            indices,
            files: files && indices.map((index) => files[index] as string),
          };
          const worker = new Worker(new URL('./qr-corpus-worker.ts', import.meta.url), { workerData });
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`corpus worker exited with ${code}`)),
          );
        }),
    ),
  ).then(() => undefined);
}

const workerCount = (requested: number | undefined, specs: number) =>
  Math.max(1, Math.min(requested ?? availableParallelism(), specs));

export async function generateQrCorpus(
  specs: readonly QrCorpusSpec[],
  options: { workers?: number } = {},
): Promise<QrCorpusFrame[]> {
  const workers = workerCount(options.workers, specs.length);
  if (workers === 1) return specs.map((spec) => renderQrCorpusFrame(spec));
  const frames = new Array<QrCorpusFrame>(specs.length);
  await renderInWorkers(specs, null, workers, (message) => {
    const pixels = message.pixels as NonNullable<RenderedMessage['pixels']>;
    frames[message.index] = {
      spec: specs[message.index] as QrCorpusSpec,
      parameters: message.parameters,
      frame: { width: pixels.width, height: pixels.height, data: new Uint8ClampedArray(pixels.data) },
    };
  });
  return frames;
}

/** Renders every spec into its file (`files[i]` for `specs[i]`); returns the frames' parameters. */
export async function writeQrCorpus(
  specs: readonly QrCorpusSpec[],
  files: readonly string[],
  options: { workers?: number; onFrame?: (done: number) => void } = {},
): Promise<FrameParameters[]> {
  if (files.length !== specs.length) throw new Error('writeQrCorpus: one file per spec');
  const workers = workerCount(options.workers, specs.length);
  const parameters = new Array<FrameParameters>(specs.length);
  let done = 0;
  const received = (index: number, drawn: FrameParameters) => {
    parameters[index] = drawn;
    done += 1;
    options.onFrame?.(done);
  };
  if (workers === 1) {
    specs.forEach((spec, index) => received(index, renderToFile(spec, files[index] as string)));
  } else {
    await renderInWorkers(specs, files, workers, (message) => received(message.index, message.parameters));
  }
  return parameters;
}
