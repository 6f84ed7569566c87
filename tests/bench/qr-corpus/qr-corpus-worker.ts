// A worker thread of generate-corpus.ts: renders its share of the specs and posts each frame's
// pixels back (transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderedMessage } from './generate-corpus.ts';
import { renderQrCorpusFrame, type QrCorpusSpec } from './qr-corpus.ts';

const { specs, indices } = workerData as { specs: QrCorpusSpec[]; indices: number[] };
specs.forEach((spec, position) => {
  const { parameters, frame } = renderQrCorpusFrame(spec);
  const data = frame.data.buffer as ArrayBuffer;
  const message: RenderedMessage = {
    index: indices[position] as number,
    parameters,
    width: frame.width,
    height: frame.height,
    data,
  };
  parentPort?.postMessage(message, [data]);
});
