// The client's bookkeeping against a fake worker (the real worker, zxing-wasm and the CSP are
// exercised in a browser: see the report of the camera decoder's build).
import { describe, expect, it } from 'vitest';
import type { QrDecodeRequest, QrDecodeResponse } from './qr-decode-protocol.ts';
import { createQrDecoder, type WorkerLike } from './qr-decoder-client.ts';

function fakeWorker() {
  const sent: Array<{ message: QrDecodeRequest; transfer: Transferable[] }> = [];
  const worker: WorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message, transfer) {
      sent.push({ message, transfer });
    },
    terminate() {
      this.terminated = true;
    },
  };
  const answer = (response: QrDecodeResponse) =>
    worker.onmessage?.({ data: response } as MessageEvent<QrDecodeResponse>);
  return { worker, sent, answer };
}

const pixels = () => ({ width: 2, height: 1, data: new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 255]) });

describe('createQrDecoder', () => {
  it('matches answers to requests, whatever order they come back in', async () => {
    const { worker, sent, answer } = fakeWorker();
    const decoder = createQrDecoder({ createWorker: () => worker });
    const first = decoder.decode(pixels());
    const second = decoder.decode(pixels());
    const [a, b] = sent.map(({ message }) => (message.type === 'decode' ? message.id : -1));
    answer({ id: b!, none: true, ms: 12 });
    answer({ id: a!, text: 'Nguyễn', ms: 30, attempt: 'fast' });
    expect(await first).toEqual({ text: 'Nguyễn', ms: 30, attempt: 'fast' });
    expect(await second).toEqual({ text: null, ms: 12, attempt: null });
  });

  it('copies pixels unless asked to transfer them, and always transfers an ImageBitmap', () => {
    const { worker, sent } = fakeWorker();
    const decoder = createQrDecoder({ createWorker: () => worker });
    const kept = pixels();
    void decoder.decode(kept);
    expect(kept.data.byteLength).toBe(8);
    expect(sent[0]!.transfer[0]).not.toBe(kept.data.buffer);
    const moved = pixels();
    void decoder.decode(moved, { transfer: true });
    expect(sent[1]!.transfer[0]).toBe(moved.data.buffer);
    const view = { width: 1, height: 1, data: new Uint8ClampedArray(new ArrayBuffer(16), 4, 4) };
    void decoder.decode(view, { transfer: true }); // a view into a larger buffer is copied
    expect(sent[2]!.transfer[0]).not.toBe(view.data.buffer);
    const bitmap = { width: 4, height: 3, close() {} } as unknown as ImageBitmap;
    void decoder.decode(bitmap);
    expect(sent[3]!.transfer).toEqual([bitmap]);
    expect(sent[3]!.message).toMatchObject({ type: 'decode', frame: bitmap });
  });

  it('sends the budget: 200 ms by default, the decoder’s or the frame’s when given', () => {
    const { worker, sent } = fakeWorker();
    void createQrDecoder({ createWorker: () => worker }).decode(pixels());
    void createQrDecoder({ createWorker: () => worker, budgetMs: null }).decode(pixels());
    void createQrDecoder({ createWorker: () => worker, budgetMs: 80 }).decode(pixels(), { budgetMs: 40 });
    expect(sent.map(({ message }) => (message.type === 'decode' ? message.budgetMs : 'wasm'))).toEqual([
      200,
      null,
      40,
    ]);
  });

  it('rejects on a worker error, and everything pending once disposed', async () => {
    const { worker, answer } = fakeWorker();
    const decoder = createQrDecoder({ createWorker: () => worker });
    const failing = decoder.decode(pixels());
    answer({ id: 1, error: 'CompileError: wasm blocked', ms: 3 });
    await expect(failing).rejects.toThrow('CompileError');
    const pending = decoder.decode(pixels());
    decoder.dispose();
    await expect(pending).rejects.toThrow('disposed');
    await expect(decoder.decode(pixels())).rejects.toThrow('disposed');
    expect(worker.terminated).toBe(true);
  });

  it('hands the worker .wasm bytes when the page provides them', () => {
    const { worker, sent } = fakeWorker();
    const bytes = new ArrayBuffer(8);
    createQrDecoder({ createWorker: () => worker }).provideWasm(bytes);
    expect(sent[0]).toEqual({ message: { type: 'wasm', wasmBinary: bytes }, transfer: [bytes] });
  });
});
