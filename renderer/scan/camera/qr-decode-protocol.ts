// The messages between the camera's QR decoder worker (qr-decode-worker.ts) and its client
// (qr-decoder-client.ts).

/** Pixels as a transferable buffer (RGBA, row-major, width × height × 4 bytes). */
export interface RgbaBuffer {
  width: number;
  height: number;
  data: ArrayBuffer;
}

export type QrDecodeRequest =
  | {
      type: 'decode';
      id: number;
      /** A video frame as an ImageBitmap (transferred, closed by the worker) or RGBA pixels. */
      frame: ImageBitmap | RgbaBuffer;
      /** Fallbacks stop once this many ms went on the frame; the fast pass always runs. */
      budgetMs: number | null;
    }
  | {
      /** Optional: the .wasm bytes, when the page cannot let the worker fetch them itself. */
      type: 'wasm';
      wasmBinary: ArrayBuffer;
    };

export type QrDecodeResponse =
  | { id: number; text: string; ms: number; attempt: string }
  | { id: number; none: true; ms: number }
  | { id: number; error: string; ms: number };
