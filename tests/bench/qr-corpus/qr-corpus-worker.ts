// A worker thread of generate-corpus.ts: renders its share of the specs and either posts each
// frame's pixels back (transferred, not copied) or writes the frame to its file and posts only
// its parameters.
import { parentPort, workerData } from 'node:worker_threads';
import { renderToFile, type RenderedMessage, type RenderWork } from './generate-corpus.ts';
import { renderQrCorpusFrame } from './qr-corpus.ts';

const { specs, indices, files } = workerData as RenderWork;
specs.forEach((spec, position) => {
  const index = indices[position] as number;
  if (files) {
    const message: RenderedMessage = {
      index,
      parameters: renderToFile(spec, files[position] as string),
      pixels: null,
    };
    parentPort?.postMessage(message);
    return;
  }
  const { parameters, frame } = renderQrCorpusFrame(spec);
  const data = frame.data.buffer as ArrayBuffer;
  const message: RenderedMessage = {
    index,
    parameters,
    pixels: { width: frame.width, height: frame.height, data },
  };
  parentPort?.postMessage(message, [data]);
});
