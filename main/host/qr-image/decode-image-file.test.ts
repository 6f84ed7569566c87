// The Node side with the real zxing-wasm: the .wasm from node_modules, PNG/JPEG decoding, and the
// app's strategy on frames of the QR corpus that need each of its fallbacks.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ZXING_WASM_SHA256 } from 'zxing-wasm/reader';
import { decodeQrFrame } from '../../core/qr-decode/decode-qr-frame.ts';
import { qrCorpusSpecs, renderQrCorpusFrame } from '../../../tests/bench/qr-corpus/qr-corpus.ts';
import { decodeImagePixels, decodeQrImage, decodeQrImageFile } from './decode-image-file.ts';
import { loadZxingReader, zxingWasmPath } from './zxing-node-reader.ts';

/** A corpus frame by id (`<fixture>/<kind>` in round 0, `<fixture>/<kind>#<round>` in another). */
const corpusFrame = (id: string) => {
  const round = id.includes('#') ? Number(id.split('#')[1]) : 0;
  const spec = qrCorpusSpecs(round).find((candidate) => candidate.id === id);
  if (!spec) throw new Error(`no corpus frame ${id}`);
  return { spec, frame: renderQrCorpusFrame(spec).frame };
};

const png = (frame: { width: number; height: number; data: Uint8ClampedArray }) => {
  const image = new PNG({ width: frame.width, height: frame.height });
  image.data = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);
  return PNG.sync.write(image);
};

describe('QR codes in images, in Node', () => {
  it('loads the reader from the local .wasm, which matches the package’s JavaScript', async () => {
    const digest = createHash('sha256').update(readFileSync(zxingWasmPath())).digest('hex');
    expect(digest).toBe(ZXING_WASM_SHA256);
    const read = await loadZxingReader();
    expect(await loadZxingReader()).toBe(read);
  });

  it('decodes PNG and JPEG bytes to the exact payload, Vietnamese included', async () => {
    const { spec, frame } = corpusFrame('cccd-2021-0/clean');
    const fromPng = await decodeQrImage(png(frame));
    expect(fromPng).toMatchObject({ ok: true, text: spec.payload, attempt: 'fast' });
    const jpegBytes = jpeg.encode({ width: frame.width, height: frame.height, data: frame.data }, 80).data;
    expect(await decodeQrImage(jpegBytes)).toMatchObject({ ok: true, text: spec.payload });
    const pixels = decodeImagePixels(png(frame));
    expect([pixels.width, pixels.height, pixels.data.length]).toEqual([1280, 720, 1280 * 720 * 4]);
  });

  it('reads corpus frames that need each fallback of the strategy', async () => {
    const read = await loadZxingReader();
    // Frames of the benchmark's tuning rounds.
    for (const [id, attempt] of [
      ['cancuoc-2024-adult-0/defocus', 'sharpened'],
      ['cccd-2021-upper-cased-by-scanner/glare', 'sharp-finders'],
      ['cccd-2021-sex-digit-mismatch-warns/combo-3#4', 'crop-upscale'],
      ['bhyt-2015-year-only-birth/combo-3#6', 'smooth-finders'],
      ['bhyt-2021-1/combo-3', 'upscale-smooth'],
    ] as const) {
      const { spec, frame } = corpusFrame(id);
      const found = await decodeQrFrame(frame, read);
      expect(found, id).toMatchObject({ text: spec.payload, attempt });
    }
  });

  it('says what is wrong with a file that has no readable code', async () => {
    const code = async (bytes: Uint8Array) => {
      const result = await decodeQrImage(bytes);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await code(new TextEncoder().encode('GIF89a…'))).toBe('not-an-image');
    expect(
      await code(png({ width: 40, height: 30, data: new Uint8ClampedArray(40 * 30 * 4).fill(255) })),
    ).toBe('qr-not-found');
    const truncated = png({ width: 40, height: 30, data: new Uint8ClampedArray(40 * 30 * 4) }).subarray(
      0,
      60,
    );
    expect(await code(truncated)).toBe('image-corrupt');
    const huge = Buffer.from(png({ width: 1, height: 1, data: new Uint8ClampedArray(4) }));
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    expect(await code(huge)).toBe('image-too-large');
    expect(await code(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image-corrupt');
    const missing = await decodeQrImageFile('/nonexistent/card.png');
    expect(missing).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
  });
});
