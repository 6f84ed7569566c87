// The camera screen's handle on the QR decoder worker. One worker per decoder; `decode` sends a
// frame and resolves with what the worker read. Await each frame before sending the next one (a
// camera loop that does so decodes as fast as the worker can, and never queues stale frames).
import type { QrDecodeRequest, QrDecodeResponse } from './qr-decode-protocol.ts';

/**
 * What the worker made of a frame: the code's text (null when it found none), the time the worker
 * spent on the frame, and which attempt of the strategy read it (null when none did).
 */
export interface QrDecodeOutcome {
  text: string | null;
  ms: number;
  attempt: string | null;
}

/** A frame: a video frame as an ImageBitmap (transferred), a canvas's ImageData, or raw RGBA. */
export type QrFrame = ImageBitmap | ImageData | { width: number; height: number; data: Uint8ClampedArray };

export interface QrDecoder {
  /**
   * Decodes one frame. An ImageBitmap is transferred to the worker (and closed there). Pixels are
   * copied, unless `transfer` is set: then their buffer moves to the worker and is unusable here.
   */
  decode(
    frame: QrFrame,
    options?: { transfer?: boolean; budgetMs?: number | null },
  ): Promise<QrDecodeOutcome>;
  /** Hands the worker the .wasm bytes (for pages that cannot let it fetch them); optional. */
  provideWasm(wasmBinary: ArrayBuffer): void;
  /** Stops the worker; pending decodes reject. */
  dispose(): void;
}

/** The worker surface the client uses (a real Worker, or a test double). */
export interface WorkerLike {
  postMessage(message: QrDecodeRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<QrDecodeResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface QrDecoderOptions {
  /**
   * Time a frame may take before the remaining fallbacks are skipped (ms); the fast pass always
   * runs. 200 ms keeps an empty scene cheap while still trying the fallbacks most hard frames need;
   * null tries every fallback on every frame.
   */
  budgetMs?: number | null;
  /** For tests. */
  createWorker?: () => WorkerLike;
}

const defaultBudgetMs = 200;

function startWorker(): WorkerLike {
  return new Worker(new URL('./qr-decode-worker.ts', import.meta.url), {
    type: 'module',
    name: 'qr-decode',
  }) as unknown as WorkerLike;
}

export function createQrDecoder(options: QrDecoderOptions = {}): QrDecoder {
  const worker = (options.createWorker ?? startWorker)();
  const budget = options.budgetMs === undefined ? defaultBudgetMs : options.budgetMs;
  const pending = new Map<
    number,
    { resolve: (outcome: QrDecodeOutcome) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let disposed = false;

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = (event) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if ('error' in response) waiting.reject(new Error(response.error));
    else if ('text' in response)
      waiting.resolve({ text: response.text, ms: response.ms, attempt: response.attempt });
    else waiting.resolve({ text: null, ms: response.ms, attempt: null });
  };
  worker.onerror = (event) => failAll(new Error(`QR decoder worker failed: ${event.message}`));

  return {
    decode(frame, decodeOptions = {}) {
      if (disposed) return Promise.reject(new Error('QR decoder disposed'));
      const id = nextId;
      nextId += 1;
      const budgetMs = decodeOptions.budgetMs === undefined ? budget : decodeOptions.budgetMs;
      let request: QrDecodeRequest;
      let transfer: Transferable[];
      if ('data' in frame) {
        const bytes = frame.data;
        // Only a buffer that is exactly these pixels can move; anything else is copied.
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        const data = (decodeOptions.transfer && whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
        request = { type: 'decode', id, frame: { width: frame.width, height: frame.height, data }, budgetMs };
        transfer = [data];
      } else {
        request = { type: 'decode', id, frame, budgetMs };
        transfer = [frame];
      }
      return new Promise<QrDecodeOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request, transfer);
      });
    },
    provideWasm(wasmBinary) {
      worker.postMessage({ type: 'wasm', wasmBinary }, [wasmBinary]);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker.terminate();
      failAll(new Error('QR decoder disposed'));
    },
  };
}
