// The camera's QR decoder, a module Web Worker: zxing-wasm with its .wasm bundled by Vite and
// loaded from the app's own origin (never the CDN zxing-wasm defaults to), running the app's
// decoding strategy (main/core/qr-decode, the same module the Node CLI runs). The worker fetches
// the .wasm bytes itself and hands them to the module (`wasmBinary`), checked against the SHA-256
// the package was built with; under the app's CSP that needs `connect-src 'self'` for the fetch
// and `'wasm-unsafe-eval'` for the compile, both granted. A page that cannot fetch (Electron from
// file://) may post the bytes instead (`{ type: 'wasm' }`) before the first frame.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule, readBarcodes, ZXING_WASM_SHA256 } from 'zxing-wasm/reader';
import { decodeQrFrame } from '../../../main/core/qr-decode/decode-qr-frame.ts';
import type { RgbaFrame } from '../../../main/core/qr-decode/gray-image.ts';
import type { ReadBarcodes } from '../../../main/core/qr-decode/qr-reader-port.ts';
import type { QrDecodeRequest, QrDecodeResponse, RgbaBuffer } from './qr-decode-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<QrDecodeRequest>) => void) | null;
  postMessage(message: QrDecodeResponse): void;
}

const scope = self as unknown as WorkerScope;

let postedWasm: ArrayBuffer | null = null;
let reader: Promise<ReadBarcodes> | null = null;

async function fetchWasm(): Promise<ArrayBuffer> {
  const response = await fetch(wasmUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`zxing_reader.wasm: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function sha256(bytes: ArrayBuffer): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null; // not a secure context: nothing to check with
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function loadReader(): Promise<ReadBarcodes> {
  reader ??= (async () => {
    const wasmBinary = postedWasm ?? (await fetchWasm());
    const digest = await sha256(wasmBinary);
    if (digest !== null && digest !== ZXING_WASM_SHA256) {
      throw new Error('zxing_reader.wasm does not match the zxing-wasm JavaScript it was bundled with');
    }
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    const read: ReadBarcodes = (image, options) =>
      readBarcodes(image as unknown as Parameters<typeof readBarcodes>[0], options);
    return read;
  })();
  reader.catch(() => {
    reader = null; // a later frame tries again
  });
  return reader;
}

let canvas: OffscreenCanvas | null = null;

function pixels(frame: ImageBitmap | RgbaBuffer): RgbaFrame {
  if (!('data' in frame)) {
    if (!canvas || canvas.width !== frame.width || canvas.height !== frame.height) {
      canvas = new OffscreenCanvas(frame.width, frame.height);
    }
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context in the worker');
    context.drawImage(frame, 0, 0);
    frame.close();
    return context.getImageData(0, 0, canvas.width, canvas.height);
  }
  return { width: frame.width, height: frame.height, data: new Uint8ClampedArray(frame.data) };
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'wasm') {
    postedWasm = request.wasmBinary;
    return;
  }
  const started = performance.now();
  void (async () => {
    try {
      const read = await loadReader();
      const found = await decodeQrFrame(pixels(request.frame), read, {
        ...(request.budgetMs === null ? {} : { budgetMs: request.budgetMs }),
      });
      const ms = performance.now() - started;
      scope.postMessage(
        found
          ? { id: request.id, text: found.text, ms, attempt: found.attempt }
          : { id: request.id, none: true, ms },
      );
    } catch (error) {
      scope.postMessage({ id: request.id, error: String(error), ms: performance.now() - started });
    }
  })();
};
